/**
 * `travel-advisor feedback report`: how people rated AI-written answers in Slack and
 * Teams, counted per rating, platform, destination and summary method, read from the
 * configured store (STORE_URL, or the SQLite file under DATA_DIR) that the server writes
 * to. `--json` prints the counts for other tools. Read-only; needs no content and no
 * model. A store that is down ends in one line on stderr and exit 1 (StoreUnavailableError).
 */
import type Keyv from 'keyv';
import { countryNameOf } from '../../app/build-advisor.js';
import { countFeedback, renderFeedbackReport } from '../../feedback/count-feedback.js';
import { feedbackStoreFrom } from '../../feedback/create-feedback-store.js';
import { closeStores } from '../../store/close-stores.js';
import { createStore, describeStore, loadStoreBackend } from '../../store/create-store.js';
import { AdvisorError, StoreUnavailableError } from '../../errors.js';
import type { CliDeps, CliExtension } from './create-program.js';

interface ReportFlags {
  json?: boolean;
}

export async function runFeedbackReport(flags: ReportFlags, deps: CliDeps): Promise<void> {
  const config = deps.config();
  await loadStoreBackend(config);
  const stores: Keyv[] = [];
  const store = <T>(namespace: string): Keyv<T> => {
    const s = createStore<T>(config, namespace);
    stores.push(s as Keyv);
    return s;
  };
  try {
    const counts = await countFeedback(feedbackStoreFrom(store, config.FEEDBACK_RETENTION_DAYS, () => new Date()).records()).catch((error: unknown) => {
      if (!(error instanceof StoreUnavailableError)) throw error;
      throw new AdvisorError(`cannot read feedback: the store (${describeStore(config)}) is unavailable; check STORE_URL and that its server is running, then run this again`, 'STORE_UNAVAILABLE', { cause: error });
    });
    deps.io.stdout.write(
      flags.json
        ? `${JSON.stringify({ retentionDays: config.FEEDBACK_RETENTION_DAYS, ...counts }, null, 2)}\n`
        : renderFeedbackReport(counts, { countryName: countryNameOf, retentionDays: config.FEEDBACK_RETENTION_DAYS }),
    );
  } finally {
    await closeStores(stores, 1000);
  }
}

/** Registers `feedback report`. */
export const feedbackCommand: CliExtension = (program, deps) => {
  program
    .command('feedback')
    .description('Feedback (👍/👎) people gave on AI-written answers in Slack and Teams')
    .command('report')
    .description('Count votes per rating, platform, destination and summary method, from the configured store')
    .option('--json', 'print the counts as JSON')
    .action((flags: ReportFlags) => runFeedbackReport(flags, deps));
};
