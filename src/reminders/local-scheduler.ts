/**
 * The in-process scheduler over the embedded store (no REDIS_URL): an in-memory index
 * of what is due, rebuilt from the store at start and refreshed periodically (so trips
 * imported by the CLI in another process are picked up). `runDue(now)` delivers what
 * is due with bounded concurrency, paced right before each platform call; a 429 pauses
 * that platform (only) until its Retry-After, and its deliveries are deferred to then.
 * One replica only: several replicas need REDIS_URL (BullMQ).
 */
import type { Logger } from 'pino';
import { attemptDelivery, type DeliveryDeps } from './attempt-delivery.js';
import { createRateLimiter, type RateLimiter } from './create-rate-limiter.js';
import { nextAttemptAt, type ReminderRecord } from './trip-records.js';
import type { Platform } from './types.js';

export interface LocalSchedulerOptions {
  deps: DeliveryDeps;
  clock: () => Date;
  logger: Logger;
  /** Deliveries in flight at once. */
  concurrency: number;
  /** Production timer period; tests call runDue instead. */
  tickMs: number;
  /** How often the index is rebuilt from the store. */
  rescanMs: number;
  /** At most `max` deliveries per `durationMs` (REMINDERS_PER_SECOND). */
  limiter: { max: number; durationMs: number };
  /** A limiter shared with other senders of this process (risk-change alerts); default: its own, from `limiter`. */
  pacer?: RateLimiter;
}

export interface RunResult {
  sent: number;
  failed: number;
  retried: number;
}

export function createLocalScheduler(options: LocalSchedulerOptions) {
  const { deps, clock, logger } = options;
  const due = new Map<string, number>();
  const inFlight = new Set<string>();
  const pausedUntil = new Map<Platform, number>();
  let timer: NodeJS.Timeout | null = null;
  let stopping = false;
  let running: Promise<RunResult> | null = null;
  let lastScan = 0;
  const limiter = options.pacer ?? createRateLimiter(options.limiter.max, options.limiter.durationMs);
  // Recurring jobs (every()): their timers run while the scheduler does.
  const recurring = new Map<string, { everyMs: number; run: (now: Date) => Promise<unknown>; timer: NodeJS.Timeout | null; current: Promise<unknown> | null }>();
  const startRecurring = (name: string) => {
    const job = recurring.get(name)!;
    const fire = () => {
      if (job.current || stopping) return;
      job.current = job
        .run(clock())
        .catch((error: unknown) => logger.error({ err: { name: (error as Error)?.name, message: (error as Error)?.message }, job: name }, 'recurring job failed'))
        .finally(() => (job.current = null));
    };
    job.timer ??= setInterval(fire, job.everyMs);
    job.timer.unref();
    setImmediate(fire);
  };

  function track(r: ReminderRecord): void {
    if (r.status === 'scheduled' || r.status === 'sending') due.set(r.id, nextAttemptAt(r));
    else due.delete(r.id);
  }

  async function rescan(): Promise<void> {
    const seen = new Set<string>();
    for await (const r of deps.store.reminders()) {
      seen.add(r.id);
      if (!inFlight.has(r.id)) track(r);
    }
    for (const id of due.keys()) if (!seen.has(id) && !inFlight.has(id)) due.delete(id);
    lastScan = clock().getTime();
  }

  async function runOnce(now: Date): Promise<RunResult> {
    const result: RunResult = { sent: 0, failed: 0, retried: 0 };
    const t = now.getTime();
    const queue = [...due.entries()].filter(([id, at]) => at <= t && !inFlight.has(id)).sort((a, b) => a[1] - b[1]).map(([id]) => id);
    const attemptDeps: DeliveryDeps = { ...deps, pace: (send) => limiter.run(send), pausedUntil: (p) => pausedUntil.get(p) ?? 0 };
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        // Stopping: finish the deliveries in flight, start no more (they stay due for the next start).
        if (stopping) return;
        inFlight.add(id);
        try {
          const outcome = await attemptDelivery(attemptDeps, id, undefined, now);
          if (outcome.type === 'sent') {
            result.sent++;
            due.delete(id);
          } else if (outcome.type === 'failed') {
            result.failed++;
            due.delete(id);
          } else if (outcome.type === 'skipped') {
            due.delete(id);
          } else if (outcome.type === 'deferred') {
            due.set(id, outcome.at.getTime());
          } else {
            result.retried++;
            due.set(id, outcome.at.getTime());
            // Honour Retry-After for that platform: its other deliveries are deferred until then, the others go on.
            if (outcome.rateLimited && outcome.platform) pausedUntil.set(outcome.platform, Math.max(pausedUntil.get(outcome.platform) ?? 0, outcome.at.getTime()));
          }
        } catch (error) {
          // Store unreachable, advisor bug: leave it due and try on the next run.
          logger.error({ err: error, reminderId: id }, 'reminder run failed');
          result.retried++;
        } finally {
          inFlight.delete(id);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
    return result;
  }

  return {
    track,
    /** Delivers everything due at `now`; overlapping calls share one run. */
    async runDue(now: Date = clock()): Promise<RunResult> {
      while (running) await running.catch(() => undefined);
      running = (async () => {
        if (now.getTime() - lastScan >= options.rescanMs) await rescan();
        return runOnce(now);
      })();
      try {
        return await running;
      } finally {
        running = null;
      }
    },
    async start(): Promise<void> {
      stopping = false;
      // The store down at start-up: serve anyway (health says so); every tick tries the scan again.
      await rescan().catch((error: unknown) => logger.error({ err: { name: (error as Error)?.name } }, 'reminder scan failed; retrying on the next tick'));
      const tick = () => {
        if (running) return;
        this.runDue().catch((error: unknown) => logger.error({ err: error }, 'reminder tick failed'));
      };
      timer = setInterval(tick, options.tickMs);
      timer.unref();
      tick();
      for (const name of recurring.keys()) startRecurring(name);
    },
    /** Runs `run` now and every `everyMs` while the scheduler runs (one run at a time). */
    every(name: string, everyMs: number, run: (now: Date) => Promise<unknown>): void {
      const old = recurring.get(name);
      if (old?.timer) clearInterval(old.timer);
      recurring.set(name, { everyMs, run, timer: null, current: null });
      if (timer) startRecurring(name);
    },
    /** Runs soon without waiting for the next tick (a briefing due "at once"). */
    nudge(): void {
      if (timer) setImmediate(() => void this.runDue().catch(() => undefined));
    },
    async stop(): Promise<void> {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = null;
      for (const job of recurring.values()) {
        if (job.timer) clearInterval(job.timer);
        job.timer = null;
        await job.current;
      }
      while (running) await running.catch(() => undefined);
    },
    /** Whether the timer is delivering in this process. */
    running: () => timer !== null,
    pendingCount: () => due.size,
  };
}

export type LocalScheduler = ReturnType<typeof createLocalScheduler>;
