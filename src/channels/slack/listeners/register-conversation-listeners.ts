/**
 * Mentions in channels (answered in a thread) and direct messages to the bot,
 * including the agent view's Messages tab. Other message subtypes (edits, joins,
 * bot posts) are ignored.
 */
import type { SlackListener } from './slack-listener.js';
import { cleanSlackText, replyWithAnswer } from './reply-with-answer.js';

export const registerConversationListeners: SlackListener = (app, deps) => {
  app.event('app_mention', async ({ event, client, setStatus }) => {
    if (!event.user || event.subtype) return;
    await replyWithAnswer(deps, {
      client,
      channel: event.channel,
      threadTs: event.thread_ts ?? event.ts,
      text: cleanSlackText(event.text),
      setStatus,
    });
  });

  app.event('message', async ({ event, client, setStatus }) => {
    if (event.channel_type !== 'im' || ('subtype' in event && event.subtype !== undefined)) return;
    if (!('user' in event) || !event.user) return;
    await replyWithAnswer(deps, {
      client,
      channel: event.channel,
      threadTs: event.thread_ts ?? event.ts,
      text: cleanSlackText(event.text),
      setStatus,
    });
  });
};
