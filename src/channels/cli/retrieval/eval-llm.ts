/**
 * Measures the LLM summarizer on the evaluation set: for each question, the passages
 * the advisor would retrieve go to the model, and we count the sentences it proposed,
 * the sentences that passed the output check (check-llm-summary.ts), why the others
 * were dropped, and how often the whole answer fell back to extractive (and why).
 * "Kept share" = kept / proposed over all calls that returned sentences.
 */
import type { Logger } from 'pino';
import type { Retriever } from '../../../advisor/ports.js';
import type { ContentBase } from '../../../content/types.js';
import { createLlmSummarizer, type LlmOutcome } from '../../../advisor/llm-summarizer.js';
import { questionRetrieverFor, type EvalSet } from '../../../retrieval/eval-retrieval.js';
import type { PlaceFinder } from '../../../retrieval/place-finder.js';
import type { ModelEndpoint } from '../../../llm/model-endpoint.js';

export interface LlmEvalOptions {
  /** The configured model (config.model). */
  endpoint: ModelEndpoint;
  logger: Logger;
  /** Place finder for staying on the asked destinations; default: country names (see place-finder.ts). */
  findPlaces?: PlaceFinder;
}

export interface LlmEvalReport {
  calls: number;
  answeredWithLlm: number;
  proposed: number;
  kept: number;
  /** kept / proposed; NaN when nothing was proposed. */
  keptShare: number;
  dropReasons: Record<string, number>;
  fallbackReasons: Record<string, number>;
}

/** Runs every eval question through the configured model once and counts what the check keeps. */
export async function evaluateLlmSummaries(content: ContentBase, retriever: Retriever, set: EvalSet, options: LlmEvalOptions): Promise<LlmEvalReport> {
  const outcomes: LlmOutcome[] = [];
  const { findPlaces, ...llm } = options;
  const summarizer = createLlmSummarizer({ content, ...llm, onOutcome: (o) => outcomes.push(o) });
  const focused = questionRetrieverFor(content, retriever, findPlaces);
  for (const item of set.questions) {
    const intent = item.countries.length ? 'country' : 'topic';
    const { passages } = focused.retrieve(item.q, { intent, countryCodes: item.countries });
    if (passages.length) await summarizer.summarize({ question: item.q, intent, countryCodes: item.countries, passages });
  }
  const count = (xs: string[]) => xs.reduce<Record<string, number>>((acc, x) => ({ ...acc, [x]: (acc[x] ?? 0) + 1 }), {});
  const proposed = outcomes.reduce((n, o) => n + o.proposed, 0);
  const kept = outcomes.reduce((n, o) => n + o.kept, 0);
  return {
    calls: outcomes.length,
    answeredWithLlm: outcomes.filter((o) => o.ok).length,
    proposed,
    kept,
    keptShare: proposed ? kept / proposed : Number.NaN,
    dropReasons: count(outcomes.flatMap((o) => o.dropped)),
    fallbackReasons: count(outcomes.filter((o) => !o.ok).map((o) => o.reason ?? 'unknown')),
  };
}
