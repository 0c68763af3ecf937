/**
 * Scheduling on BullMQ when REDIS_URL is set: one delayed job per reminder delivery,
 * a rate-limited worker, so several replicas can run side by side and each reminder
 * is delivered once (the job id is the reminder's idempotency key, the job lock keeps
 * two workers apart, and the reminder record catches a worker killed mid-delivery).
 * A 429 pauses its own platform in this worker for its Retry-After: that platform's jobs
 * are moved back to delayed until then, the other platform's go on (another replica
 * learns of the limit from its own 429). The pace is one schedule in Redis shared by all
 * workers (create-redis-pacer.ts), taken right before the platform call, as the in-process
 * scheduler takes its own: BullMQ's fixed-window `limiter` lost each window's timer lag and
 * round trip (0.88–0.92× of the rate, issue 18). That limiter stays as a ceiling on job
 * fetches at twice the pace: it never binds while deliveries keep the pace, bounds the
 * churn of jobs deferred while a platform is paused, and makes `worker.rateLimit` work
 * (BullMQ ignores a manual rate limit on a worker without one).
 *
 * Redis going away never holds a caller: every queue call is bounded by `timeoutMs`
 * (STORE_TIMEOUT_MS) and fails with StoreUnavailableError, the producing connection
 * keeps no offline queue (BullMQ's "failing fast when Redis is down"), the worker
 * reconnects on its own, and `stop` force-closes when Redis cannot be reached.
 */
import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { closeQuietly } from '../store/quiet-bullmq-close.js';
import { withDeadline } from '../store/with-deadline.js';
import { attemptDelivery, idempotencyKeyOf, type DeliveryDeps } from './attempt-delivery.js';
import { createRedisPacer, type RedisEval } from './create-redis-pacer.js';
import { nextAttemptAt, type ReminderRecord } from './trip-records.js';
import type { Platform } from './types.js';

export interface BullmqSchedulerOptions {
  deps: DeliveryDeps;
  redisUrl: string;
  clock: () => Date;
  logger: Logger;
  /** Redis key prefix of the queue (tests use a unique one). */
  prefix: string;
  /** Run a worker in this process (false: only enqueue, e.g. the CLI import). */
  worker: boolean;
  concurrency: number;
  /** At most `max` deliveries per `durationMs` across all workers. */
  limiter: { max: number; durationMs: number };
  /** Lock/stall timing; lower in tests so a killed worker's job is taken over quickly. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Longest wait for one queue call (STORE_TIMEOUT_MS). */
  timeoutMs: number;
  /**
   * After a failed rebuild of the queue from the store (or of the recurring jobs), the first
   * wait before trying again, doubling up to `max`. Default 5 s, at most 5 minutes.
   */
  resyncDelayMs?: { first: number; max: number };
}

/** A reminder delivery, or a run of a recurring job (`every`). */
type JobData = { reminderId: string; generation: number } | { recurring: string };

export const QUEUE_NAME = 'travel-reminders';

