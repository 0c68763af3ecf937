/**
 * The BullMQ Worker behind each platform's answer worker (channels/slack/answer-worker.ts, channels/teams/
 * workers/teams-answer-worker.ts): one consumer of one answers queue on REDIS_URL, with
 * the queue prefix and concurrency of the configuration, reporting a Redis outage once
 * (not every reconnect), never with job data. A job that fails for good (every attempt used, or
 * refused as permanent) is logged at error, and a stalled one (its worker stopped renewing the
 * lock: run again, or failed by BullMQ if it stalled before) at warn, both by job id only, so no
 * message goes unanswered without a trace.
 */
import { Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Config } from '../config.js';

export async function startAnswerConsumer<J>(
  queueName: string,
  answer: (job: Job<J>, worker: Worker<J>) => Promise<void>,
  options: { config: Config; logger: Logger; concurrency?: number },
): Promise<Worker<J>> {
  const { config, logger } = options;
  const worker: Worker<J> = new Worker<J>(queueName, (job) => answer(job, worker), {
    connection: { url: config.REDIS_URL!, maxRetriesPerRequest: null, connectTimeout: config.STORE_TIMEOUT_MS },
    prefix: config.ANSWER_QUEUE_PREFIX,
    concurrency: options.concurrency ?? config.ANSWER_WORKER_CONCURRENCY,
  });
  // An outage reports every reconnect attempt: the first is enough to know.
  let reported = false;
  worker.on('error', (error) => {
    if (!reported) logger.error({ err: { name: error.name, code: (error as { code?: string }).code } }, 'answer worker error');
    reported = true;
  });
  worker.on('ready', () => (reported = false));
  worker.on('failed', (job, error) => {
    if (job && !job.finishedOn) return; // to be tried again (each attempt's failure is the platform's to log)
    logger.error({ queue: queueName, jobId: job?.id, attempts: job?.attemptsMade, err: { name: error.name, code: (error as { code?: string }).code } }, 'answer job failed for good: message not answered');
  });
  worker.on('stalled', (jobId) => logger.warn({ queue: queueName, jobId }, 'answer job stalled (its worker stopped renewing the lock)'));
  await worker.waitUntilReady();
  return worker;
}
