/**
 * `travel-advisor trips import trips.csv`: the travel desk's bulk way in. Every row is
 * checked first and bad rows are reported as file:line; with any bad row nothing is
 * imported unless --skip-invalid. Rows are idempotent (same file twice creates
 * nothing new) and crash-safe: a run killed half-way and run again ends with exactly
 * the file's trips (see import-rows.ts). Progress goes to stderr for large files; the
 * summary (created, already imported, skipped, failed, not attempted) to stdout, also
 * when the store fails or the run is interrupted (then the exit code is 1).
 */
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import type Keyv from 'keyv';
import type { Writable } from 'node:stream';
import type { Config } from '../../config.js';
import { AdvisorError, InputError } from '../../errors.js';
import { silentLogger } from '../../logger.js';
import { createReminderService } from '../../reminders/create-reminder-service.js';
import { parseTripsCsv } from '../../reminders/parse-trips-csv.js';
import { localTime } from '../../reminders/plan-reminders.js';
import { tripDateLimits } from '../../reminders/check-trip-dates.js';
import { closeStores } from '../../store/close-stores.js';
import { createStore, loadStoreBackend } from '../../store/create-store.js';
import type { CliDeps, CliExtension } from './create-program.js';
import { importRows, type ImportCounts } from './import-rows.js';

/** Files with more rows than this show progress. */
const PROGRESS_ABOVE = 500;

interface ImportFlags {
  skipInvalid?: boolean;
  now?: string;
  /** Aborted (Ctrl-C): no new rows are started; the summary still says where the run stopped. */
  signal?: AbortSignal;
}

function progress(out: Writable, label: string, done: number, total: number | null): void {
  const tty = (out as { isTTY?: boolean }).isTTY;
  const text = total ? `${label} ${done}/${total} (${Math.floor((done / total) * 100)}%)` : `${label} ${done} rows`;
  out.write(tty ? `\r${text}` : `${text}\n`);
}

export async function runTripsImport(
  file: string,
  flags: ImportFlags,
  deps: CliDeps,
): Promise<{ created: number; existing: number; invalid: number; failed: number; notAttempted: number }> {
  const { io } = deps;
  const now = flags.now ? new Date(flags.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new InputError('--now must be an ISO 8601 date-time such as 2026-11-23T09:00:00Z');
  try {
    await access(file);
  } catch {
    throw new InputError(`cannot read ${file}: no such file`);
  }
  const config: Config = deps.config();
  const advisor = deps.advisor(config);
  // A trip that ended before this would expire at once.
  const earliestEnd = localTime(now.toISOString().slice(0, 10), -config.TRIP_RETENTION_DAYS, 0, 'UTC').toISOString().slice(0, 10);
  const parsed = await parseTripsCsv(createReadStream(file), {
    advisor,
    createdBy: 'csv',
    earliestEnd,
    dateLimits: tripDateLimits(config, now),
    onRow: (n) => n % 5000 === 0 && progress(io.stderr, 'checked', n, null),
  });
  const shown = parsed.problems.slice(0, 50);
  for (const p of shown) io.stderr.write(`${file}:${p.line}: ${p.message}\n`);
  if (parsed.problems.length > shown.length) io.stderr.write(`…and ${parsed.problems.length - shown.length} more invalid rows\n`);
  const headerBroken = parsed.problems.some((p) => p.message.startsWith('header') || p.message.startsWith('the file is empty') || p.message.startsWith('not valid CSV'));
  if (headerBroken || (parsed.problems.length && !flags.skipInvalid))
    throw new InputError(
      `${parsed.problems.length} invalid row${parsed.problems.length === 1 ? '' : 's'} in ${file}; nothing imported.` +
        (headerBroken ? '' : ' Fix them, or import the valid rows with --skip-invalid.'),
    );

  const stores: Keyv[] = [];
  await loadStoreBackend(config);
  const reminders = createReminderService(
    {
      config,
      advisor,
      logger: silentLogger,
      clock: () => now,
      store<T>(ns: string): Keyv<T> {
        const s = createStore<T>(config, ns);
        stores.push(s as Keyv);
        return s;
      },
    },
    // Only store (and enqueue on BullMQ); the server's scheduler delivers.
    { worker: false },
  );
  const total = parsed.trips.length;
  const showProgress = total > PROGRESS_ABOVE;
  let counts: ImportCounts;
  try {
    counts = await importRows(parsed.trips, reminders, {
      signal: flags.signal,
      onProgress: (done) => {
        if (showProgress && (done % Math.ceil(total / 20) === 0 || done === total)) progress(io.stderr, 'imported', done, total);
      },
    });
  } finally {
    if (showProgress && (io.stderr as { isTTY?: boolean }).isTTY) io.stderr.write('\n');
    // Bounded: with the store or Redis gone, closing must not hold the summary back.
    await reminders.stop(2000).catch(() => undefined);
    await closeStores(stores, 1000);
  }
  const invalid = parsed.problems.length;
  const { created, existing, failed, notAttempted } = counts;
  for (const p of counts.problems.slice(0, 5)) io.stderr.write(`${file}:${p.line}: ${p.message}\n`);
  if (counts.problems.length > 5) io.stderr.write(`…and ${counts.problems.length - 5} more rows not saved\n`);
  // The summary, always: created / already present / skipped / failed.
  io.stdout.write(
    `Imported ${created} trip${created === 1 ? '' : 's'} from ${file}` +
      (existing ? ` (${existing} already imported)` : '') +
      (invalid ? `; skipped ${invalid} invalid row${invalid === 1 ? '' : 's'}` : '') +
      (failed ? `; ${failed} failed` : '') +
      (notAttempted ? `; ${notAttempted} not attempted` : '') +
      '.\n',
  );
  if (counts.stoppedBy || failed) {
    const why =
      counts.stoppedBy === 'interrupt' ? 'import interrupted'
      : counts.stoppedBy === 'store' ? 'import stopped: the store is unavailable'
      : `${failed} row${failed === 1 ? '' : 's'} could not be saved`;
    throw new AdvisorError(`${why}. Run the same command again to import the rest: rows already imported are recognised and not imported twice.`, counts.stoppedBy === 'store' ? 'STORE_UNAVAILABLE' : 'INTERNAL');
  }
  return { created, existing, invalid, failed, notAttempted };
}

/** Registers `trips import`. */
export const tripsCommand: CliExtension = (program, deps) => {
  const trips = program.command('trips').description('Travel-desk trips: scheduled briefings before and after travel');
  trips
    .command('import')
    .description('Import trips from a CSV file with the header email,destinations,start,end (destinations separated by ";")')
    .argument('<file>', 'the CSV file')
    .option('--skip-invalid', 'import the valid rows even when some rows are invalid')
    .option('--now <iso>', 'fix "now" (ISO 8601), e.g. for reproducible imports')
    .action(async (file: string, flags: ImportFlags) => {
      // Ctrl-C (or SIGTERM) stops taking rows, lets those in flight finish and prints the
      // summary; a second Ctrl-C exits at once.
      const controller = new AbortController();
      const onSignal = () => {
        if (controller.signal.aborted) process.exit(130);
        deps.io.stderr.write('\nInterrupted: finishing the rows in flight (Ctrl-C again to quit now)…\n');
        controller.abort();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        await runTripsImport(file, { ...flags, signal: controller.signal }, deps);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
};
