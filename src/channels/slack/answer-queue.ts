/**
 * Scale-out (ANSWER_WORKERS=external): the Slack door acknowledges and admits a message
 * as always, then, instead of understanding and rendering it here, puts ONE BullMQ job
 * per message on the answers queue; `travel-advisor worker` processes (answer-worker.ts)
 * prepare and post the answer. The job holds only what a worker needs: the message text
 * (to answer it) and where the answer goes. It is removed once answered, and a failed
 * one is kept an hour at most, so no message text lingers in Redis; neither it nor the
 * job data is ever logged.
 *
 * The producer fails fast like the reminders' (no offline queue; every add bounded by
 * STORE_TIMEOUT_MS): with Redis gone the caller gets StoreUnavailableError at once and
 * tells the user, rather than holding the message in memory.
 */
import { Queue } from 'bullmq';
import { withDeadline } from '../../store/with-deadline.js';

export const ANSWERS_QUEUE = 'travel-advisor-answers';

/** One Slack message to answer: the Turn's inputs and the reply target. */
export interface AnswerJob {
  team: string;
  channel: string;
  /** The message's own ts, and the thread it was written in, if any. */
  ts: string;
  threadTs?: string;
  dm: boolean;
  /** The message as written (Slack markup included): the worker cleans it as the inline path does. */
  text?: string;
  userId: string;
}

/** Attempts for one answer: a failed post (Slack down, 5xx, 429) is tried again with backoff, about 1 minute in all. */
export const ANSWER_ATTEMPTS = 5;
const FAILED_KEPT_SECONDS = 3600;

/** A producer of one answers queue: Slack's (AnswerJob, the default) or Teams' (teams-answer-queue.ts). */
export interface AnswerQueue<J = AnswerJob> {
  enqueue(job: J): Promise<void>;
  close(): Promise<void>;
}

export interface AnswerQueueOptions {
  redisUrl: string;
  prefix: string;
  /** Longest wait for one add (STORE_TIMEOUT_MS). */
  timeoutMs: number;
  /** The BullMQ queue; default Slack's ANSWERS_QUEUE. Each platform has its own, so a worker takes only what it can send. */
  name?: string;
  /** How long a finally failed job stays for inspection; 0 removes it at once (Teams: its data names the conversation). */
  keepFailedSeconds?: number;
}

export function createAnswerQueue<J = AnswerJob>(options: AnswerQueueOptions): AnswerQueue<J> {
  // BullMQ's typing of add() wants the job's own type; the data is only ever J.
  const queue = new Queue<unknown>(options.name ?? ANSWERS_QUEUE, {
    connection: { url: options.redisUrl, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: options.timeoutMs },
    prefix: options.prefix,
  });
  // Reported where the add fails (the caller); BullMQ would otherwise throw 'error' events unhandled.
  queue.on('error', () => undefined);
  return {
    async enqueue(job) {
      const keepFailed = options.keepFailedSeconds ?? FAILED_KEPT_SECONDS;
      await withDeadline('queue', options.timeoutMs, () =>
        queue.add('answer', job as unknown, {
          removeOnComplete: true,
          removeOnFail: keepFailed === 0 ? true : { age: keepFailed },
          attempts: ANSWER_ATTEMPTS,
          backoff: { type: 'exponential', delay: 2_000 },
        }),
      );
    },
    async close() {
      await withDeadline('queue', options.timeoutMs, () => queue.close()).catch(() => queue.disconnect());
    },
  };
}
