/**
 * The optional summarizer behind a configured model (OPENAI_API_KEY, OPENAI_BASE_URL or
 * OPENAI_AUTH; src/llm/model-endpoint.ts): the openai SDK with a zod-typed
 * structured output in which every sentence names the passage ids it rests on.
 * Every result is checked (check-llm-summary.ts); when too little survives, or the
 * call times out, is refused, fails over HTTP or returns malformed output, it returns
 * null so the advisor falls back to the extractive summary, and logs why, never the
 * user's text. No retries by default: a fallback is better than a slow answer.
 */
import OpenAI from 'openai';
import { ContentFilterFinishReasonError, LengthFinishReasonError } from 'openai/error';
import { performance } from 'node:perf_hooks';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ContentBase } from '../content/types.js';
import { basicRedactor, type Redactor } from '../privacy/redact-personal-data.js';
import { buildPrompt } from './build-prompt.js';
import { buildSummary } from './cite.js';
import { checkLlmSummary, type DropReason } from './check-llm-summary.js';
import type { Summarizer, SummaryRequest } from './ports.js';
import { createModelClient, type ModelClientSeams } from '../llm/create-model-client.js';
import { ModelCredentialError } from '../llm/entra-token-provider.js';
import type { ModelEndpoint } from '../llm/model-endpoint.js';

/** What the model must return. MUST stay in sync with test/doubles/openai-server.ts. */
export const llmSummarySchema = z.object({
  sentences: z.array(
    z.object({
      text: z.string().describe('One short sentence stated by the passages.'),
      passages: z.array(z.string()).describe('Ids of the passages this sentence rests on, copied exactly.'),
    }),
  ),
});

/** Why an answer fell back to extractive; logged as `reason`, counted by eval:retrieval --llm and `llm report`. */
export type FallbackReason =
  | 'timeout'
  | 'connection'
  | 'credentials'
  | 'rate-limited'
  | 'http-error'
  | 'refusal'
  | 'malformed'
  | 'truncated'
  | 'content-filter'
  | 'nothing-proposed'
  | 'too-little-left';

/** One attempt's result, for logs and for measuring how many model sentences survive the check. */
export interface LlmOutcome {
  ok: boolean;
  reason?: FallbackReason;
  status?: number;
  proposed: number;
  kept: number;
  dropped: DropReason[];
  /** From the start of the model call to the checked result (or the failure), in milliseconds. */
  latencyMs: number;
}

/** Everything the LLM summarizer needs, injected so tests point it at a local server. */
export interface LlmSummarizerOptions {
  content: ContentBase;
  /** Which server, model, auth, headers and proxy (config's `model`); its timeoutMs is the whole-call budget. */
  endpoint: ModelEndpoint;
  /** Test seams for the client (a CA for the HTTPS doubles). */
  seams?: ModelClientSeams;
  logger: Logger;
  /** Monotonic milliseconds for latency; default performance.now. */
  now?: () => number;
  /** SDK retries; default 0 so every failure falls back within `timeoutMs`. */
  maxRetries?: number;
  /** Sentences shown at most (default 3, like the extractive summary). */
  maxSentences?: number;
  /** See CheckOptions.minOverlap. */
  minOverlap?: number;
  /** Share of proposed sentences that must pass the check, else the whole answer is distrusted (default 0.5). */
  minKeptShare?: number;
  onOutcome?: (outcome: LlmOutcome) => void;
  /**
   * Applied to every text in the prompt (see build-prompt.ts). Default: the basic redactor,
   * which knows no places and so may redact more; buildAdvisor passes the model redactor.
   */
  redact?: Redactor;
}

function classify(error: unknown): { reason: FallbackReason; status?: number } {
  if (error instanceof ModelCredentialError || (error as { cause?: unknown })?.cause instanceof ModelCredentialError) return { reason: 'credentials' };
  if (error instanceof OpenAI.APIConnectionTimeoutError || error instanceof OpenAI.APIUserAbortError) return { reason: 'timeout' };
  if (error instanceof OpenAI.APIConnectionError) return { reason: 'connection' };
  if (error instanceof OpenAI.RateLimitError) return { reason: 'rate-limited', status: 429 };
  if (error instanceof OpenAI.APIError) return { reason: 'http-error', status: error.status };
  if (error instanceof LengthFinishReasonError) return { reason: 'truncated' };
  if (error instanceof ContentFilterFinishReasonError) return { reason: 'content-filter' };
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) return { reason: 'timeout' };
  // JSON.parse's SyntaxError and zod's schema error both mean the output was not what we asked for.
  return { reason: 'malformed' };
}

/** A Summarizer that returns null (so the advisor falls back to extractive) whenever the model cannot be trusted. */
export function createLlmSummarizer(options: LlmSummarizerOptions): Summarizer {
  const { content, logger, endpoint } = options;
  const { model, timeoutMs } = endpoint;
  const maxSentences = options.maxSentences ?? 3;
  const minKeptShare = options.minKeptShare ?? 0.5;
  const now = options.now ?? (() => performance.now());
  const client = createModelClient(endpoint, options.seams, options.maxRetries ?? 0);
  const responseFormat = zodResponseFormat(llmSummarySchema, 'grounded_summary');
  const redact = options.redact ?? basicRedactor;

  const report = (outcome: LlmOutcome) => {
    options.onOutcome?.(outcome);
    const fields = { model, reason: outcome.reason, status: outcome.status, proposed: outcome.proposed, kept: outcome.kept, dropped: outcome.dropped, latencyMs: outcome.latencyMs };
    if (outcome.ok) logger.debug(fields, 'llm summary checked');
    else logger.warn(fields, 'llm summary fell back to extractive');
  };

  return {
    async summarize(request: SummaryRequest) {
      if (!request.passages.length) return null;
      const started = now();
      const done = (o: Omit<LlmOutcome, 'latencyMs'>) => report({ ...o, latencyMs: Math.round(now() - started) });
      let proposed: z.infer<typeof llmSummarySchema>['sentences'];
      try {
        const completion = await client.chat.completions.parse(
          // No temperature: reasoning models reject any but the default, and the check, not sampling, guards the output.
          { model, messages: buildPrompt(request.question, request.passages, redact), response_format: responseFormat },
          // The SDK's timeout covers the wait for headers; the signal also bounds reading the body.
          { signal: AbortSignal.timeout(timeoutMs) },
        );
        const message = completion.choices[0]?.message;
        if (message?.refusal) {
          done({ ok: false, reason: 'refusal', proposed: 0, kept: 0, dropped: [] });
          return null;
        }
        if (!message?.parsed) {
          done({ ok: false, reason: 'malformed', proposed: 0, kept: 0, dropped: [] });
          return null;
        }
        proposed = message.parsed.sentences;
      } catch (error) {
        done({ ok: false, ...classify(error), proposed: 0, kept: 0, dropped: [] });
        return null;
      }

      if (!proposed.length) {
        done({ ok: false, reason: 'nothing-proposed', proposed: 0, kept: 0, dropped: [] });
        return null;
      }
      const checked = checkLlmSummary(proposed, request.passages, { minOverlap: options.minOverlap });
      const outcome = { proposed: proposed.length, kept: checked.kept.length, dropped: checked.dropped.map((d) => d.reason) };
      if (!checked.kept.length || checked.kept.length / proposed.length < minKeptShare) {
        done({ ok: false, reason: 'too-little-left', ...outcome });
        return null;
      }
      done({ ok: true, ...outcome });
      return buildSummary(content, checked.kept.slice(0, maxSentences), 'llm');
    },
  };
}
