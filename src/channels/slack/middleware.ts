/**
 * The global steps every incoming Slack request goes through after Bolt's own
 * `ignoreSelf`: drop retried or already-answered events, drop messages written by
 * bots (ours and others), so bots never talk to each other, and give the request one
 * place in the answer queue that all of its listeners share.
 */
import type { Middleware, AnyMiddlewareArgs, Context } from '@slack/bolt';
import type Keyv from 'keyv';
import type { Logger } from 'pino';
import { claimOnceOrLocally } from '../../store/claim-once-or-locally.js';
import type { Admission, WorkQueue } from './create-work-queue.js';

/** How long an event_id is remembered; Slack retries within minutes. */
export const DEDUPE_TTL_MS = 60 * 60 * 1000;

/** Also the replay defence for Events API callbacks: guard-slack-requests.ts lets their copies through to here. MUST stay in sync. */
export function dedupeEvents(options: { store: Keyv; logger: Logger; now: () => Date; ttlMs?: number }): Middleware<AnyMiddlewareArgs> {
  // With the store down the event is still answered (answering needs no store), de-duplicated in this process.
  const claim = claimOnceOrLocally({
    onFallback: () => options.logger.warn('store unavailable: Slack event de-duplication kept in this process'),
    onSweepError: () => options.logger.warn('expired Slack event claims not swept; tried again later'),
  });
  return async ({ body, context, next }) => {
    const eventId = (body as { type?: string; event_id?: string }).type === 'event_callback' ? (body as { event_id?: string }).event_id : undefined;
    if (eventId && !(await claim(options.store, eventId, options.ttlMs ?? DEDUPE_TTL_MS, options.now))) {
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

/** Where admitMessages leaves its per-request decision on Bolt's context. */
const ADMISSION_KEY = 'travelAdvisorAdmission';

/**
 * One admission per incoming request, decided by the first listener that asks and
 * shared by the rest (a mention runs the answer and the "remind me" listener), held
 * until every listener has returned. Requests whose listeners queue nothing never take
 * a place. Must run before the listeners, i.e. be registered with `app.use`.
 */
export function admitMessages(work: WorkQueue): Middleware<AnyMiddlewareArgs> {
  return async ({ context, next }) => {
    let decided: Admission | null | undefined;
    context[ADMISSION_KEY] = (): Admission | null => (decided === undefined ? (decided = work.admit()) : decided);
    try {
      await next();
    } finally {
      decided?.release();
    }
  };
}

/** This request's place in the answer queue; null when the queue is full (say "busy"). */
export function admissionOf(context: Context): Admission | null {
  const decide = context[ADMISSION_KEY] as (() => Admission | null) | undefined;
  if (!decide) throw new Error('admitMessages middleware is not registered on this Slack app');
  return decide();
}
