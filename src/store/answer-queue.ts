/**
 * A producer of one answers queue (ANSWER_WORKERS=external), shared by the doors: Slack's
 * (channels/slack/answer-queue.ts) and Teams' (channels/teams/workers/teams-answer-queue.ts),
 * each on its own BullMQ queue; and the start/stop of the worker that consumes it
 * (createAnswerWorker). One job per message; removed once answered; a failed one is
 * kept `keepFailedSeconds` at most (0: removed at once); never logged.
 *
 * The producer fails fast like the reminders' (no offline queue; every add bounded by
 * STORE_TIMEOUT_MS): with Redis gone the caller gets StoreUnavailableError at once and
 * tells the user, rather than holding the message in memory.
 */
import { Queue, type Job, type Worker } from 'bullmq';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { startAnswerConsumer } from './start-answer-consumer.js';
import { closeQuietly } from './quiet-bullmq-close.js';
import { withDeadline } from './with-deadline.js';

/** Attempts for one answer: a failed post (Slack down, 5xx, 429) is tried again with backoff, about 1 minute in all. */
export const ANSWER_ATTEMPTS = 5;
const FAILED_KEPT_SECONDS = 3600;

/** A producer of one answers queue. */
export interface AnswerQueue<J> {
  enqueue(job: J): Promise<void>;
  close(): Promise<void>;
}

export interface AnswerQueueOptions {
  redisUrl: string;
  prefix: string;
  /** Longest wait for one add (STORE_TIMEOUT_MS). */
  timeoutMs: number;
  /** The BullMQ queue: each platform has its own, so a worker takes only what it can send. */
  name: string;
  /** How long a finally failed job stays for inspection; 0 removes it at once (Teams: its data names the conversation). */
  keepFailedSeconds?: number;
}

export function createAnswerQueue<J>(options: AnswerQueueOptions): AnswerQueue<J> {
  // BullMQ's typing of add() wants the job's own type; the data is only ever J.
  const queue = new Queue<unknown>(options.name, {
    connection: { url: options.redisUrl, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: options.timeoutMs },
    prefix: options.prefix,
  });
  // Reported where the add fails (the caller); BullMQ would otherwise throw 'error' events unhandled.
  queue.on('error', () => undefined);
  const keepFailed = options.keepFailedSeconds ?? FAILED_KEPT_SECONDS;
  const removeOnFail = keepFailed === 0 ? true : { age: keepFailed };
  return {
    async enqueue(job) {
      await withDeadline('queue', options.timeoutMs, () =>
        queue.add('answer', job as unknown, {
          removeOnComplete: true,
          removeOnFail,
          attempts: ANSWER_ATTEMPTS,
          backoff: { type: 'exponential', delay: 2_000 },
        }),
      );
    },
    async close() {
      await withDeadline('queue', options.timeoutMs, () => closeQuietly(queue)).catch(() => queue.disconnect());
    },
  };
}

/** One platform's part of a `travel-advisor worker` process: the consumer of its answers queue. */
export interface AnswerWorker {
  start(): Promise<void>;
  /** Finishes the answers in flight (graceful close), within the caller's bound. */
  stop(): Promise<void>;
}

export interface AnswerWorkerOptions {
  config: Config;
  logger: Logger;
  /** Jobs answered at once; default ANSWER_WORKER_CONCURRENCY. */
  concurrency?: number;
  /** Logged once the consumer is ready ("Slack answer worker ready"). */
  readyMessage: string;
  /** Releases what the platform's answering holds (e.g. Slack's HTTP agent), after the consumer closed. */
  release?: () => Promise<void>;
}

/**
 * The start/stop of every platform's answer worker (channels/slack/answer-worker.ts,
 * channels/teams/workers/teams-answer-worker.ts): the consumer (start-answer-consumer.ts)
 * opened on start, closed gracefully on stop; only `answer` differs by platform.
 */
export function createAnswerWorker<J>(queueName: string, answer: (job: Job<J>, worker: Worker<J>) => Promise<void>, options: AnswerWorkerOptions): AnswerWorker {
  let worker: Worker<J> | null = null;
  return {
    async start() {
      worker = await startAnswerConsumer<J>(queueName, answer, options);
      options.logger.info({ concurrency: worker.concurrency }, options.readyMessage);
    },
    async stop() {
      const closing = worker;
      worker = null;
      if (closing) await closeQuietly(closing);
      await options.release?.();
    },
  };
}
