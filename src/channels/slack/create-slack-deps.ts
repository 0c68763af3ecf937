/**
 * What Slack listeners and answer workers share, built the same way in the door and in
 * `travel-advisor worker` (answer-worker.ts), so an answer prepared in either place reads
 * the same stores: the answers kept for "Share in channel", each user's time zone, and
 * the 👍/👎 store.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Answer } from '../../advisor/answer.js';
import type { AppContext } from '../../app/app-context.js';
import { feedbackStoreFrom } from '../../feedback/create-feedback-store.js';
import type { SlackPoster } from './create-slack-poster.js';
import type { WorkQueue } from './create-work-queue.js';
import type { SlackDeps } from './listeners/slack-listener.js';
import { createSlackTimeZones } from './slack-time-zones.js';

export function createSlackDeps(ctx: AppContext, logger: Logger, deliveryClient: webApi.WebClient, poster: SlackPoster, work?: WorkQueue): SlackDeps {
  return {
    ctx,
    logger,
    poster,
    answers: ctx.store<Answer>('slack-answers'),
    deliveryClient,
    work,
    // users.info through the client that rejects 429s rather than waiting: an answer never waits minutes for a zone.
    zones: createSlackTimeZones({ client: deliveryClient, store: ctx.store('slack-user-zones'), fallback: ctx.config.DEFAULT_TIMEZONE, logger, now: () => ctx.clock().getTime() }),
    feedback: feedbackStoreFrom((ns) => ctx.store(ns), ctx.config.FEEDBACK_RETENTION_DAYS, ctx.clock),
  };
}
