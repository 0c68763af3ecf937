/**
 * Mentions in channels (answered in a thread) and direct messages to the bot,
 * including the agent view's Messages tab: each message is ONE conversation turn, one
 * job on the work queue, understood once (advice, follow-up, "remind me", "I've done the
 * checklist", help). Other message subtypes (edits, joins, bot posts) are ignored.
 *
 * One global step rather than two `app.event` listeners: Bolt runs every listener's own
 * middleware chain for every request (copying its arguments each time), so a mention paid
 * for all of the door's listeners. This step runs after the door's other global steps
 * (dedupe, bots, admission), answers the mentions and DMs it takes, and does not call
 * `next()` for them; everything else (buttons, commands, App Home, other events) goes on
 * to the listeners as before. A listener added for `app_mention` or DM `message` events
 * (SlackDoorOptions.extraListeners) therefore does not see the ones answered here.
 */
import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import { admissionOf } from '../middleware.js';
import type { SlackListener } from './slack-listener.js';
import { replyWithAnswer, type ReplyTarget } from './reply-with-answer.js';

/** The Events API events this step answers; MUST stay in sync with `bot_events` in manifests/slack/manifest.yaml (test/slack/manifest.test.ts reads it). */
export const TURN_EVENTS = { mention: 'app_mention', dm: 'message' } as const;

interface MaybeTurnEvent {
  type?: string;
  subtype?: string;
  user?: string;
  channel?: string;
  channel_type?: string;
  ts?: string;
  thread_ts?: string;
  text?: string;
}

/** The turn an Events API event is (a mention by a person, or a person's plain DM), or null. */
function conversationTurn(event: MaybeTurnEvent): Pick<ReplyTarget, 'channel' | 'ts' | 'threadTs' | 'dm' | 'text' | 'userId'> | null {
  const dm = event.type === TURN_EVENTS.dm;
  if (event.type !== TURN_EVENTS.mention && !(dm && event.channel_type === 'im')) return null;
  if (!event.user || event.subtype !== undefined || !event.channel || !event.ts) return null;
  return { channel: event.channel, ts: event.ts, threadTs: event.thread_ts, dm, text: event.text, userId: event.user };
}

export const registerConversationListeners: SlackListener = (app, deps) => {
  app.use(async (args: AnyMiddlewareArgs & AllMiddlewareArgs & { setStatus?: ReplyTarget['setStatus'] }) => {
    const { body, context, client, next } = args;
    const event = (body as { type?: string }).type === 'event_callback' ? (body as { event?: MaybeTurnEvent }).event : undefined;
    const turn = event ? conversationTurn(event) : null;
    if (!turn) return next();
    await replyWithAnswer(deps, { ...turn, client, setStatus: args.setStatus, team: context.teamId ?? '', admission: admissionOf(context) });
  });
};
