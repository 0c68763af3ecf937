/**
 * Mentions in channels (answered in a thread) and direct messages to the bot,
 * including the agent view's Messages tab. Other message subtypes (edits, joins,
 * bot posts) are ignored.
 */
import type { Context } from '@slack/bolt';
import { admissionOf } from '../middleware.js';
import type { SlackListener, SlackDeps } from './slack-listener.js';
import { cleanSlackText, replyWithAnswer } from './reply-with-answer.js';

type ReplyArgs = Parameters<typeof replyWithAnswer>[1];

/** Both events answer the same way: in the thread of the message that asked. */
function answerInThread(
  deps: SlackDeps,
  event: { channel: string; ts: string; thread_ts?: string; text?: string; user?: string },
  client: ReplyArgs['client'],
  setStatus: ReplyArgs['setStatus'],
  context: Context,
) {
  return replyWithAnswer(deps, {
    client,
    channel: event.channel,
    threadTs: event.thread_ts ?? event.ts,
    text: cleanSlackText(event.text),
    userId: event.user,
    setStatus,
    admission: admissionOf(context),
  });
}

export const registerConversationListeners: SlackListener = (app, deps) => {
  app.event('app_mention', async ({ event, client, setStatus, context }) => {
    if (!event.user || event.subtype) return;
    await answerInThread(deps, event, client, setStatus, context);
  });

  app.event('message', async ({ event, client, setStatus, context }) => {
    if (event.channel_type !== 'im' || ('subtype' in event && event.subtype !== undefined)) return;
    if (!('user' in event) || !event.user) return;
    await answerInThread(deps, event, client, setStatus, context);
  });
};
