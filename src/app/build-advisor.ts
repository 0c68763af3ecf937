/**
 * Composition root of the core: loads content, builds understanding, retrieval and
 * the summarizer from Config. Every door (CLI, server) gets its advisor from here.
 */
import type { Logger } from 'pino';
import countries from 'i18n-iso-countries';
import type { Config } from '../config.js';
import type { ContentBase } from '../content/types.js';
import { loadContentPrebuilt } from '../artifacts/content-artifact.js';
import { loadUnderstanderPrebuilt } from '../artifacts/understanding-artifact.js';
import { createPassageIndex } from '../retrieval/passage-index.js';
import { createAdvisor, type Advisor } from '../advisor/create-advisor.js';
import { createExtractiveSummarizer } from '../advisor/extractive-summarizer.js';
import { lazySummarizer } from '../advisor/lazy-summarizer.js';
import { gazetteerPlaceFinder } from '../retrieval/place-finder.js';
import { domainWords } from '../retrieval/domain-words.js';
import { createModelRedactor } from '../advisor/create-model-redactor.js';
import { silentLogger } from '../logger.js';
import type { LlmAccounting } from '../llm/llm-accounting.js';
import type { ModelClientSeams } from '../llm/create-model-client.js';

export interface BuildAdvisorOptions {
  logger?: Logger;
  clock?: () => Date;
  /** Counts every model call's outcome (createApp's, for /healthz and `llm report`). */
  llmAccounting?: LlmAccounting;
  /** Model client seams for tests (a CA for HTTPS doubles). */
  llmSeams?: ModelClientSeams;
}

export function countryNameOf(code: string): string {
  return countries.getName(code, 'en', { select: 'official' }) ?? code;
}

/** Country names as the content served writes them, else the ISO name: one rule for the advisor, the copy table and the Slack Home tab. */
export function countryNamer(content: Pick<ContentBase, 'countries'>): (code: string) => string {
  return (code) => content.countries.get(code)?.name ?? countryNameOf(code);
}

export function buildAdvisor(config: Config, options: BuildAdvisorOptions = {}): Advisor {
  const logger = options.logger ?? silentLogger;
  // Prebuilt by `npm run build` when fresh, else built from the files now (a security team's edit, a reload).
  // Throws ContentError (file:line: message) on a bad content/ or intents/ file, stopping start-up.
  const { content, searchIndex, provenance: contentFrom } = loadContentPrebuilt(config.CONTENT_DIR, config.ARTIFACTS_DIR, { staleAfterDays: config.CONTENT_STALE_DAYS });
  for (const w of content.warnings) logger.debug({ file: w.file, line: w.line }, w.message);
  const extractive = createExtractiveSummarizer(content);
  const { understander, provenance: understandingFrom } = loadUnderstanderPrebuilt(config.INTENTS_DIR, config.ARTIFACTS_DIR);
  logger.info({ content: contentFrom, understanding: understandingFrom }, 'content and understanding loaded');
  // With a model configured, it summarises and the extractive summary is the fallback for every failure.
  const endpoint = config.model;
  // Imported only when configured: `ask` and a server without a model never load the openai SDK.
  const llm = endpoint
    ? lazySummarizer(
        async () =>
          (await import('../advisor/llm-summarizer.js')).createLlmSummarizer({
            content,
            endpoint,
            seams: options.llmSeams,
            onOutcome: options.llmAccounting ? (o) => options.llmAccounting!.record(o) : undefined,
            logger,
            // Nothing personal reaches the model; the understander's gazetteer says which words are places to keep.
            redact: createModelRedactor({ understander, passages: content.passages }),
          }),
        (error) => logger.error({ err: { name: (error as Error)?.name } }, 'model summarizer could not be built; answering with extractive summaries'),
      )
    : null;
  return createAdvisor({
    content,
    understander,
    // The understander's gazetteer and word list also keep retrieval on the asked places and off everyday words.
    retriever: createPassageIndex(content, { isDomainWord: domainWords(understander.gazetteer.englishWords), stored: searchIndex }),
    findPlaces: gazetteerPlaceFinder(understander.gazetteer),
    summarizer: llm ?? extractive,
    fallbackSummarizer: llm ? extractive : undefined,
    clock: options.clock,
    logger,
    countryName: countryNamer(content),
    securityContact: config.SECURITY_CONTACT,
  });
}