export function createBullmqScheduler(options: BullmqSchedulerOptions) {
  const { deps, clock, logger } = options;
  const { timeoutMs } = options;
  // The worker waits through outages (BullMQ requires maxRetriesPerRequest: null for it);
  // the producer fails fast instead, and every call below is bounded besides.
  const connection = { url: options.redisUrl, maxRetriesPerRequest: null, connectTimeout: timeoutMs };
  const queue = new Queue<JobData>(QUEUE_NAME, {
    connection: { url: options.redisUrl, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: timeoutMs },
    prefix: options.prefix,
  });
  // An outage reports every reconnect attempt: log the first, then at most one a minute.
  let lastLogged = 0;
  const logError = (message: string) => (error: Error) => {
    if (Date.now() - lastLogged < 60_000) return;
    lastLogged = Date.now();
    logger.error({ err: { name: error.name, code: (error as { code?: string }).code } }, message);
  };
  queue.on('error', logError('reminder queue error'));
  let worker: Worker<JobData> | null = null;
  // Recurring jobs (every()): one BullMQ job scheduler each, so one run per period across replicas.
  const recurring = new Map<string, { everyMs: number; run: (now: Date) => Promise<unknown> }>();
  const scheduleRecurring = (name: string) =>
    bounded(() =>
      queue.upsertJobScheduler(`recurring-${name}`, { every: recurring.get(name)!.everyMs }, {
        name: 'recurring', data: { recurring: name }, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
      }),
    ).then(() => true, (error: unknown) => {
      logger.warn({ err: { name: (error as Error)?.name }, job: name }, 'recurring job not scheduled; will retry');
      return false;
    });
  const bounded = <T>(call: () => Promise<T>) => withDeadline('queue', timeoutMs, call);
  /** Resolves true when `p` settles within `ms`, false otherwise (and stops caring about it). */
  const settles = (p: Promise<unknown>, ms: number) =>
    Promise.race([p.then(() => true, () => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);

  async function enqueue(r: ReminderRecord, suffix = ''): Promise<void> {
    const delay = Math.max(0, nextAttemptAt(r) - clock().getTime());
    await bounded(() => queue.add(
      'deliver',
      { reminderId: r.id, generation: r.generation },
      // Job ids may not contain ":"; the idempotency key uses "-".
      {
        jobId: idempotencyKeyOf(r) + suffix, delay, removeOnComplete: { age: 7 * 86_400 }, removeOnFail: { age: 30 * 86_400 },
        // Delivery failures are handled inside the job; a throw means the store could not be
        // reached (StoreUnavailableError): try again later rather than drop the reminder (~20 min).
        attempts: 8, backoff: { type: 'exponential', delay: 5_000 },
      },
    ));
  }

  /**
   * Puts every reminder the store still has as due back on the queue. Job ids are the
   * reminders' idempotency keys (plus the retry suffix `process` uses), so a job that
   * exists is left alone; one that is missing (Redis restarted without persistence, an
   * enqueue that failed after its trip was stored) is added again. Runs when the worker
   * starts and whenever the queue's connection becomes ready again.
   */
  async function reconcile(): Promise<number> {
    let added = 0;
    for await (const r of deps.store.reminders()) {
      if (r.status !== 'scheduled' && r.status !== 'sending') continue;
      await enqueue(r, r.attempts ? `-r${r.attempts}` : '');
      added++;
    }
    return added;
  }
  let reconciling: Promise<void> | null = null;
  let reconcileAgain = false;
  const reconcileSoon = () => {
    if (!worker) return;
    if (reconciling) {
      reconcileAgain = true;
      return;
    }
    reconciling = (async () => {
      do {
        reconcileAgain = false;
        const checked = await reconcile().catch((error: unknown) => {
          logger.warn({ err: { name: (error as Error)?.name } }, 'reminder queue not rebuilt from the store; will retry');
          return null;
        });
        if (checked === null) rebuildRetry.failed();
        else {
          rebuildRetry.succeeded();
          logger.info({ checked }, 'reminder queue checked against the store');
        }
      } while (reconcileAgain && worker);
    })().finally(() => (reconciling = null));
  };
  const rescheduleAll = () =>
    void Promise.all([...recurring.keys()].map(scheduleRecurring)).then((done) => {
      if (done.includes(false)) recurringRetry.failed();
      else recurringRetry.succeeded();
    });
  // A rebuild that failed is tried again on a timer, not only when Redis reconnects: a store
  // read or a queue call past its deadline under load (StoreUnavailableError) is no
  // disconnect, and a reminder missing from the queue would otherwise wait for one that may
  // never come. Each step has its own timer and delay and runs again alone; both are
  // idempotent (job ids, job schedulers).
  const resync = options.resyncDelayMs ?? { first: 5_000, max: 300_000 };
  function retrier(step: () => void) {
    let timer: NodeJS.Timeout | null = null;
    let delay = resync.first;
    return {
      failed(): void {
        if (timer || !worker) return;
        timer = setTimeout(() => {
          timer = null;
          step();
        }, delay);
        timer.unref();
        delay = Math.min(delay * 2, resync.max);
      },
      succeeded: () => void (delay = resync.first),
      stop(): void {
        if (timer) clearTimeout(timer);
        timer = null;
      },
    };
  }
  const rebuildRetry = retrier(() => reconcileSoon());
  const recurringRetry = retrier(() => rescheduleAll());

  // Per platform, until when a 429 told us to wait, in real time (BullMQ's delays run on
  // Redis' clock, and a frozen test clock must not pause a platform for ever); attemptDelivery
  // asks in the injected clock's terms.
  const pausedUntil = new Map<Platform, number>();
  // One pace for every worker of this queue (and for alerts sent by this process).
  const pacer = createRedisPacer({
    client: () => queue.client as unknown as Promise<RedisEval>,
    key: `${options.prefix}:${QUEUE_NAME}:pace`,
    max: options.limiter.max,
    durationMs: options.limiter.durationMs,
    call: bounded,
  });
  const attemptDeps: DeliveryDeps = {
    ...deps,
    pace: (send) => pacer.run(send),
    pausedUntil: (p) => clock().getTime() + ((pausedUntil.get(p) ?? 0) - Date.now()),
  };

  async function process(job: Job<JobData>, token?: string): Promise<string> {
    if ('recurring' in job.data) {
      const name = job.data.recurring;
      await recurring.get(name)?.run(clock()).catch((error: unknown) => logger.error({ err: { name: (error as Error)?.name, message: (error as Error)?.message }, job: name }, 'recurring job failed'));
      return 'recurring';
    }
    const outcome = await attemptDelivery(attemptDeps, job.data.reminderId, job.data.generation, clock());
    if ((outcome.type === 'retry' && outcome.rateLimited && outcome.platform) || outcome.type === 'deferred') {
      // Honour Retry-After for that platform: this job (and the platform's next ones) wait until then, in Redis' time,
      // counted from the 429 (the attempt's own time is older by its wait for the pace: the pause would end early).
      const wait = outcome.type === 'retry' && outcome.retryAfterMs !== undefined ? outcome.retryAfterMs : outcome.at.getTime() - clock().getTime();
      const until = Date.now() + Math.max(1, wait);
      if (outcome.type === 'retry') pausedUntil.set(outcome.platform!, Math.max(pausedUntil.get(outcome.platform!) ?? 0, until));
      await job.moveToDelayed(until, token);
      throw new DelayedError();
    }
    if (outcome.type === 'retry' && outcome.rateLimited && worker) {
      // A 429 before a platform was chosen (an email lookup): pause every worker on this queue, then put this job back.
      await worker.rateLimit(Math.max(1, outcome.at.getTime() - clock().getTime()));
      throw Worker.RateLimitError();
    }
    if (outcome.type === 'retry') {
      const r = await deps.store.getReminder(job.data.reminderId);
      if (r) await enqueue(r, `-r${r.attempts}`);
    }
    return outcome.type;
  }

  return {
    enqueue,
    /** Waits for this queue's next delivery slot (shared by all workers). */
    pace: () => pacer.take(),
    /** Runs `run` about every `everyMs` on one worker of the queue (a job scheduler shared by replicas); worker processes only. */
    every(name: string, everyMs: number, run: (now: Date) => Promise<unknown>): void {
      if (!options.worker) return;
      recurring.set(name, { everyMs, run });
      if (worker) void scheduleRecurring(name).then((ok) => ok || recurringRetry.failed());
    },
    async cancel(r: ReminderRecord): Promise<void> {
      const job = await bounded(() => queue.getJob(idempotencyKeyOf(r)));
      // A job being processed is locked; the worker sees the cancelled record and skips it.
      await bounded(async () => job?.remove()).catch(() => undefined);
    },
    async start(): Promise<void> {
      if (!options.worker) return;
      worker = new Worker<JobData>(QUEUE_NAME, process, {
        connection,
        prefix: options.prefix,
        concurrency: options.concurrency,
        limiter: { max: 2 * options.limiter.max, duration: options.limiter.durationMs },
        ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
        ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
        maxStalledCount: 5,
      });
      worker.on('error', logError('reminder worker error'));
      worker.on('failed', (job, error) => logger.warn({ err: { name: error.name }, jobId: job?.id }, 'reminder job failed'));
      // Redis down at start-up: serve anyway (health says so); the worker connects when Redis is back.
      await bounded(() => worker!.waitUntilReady()).catch(() => logger.warn('reminder worker: Redis unreachable at start-up; it will connect when Redis is back'));
      // Now and after every reconnect: the queue holds a job for every reminder still due, and every recurring job is scheduled.
      void queue.client.then((client) => {
        reconcileSoon();
        rescheduleAll();
        client.on('ready', () => {
          reconcileSoon();
          rescheduleAll();
        });
      }, () => undefined);
    },
    /** PING on the queue's Redis connection, bounded. */
    async ping(): Promise<void> {
      await bounded(async () => ((await queue.client) as unknown as { ping(): Promise<string> }).ping());
    },
    /** Whether this process has a worker delivering (false for enqueue-only processes such as the CLI import). */
    workerRunning: () => Boolean(worker?.isRunning()),
    /**
     * Stops within about `budgetMs`: a graceful close (finish the deliveries in flight)
     * while Redis answers; a forced one when it does not (a job cut short is taken over
     * after a restart, and its reminder record prevents a second delivery).
     */
    async stop(budgetMs = 5000): Promise<void> {
      // No retry may start while this waits on Redis below.
      rebuildRetry.stop();
      recurringRetry.stop();
      const reachable = await this.ping().then(() => true, () => false);
      const stopping = worker;
      const closing = stopping && closeQuietly(stopping, !reachable);
      worker = null;
      if (closing && !(await settles(closing, budgetMs))) logger.warn('reminder worker did not stop in time');
      if (reachable && (await settles(closeQuietly(queue), budgetMs))) return;
      // Redis gone (or the close hung): drop the producer's connection at once, which also ends
      // ioredis's reconnect loop (BullMQ's own disconnect waits for an 'end' that may never come).
      const client = (await bounded(() => queue.client).catch(() => null)) as unknown as { disconnect(): void } | null;
      if (client) client.disconnect();
      // Never reached: queue.client never resolves and queue.disconnect() awaits it, so ioredis
      // went on reconnecting and kept a finished CLI import alive for ever. BullMQ's close of a
      // connection still initializing disconnects its client at once.
      else await settles(closeQuietly(queue), 1000);
    },
    queue,
  };
}

export type BullmqScheduler = ReturnType<typeof createBullmqScheduler>;
