/**
 * A `travel-advisor worker` process's Slack part (ANSWER_WORKERS=external): consumes the
 * answers queue (answer-queue.ts) with BullMQ's Worker and answers each message exactly
 * as the door does inline, through the same prepareAndPost: the same conversation
 * service and thread memory (the shared STORE_URL), the same Slack renderer,
 * chat.postMessage with the bot token, and the "thinking" status only on the model path.
 *
 * Failures: the client itself does not retry; a post that fails (network, 5xx) throws and
 * BullMQ tries the job again with backoff (ANSWER_ATTEMPTS); a 429 pauses this worker for
 * its Retry-After and puts the job back; a Slack platform error (channel_not_found,
 * not_in_channel, …) is permanent and not retried. A retry prepares the answer again, so
 * a reply of two messages whose second post failed may show its first one twice.
 */
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { createAnswerWorker, type AnswerWorker } from '../../store/answer-queue.js';
import { webApi } from '@slack/bolt';
import type { AppContext } from '../../app/app-context.js';
import { toBoltLogger } from './bolt-logger.js';
import { ANSWERS_QUEUE, type AnswerJob } from './answer-queue.js';
import { slackApiUrl } from './create-slack-door.js';
import { createSlackDeps } from './create-slack-deps.js';
import { createSlackFetch } from './create-slack-fetch.js';
import { createSlackPoster } from './create-slack-poster.js';
import { THINKING_STATUS, prepareAndPost } from './listeners/reply-with-answer.js';

/** Platform errors worth another try: Slack's own trouble, not the request's. */
const TRANSIENT_PLATFORM_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

export interface SlackAnswerWorkerOptions {
  /** Jobs answered at once; default ANSWER_WORKER_CONCURRENCY. */
  concurrency?: number;
}

export type SlackAnswerWorker = AnswerWorker;

export function createSlackAnswerWorker(ctx: AppContext, options: SlackAnswerWorkerOptions = {}): SlackAnswerWorker {
  const { config } = ctx;
  if (!config.REDIS_URL || !config.SLACK_BOT_TOKEN) throw new Error('the answer worker needs REDIS_URL and SLACK_BOT_TOKEN');
  const logger = ctx.logger.child({ door: 'slack', role: 'answer-worker' });
  const slackFetch = ctx.fetch === globalThis.fetch ? createSlackFetch() : null;
  const fetch = slackFetch ?? (ctx.fetch as unknown as webApi.FetchFunction);
  const apiUrl = slackApiUrl(config.SLACK_API_URL);
  const client = new webApi.WebClient(config.SLACK_BOT_TOKEN, {
    slackApiUrl: apiUrl,
    fetch,
    logger: toBoltLogger(logger),
    // BullMQ retries the job (with backoff, across workers); the client must not wait minutes inside one.
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  // The answer itself as JSON (create-slack-poster.ts), under the same policy: no retry, a 429 thrown.
  const poster = createSlackPoster({ token: config.SLACK_BOT_TOKEN, apiUrl, fetch, logger, rejectRateLimitedCalls: true });
  // No work queue: that is the door's; a worker's concurrency is BullMQ's.
  const deps = createSlackDeps(ctx, logger, client, poster);

  async function answer(job: Job<AnswerJob>, consumer: Worker<AnswerJob>): Promise<void> {
    const m = job.data;
    const threadTs = m.threadTs ?? m.ts;
    try {
      await prepareAndPost(deps, {
        client, team: m.team, channel: m.channel, ts: m.ts, threadTs: m.threadTs, dm: m.dm, text: m.text, userId: m.userId,
        // As Bolt's setStatus for this event: the message's channel and thread.
        setStatus: (status: typeof THINKING_STATUS) => client.assistant.threads.setStatus({ channel_id: m.channel, thread_ts: threadTs, ...status }),
        admission: null,
      }, threadTs);
    } catch (error) {
      const e = error as Error & { code?: string; retryAfter?: number; data?: { error?: string } };
      logger.warn({ err: { name: e.name, code: e.code, slack: e.data?.error }, attempt: job.attemptsMade + 1 }, 'Slack answer not posted');
      if (e.code === webApi.ErrorCode.RateLimitedError) {
        await consumer.rateLimit(Math.max(1, (e.retryAfter ?? 1) * 1000));
        throw Worker.RateLimitError();
      }
      if (e.code === webApi.ErrorCode.PlatformError && !TRANSIENT_PLATFORM_ERRORS.has(e.data?.error ?? '')) throw new UnrecoverableError(`Slack refused the post: ${e.data?.error}`);
      throw error;
    }
  }

  return createAnswerWorker<AnswerJob>(ANSWERS_QUEUE, answer, {
    config, logger, concurrency: options.concurrency, readyMessage: 'Slack answer worker ready',
    release: async () => slackFetch?.close(),
  });
}
