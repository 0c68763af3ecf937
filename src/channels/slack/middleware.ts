/**
 * The two global steps every incoming Slack request goes through after Bolt's own
 * `ignoreSelf`: drop retried or already-answered events, and drop messages written by
 * bots (ours and others), so bots never talk to each other.
 */
import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import type Keyv from 'keyv';
import type { Logger } from 'pino';
import { claimOnce } from '../../store/claim-once.js';

/** How long an event_id is remembered; Slack retries within minutes. */
export const DEDUPE_TTL_MS = 60 * 60 * 1000;

export function dedupeEvents(options: { store: Keyv; logger: Logger; now: () => Date; ttlMs?: number }): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = (body as { type?: string; event_id?: string }).type === 'event_callback' ? (body as { event_id?: string }).event_id : undefined;
    if (eventId && !(await claimOnce(options.store, eventId, options.ttlMs ?? DEDUPE_TTL_MS, options.now))) {
      options.logger.debug({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'duplicate Slack event ignored');
      return;
    }
    await next();
  };
}

interface MaybeBotEvent {
  bot_id?: string;
  subtype?: string;
  user?: string;
  bot_profile?: unknown;
}

/** True for messages and mentions written by any bot or app, including ourselves. */
export function isFromBot(event: MaybeBotEvent, botUserId?: string): boolean {
  return Boolean(event.bot_id || event.bot_profile || event.subtype === 'bot_message' || (botUserId && event.user === botUserId));
}

export const ignoreBotMessages: Middleware<AnyMiddlewareArgs> = async ({ body, context, next }) => {
  const event = (body as { event?: MaybeBotEvent & { type?: string } }).event;
  if (event && (event.type === 'message' || event.type === 'app_mention') && isFromBot(event, context.botUserId)) return;
  await next();
};
