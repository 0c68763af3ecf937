/**
 * Counts the questions every door asks (the advisor holder hands each one over as a
 * QuestionSeen: intent, destinations with their tier, unanswered subjects; never text
 * or ids) in per-day buckets, kept in the store (STORE_URL, shared by replicas) where
 * `/travel-desk insights`, `GET /api/insights` and the weekly post read them.
 *
 * Each process adds to its own record per UTC day (`<day>|<process>`), in memory, and
 * writes its running totals once a minute, when a report is asked for, and when it
 * stops; a reader sums every process's records. So replicas never overwrite each
 * other and no store needs an atomic increment; a crash loses at most the last minute.
 * Every record expires INSIGHTS_RETENTION_DAYS after its day.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import type { Logger } from 'pino';
import type { QuestionObserver } from '../advisor/question-seen.js';
import { periodicFlush } from '../store/periodic-flush.js';
import { addQuestion, dayCountsSchema, emptyDay, type DayCounts } from './day-counts.js';

/** The keyv namespace of the day buckets; the insights reader opens the same one. */
export const INSIGHTS_DAYS_NAMESPACE = 'insights-days';

const DAY_MS = 86_400_000;
const utcDay = (d: Date) => d.toISOString().slice(0, 10);

export interface QuestionCounterOptions {
  /** Opens the day-bucket namespace; called at the first write, so the app's stores exist by then. */
  store(): Keyv<DayCounts>;
  clock: () => Date;
  logger: Logger;
  /** INSIGHTS_RETENTION_DAYS. */
  retentionDays: number;
  /** How often the running totals are written. Default one minute. */
  intervalMs?: number;
}

export interface QuestionCounter {
  /** Give this to the advisor holder: counts one question, in memory, at once. */
  observe: QuestionObserver;
  /** Writes this process's running totals now (a store failure is logged and retried at the next write). */
  flush(): Promise<void>;
  /** Every stored day bucket from `from` to `to` (UTC days, inclusive), of every process. */
  read(from: string, to: string): Promise<DayCounts[]>;
  start(): void;
  /** Stops the timer and writes the last counts. */
  stop(): Promise<void>;
}

/** One per process: counts in memory, writes this process's records; reads every process's. */
export function createQuestionCounter(options: QuestionCounterOptions): QuestionCounter {
  const { clock, logger } = options;
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const days = new Map<string, DayCounts>();
  const dirty = new Set<string>();
  let store: Keyv<DayCounts> | null = null;
  const open = () => (store ??= options.store());

  async function flush(): Promise<void> {
    const today = utcDay(clock());
    for (const day of [...dirty]) {
      const counts = days.get(day)!;
      const ttl = Math.max(60_000, Date.parse(`${day}T00:00:00Z`) + (options.retentionDays + 1) * DAY_MS - clock().getTime());
      try {
        dirty.delete(day);
        await open().set(`${day}|${owner}`, counts, ttl);
      } catch (error) {
        dirty.add(day);
        logger.warn({ err: { name: (error as Error)?.name }, namespace: INSIGHTS_DAYS_NAMESPACE }, 'could not store question counts; retrying at the next write');
        return;
      }
      // A past day is final once written; today's totals keep growing in memory.
      if (day < today) days.delete(day);
    }
  }

  return {
    observe(q) {
      const day = utcDay(clock());
      let counts = days.get(day);
      if (!counts) days.set(day, (counts = emptyDay(day)));
      addQuestion(counts, q);
      dirty.add(day);
    },
    flush,
    async read(from, to) {
      const s = open();
      if (!s.iterator) throw new Error('this keyv store cannot be iterated; use SQLite, Redis or Postgres');
      const out: DayCounts[] = [];
      for await (const [, value] of s.iterator(undefined) as AsyncIterable<[string, unknown]>) {
        const parsed = dayCountsSchema.safeParse(value);
        if (parsed.success && parsed.data.day >= from && parsed.data.day <= to) out.push(parsed.data);
      }
      return out;
    },
    ...periodicFlush(flush, options.intervalMs),
  };
}
