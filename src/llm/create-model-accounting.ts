/**
 * The server's model accounting in one piece for createApp: the counters the summarizer
 * feeds (`accounting`, handed to buildAdvisor), the `llm` entry of `/healthz` (this
 * process), and the recorder that writes them to the store for `travel-advisor llm report`
 * (every process). Without a model configured it is inert: no counters, no `llm` entry,
 * no writes.
 */
import type Keyv from 'keyv';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { createLlmAccounting, llmHealthDetails, type LlmAccounting } from './llm-accounting.js';
import { createLlmAccountingRecorder, LLM_ACCOUNTING_NAMESPACE, type StoredLlmAccounting } from './llm-accounting-store.js';
import { describeModelEndpoint } from './model-endpoint.js';

export interface ModelAccounting {
  accounting?: LlmAccounting;
  /** `{ llm: … }` for /healthz, or nothing without a model. */
  details(): Record<string, unknown>;
  start(): void;
  stop(): Promise<void>;
}

export interface ModelAccountingOptions {
  config: Pick<Config, 'model'>;
  clock: () => Date;
  logger: Logger;
  /** Opens a store namespace; called at start(), so the app's stores exist by then. */
  store<T>(namespace: string): Keyv<T>;
  intervalMs?: number;
}

export function createModelAccounting(options: ModelAccountingOptions): ModelAccounting {
  const { config, clock, logger } = options;
  if (!config.model) return { details: () => ({}), start() {}, stop: async () => {} };
  const accounting = createLlmAccounting({ clock });
  const model = describeModelEndpoint(config.model);
  let recorder: ReturnType<typeof createLlmAccountingRecorder> | null = null;
  return {
    accounting,
    details: () => ({ llm: llmHealthDetails(accounting.snapshot()) }),
    start() {
      recorder ??= createLlmAccountingRecorder({ accounting, model, logger, intervalMs: options.intervalMs, store: options.store<StoredLlmAccounting>(LLM_ACCOUNTING_NAMESPACE) });
      recorder.start();
    },
    stop: async () => recorder?.stop(),
  };
}
