/**
 * Scheduling on BullMQ when REDIS_URL is set: one delayed job per reminder delivery,
 * a rate-limited worker, so several replicas can run side by side and each reminder
 * is delivered once (the job id is the reminder's idempotency key, the job lock keeps
 * two workers apart, and the reminder record catches a worker killed mid-delivery).
 * A 429 pauses the whole queue for its Retry-After.
 */
import { Queue, Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { attemptDelivery, idempotencyKeyOf, type DeliveryDeps } from './attempt-delivery.js';
import { nextAttemptAt, type ReminderRecord } from './trip-records.js';

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
}

interface JobData {
  reminderId: string;
  generation: number;
}

export const QUEUE_NAME = 'travel-reminders';

export function createBullmqScheduler(options: BullmqSchedulerOptions) {
  const { deps, clock, logger } = options;
  const connection = { url: options.redisUrl, maxRetriesPerRequest: null };
  const queue = new Queue<JobData>(QUEUE_NAME, { connection, prefix: options.prefix });
  queue.on('error', (error) => logger.error({ err: error }, 'reminder queue error'));
  let worker: Worker<JobData> | null = null;

  async function enqueue(r: ReminderRecord, suffix = ''): Promise<void> {
    const delay = Math.max(0, nextAttemptAt(r) - clock().getTime());
    await queue.add(
      'deliver',
      { reminderId: r.id, generation: r.generation },
      // Job ids may not contain ":"; the idempotency key uses "-".
      { jobId: idempotencyKeyOf(r) + suffix, delay, removeOnComplete: { age: 7 * 86_400 }, removeOnFail: { age: 30 * 86_400 } },
    );
  }

  async function process(job: Job<JobData>): Promise<string> {
    const outcome = await attemptDelivery(deps, job.data.reminderId, job.data.generation, clock());
    if (outcome.type === 'retry' && outcome.rateLimited && worker) {
      // Honour Retry-After for every worker on this queue, then put this job back.
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
    async cancel(r: ReminderRecord): Promise<void> {
      const job = await queue.getJob(idempotencyKeyOf(r));
      // A job being processed is locked; the worker sees the cancelled record and skips it.
      await job?.remove().catch(() => undefined);
    },
    async start(): Promise<void> {
      if (!options.worker) return;
      worker = new Worker<JobData>(QUEUE_NAME, process, {
        connection,
        prefix: options.prefix,
        concurrency: options.concurrency,
        limiter: { max: options.limiter.max, duration: options.limiter.durationMs },
        ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
        ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
        maxStalledCount: 5,
      });
      worker.on('error', (error) => logger.error({ err: error }, 'reminder worker error'));
      worker.on('failed', (job, error) => logger.warn({ err: error, jobId: job?.id }, 'reminder job failed'));
      await worker.waitUntilReady();
    },
    async stop(): Promise<void> {
      await worker?.close();
      worker = null;
      await queue.close();
    },
    queue,
  };
}

export type BullmqScheduler = ReturnType<typeof createBullmqScheduler>;
