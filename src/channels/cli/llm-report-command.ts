/**
 * `travel-advisor llm report`: how the model has done, summed over every server process
 * that shares this store (STORE_URL, or the SQLite file under DATA_DIR): answers it wrote,
 * fallbacks to the extractive summary by reason, sentences the grounding check dropped by
 * reason, latency. Read from the store, not from a running server: each server process
 * writes its counters there once a minute and when it stops (src/llm/llm-accounting-store.ts),
 * so the report covers all replicas and survives restarts, and needs no network access to
 * the servers. `--json` prints the sums for other tools. Counts only; no message text.
 */
import type Keyv from 'keyv';
import { AdvisorError, StoreUnavailableError } from '../../errors.js';
import { LLM_ACCOUNTING_NAMESPACE, readLlmAccounting, type StoredLlmAccounting } from '../../llm/llm-accounting-store.js';
import { buildLlmReport, renderLlmReport } from '../../llm/render-llm-report.js';
import { closeStores } from '../../store/close-stores.js';
import { createStore, describeStore, loadStoreBackend } from '../../store/create-store.js';
import type { CliDeps, CliExtension } from './create-program.js';

interface ReportFlags {
  json?: boolean;
}

export async function runLlmReport(flags: ReportFlags, deps: CliDeps): Promise<void> {
  const config = deps.config();
  await loadStoreBackend(config);
  const store: Keyv<StoredLlmAccounting> = createStore<StoredLlmAccounting>(config, LLM_ACCOUNTING_NAMESPACE);
  try {
    const records = await readLlmAccounting(store).catch((error: unknown) => {
      if (!(error instanceof StoreUnavailableError)) throw error;
      throw new AdvisorError(`cannot read model accounting: the store (${describeStore(config)}) is unavailable; check STORE_URL and that its server is running, then run this again`, 'STORE_UNAVAILABLE', { cause: error });
    });
    const report = buildLlmReport(records);
    deps.io.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : renderLlmReport(report, describeStore(config)));
  } finally {
    await closeStores([store as Keyv], 1000);
  }
}

/** Registers `llm report`. */
export const llmCommand: CliExtension = (program, deps) => {
  program
    .command('llm')
    .description('The model behind the summaries (OPENAI_* settings, docs/llm.md)')
    .command('report')
    .description('Answers the model wrote, fallbacks and dropped sentences by reason, latency: summed over the server processes sharing the configured store')
    .option('--json', 'print the sums as JSON')
    .action((flags: ReportFlags) => runLlmReport(flags, deps));
};
