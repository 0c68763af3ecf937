/**
 * The write half of `trips import`: checked CSV rows go through the reminder service a
 * few at a time, and every row ends in exactly one count. Each row carries an
 * idempotency key derived from its content, so its trip and reminder ids are stable
 * (see create-reminder-service.ts): a row an earlier run finished is "already
 * imported", a row a killed run left half-written is completed, never duplicated. The
 * store failing stops the run (every further row would fail the same way, each after
 * STORE_TIMEOUT_MS); so does the abort signal (Ctrl-C). Rows in flight are finished
 * either way, so the counts are exact and the caller can always print them.
 */
import { IdempotencyConflictError, StoreUnavailableError } from '../../errors.js';
import type { NewTrip, ReminderService } from '../../reminders/types.js';

export interface ImportCounts {
  created: number;
  /** Rows whose trip an earlier run (or an earlier identical row) already stored. */
  existing: number;
  /** Rows tried and not saved. */
  failed: number;
  /** Rows not tried because the run stopped early. */
  notAttempted: number;
  /** Why the run stopped early, if it did. */
  stoppedBy: 'store' | 'interrupt' | null;
  /** Per-row failures, by CSV line (the first few are shown to the user). */
  problems: Array<{ line: number; message: string }>;
}

export interface ImportRowsOptions {
  /** Rows in flight at once: the store's round trips, not the CPU, bound an import. Default 8. */
  concurrency?: number;
  /** Aborting stops taking new rows; rows in flight finish. */
  signal?: AbortSignal;
  /** Called after every settled row with how many have settled. */
  onProgress?: (settled: number) => void;
}

export async function importRows(
  rows: Array<{ line: number; trip: NewTrip }>,
  reminders: Pick<ReminderService, 'createTrip'>,
  options: ImportRowsOptions = {},
): Promise<ImportCounts> {
  const counts: ImportCounts = { created: 0, existing: 0, failed: 0, notAttempted: 0, stoppedBy: null, problems: [] };
  const queue = [...rows];
  const stop = (why: 'store' | 'interrupt') => {
    counts.stoppedBy ??= why;
    counts.notAttempted += queue.splice(0).length;
  };
  const onAbort = () => stop('interrupt');
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let settled = 0;
  const worker = async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      try {
        const view = await reminders.createTrip(row.trip);
        if (view.replayed) counts.existing++;
        else counts.created++;
      } catch (error) {
        counts.failed++;
        if (error instanceof StoreUnavailableError) {
          counts.problems.push({ line: row.line, message: 'not saved: the store is unavailable' });
          stop('store');
        } else if (error instanceof IdempotencyConflictError) {
          counts.problems.push({ line: row.line, message: 'not saved: another import of this row is still running' });
        } else {
          counts.problems.push({ line: row.line, message: `not saved: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });
        }
      }
      options.onProgress?.(++settled);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  return counts;
}
