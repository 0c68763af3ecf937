/**
 * Mentions in channels (answered in a thread) and direct messages to the bot,
 * including the agent view's Messages tab: each message is ONE conversation turn, one
 * job on the work queue, understood once (advice, follow-up, "remind me", "I've done the
 * checklist", help). Other message subtypes (edits, joins, bot posts) are ignored.
 */
import { admissionOf } from '../middleware.js';
import type { SlackListener } from './slack-listener.js';
import { replyWithAnswer } from './reply-with-answer.js';

export const registerConversationListeners: SlackListener = (app, deps) => {
  app.event('app_mention', async ({ event, client, setStatus, context }) => {
    if (!event.user || event.subtype) return;
    await replyWithAnswer(deps, {
      client, setStatus, team: context.teamId ?? '', channel: event.channel, ts: event.ts, threadTs: event.thread_ts,
      dm: false, text: event.text, userId: event.user, admission: admissionOf(context),
    });
  });

  app.event('message', async ({ event, client, setStatus, context }) => {
    if (event.channel_type !== 'im' || ('subtype' in event && event.subtype !== undefined)) return;
    if (!('user' in event) || !event.user) return;
    await replyWithAnswer(deps, {
      client, setStatus, team: context.teamId ?? '', channel: event.channel, ts: event.ts, threadTs: event.thread_ts,
      dm: true, text: event.text, userId: event.user, admission: admissionOf(context),
    });
  });
};
