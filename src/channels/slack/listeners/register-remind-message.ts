/**
 * The traveller's "remind me before my Almaty trip on Dec 8" (intent `remind`), in a DM
 * or a mention: plans the trip and confirms in the thread when the reminders will come
 * (Slack date tokens: each reader sees their own time; the fallback is in the traveller's zone).
 * Runs beside the conversation listener, which still answers with the advice itself.
 */
import type { Context } from '@slack/bolt';
import { InputError, StoreUnavailableError } from '../../../errors.js';
import { REMIND_HINT, tripFromMessage } from '../../../reminders/trip-from-message.js';
import { admissionOf } from '../middleware.js';
import { slackDate } from '../render/slack-date.js';
import { cleanSlackText } from './reply-with-answer.js';
import type { SlackListener } from './slack-listener.js';

const KIND = { briefing: 'briefing', 'day-before': 'day-before check', 'post-trip': 'post-trip clean-up' } as const;

export const registerRemindMessage: SlackListener = (app, deps) => {
  const { ctx } = deps;
  async function handle(user: string, team: string, channel: string, threadTs: string, text: string | undefined, post: (args: { channel: string; thread_ts: string; text: string }) => Promise<unknown>) {
    let u;
    // "on Dec 8" and "next week" are the traveller's own dates.
    const zone = await deps.zones.of(user);
    try {
      u = ctx.advisor.understand(cleanSlackText(text), { now: ctx.clock(), timeZone: zone });
    } catch (error) {
      if (error instanceof InputError) return;
      throw error;
    }
    const request = tripFromMessage(u, { platform: 'slack', userId: user }, `slack:${user}`, `slack:${team}:${user}`);
    if (request.kind === 'not-remind') return;
    if (request.kind === 'incomplete') return void (await post({ channel, thread_ts: threadTs, text: `I can remind you before you go. ${REMIND_HINT}` }));
    // The same key as the "Remind me before I go" button (register-answer-actions.ts), so
    // pressing it under the answer to this message plans no second trip. MUST stay in sync.
    const t = request.trip;
    let trip;
    try {
      trip = await ctx.reminders.createTrip({ ...t, idempotencyKey: `slack:${team}:${user}:${t.destinations.join('+')}:${t.start}` });
    } catch (error) {
      // Never "saved" when it was not: say so in the thread (the advice itself still comes).
      if (!(error instanceof StoreUnavailableError)) throw error;
      return void (await post({ channel, thread_ts: threadTs, text: `:warning: ${error.userMessage}` }));
    }
    const plan = trip.reminders.map((r) => `${KIND[r.kind]} ${slackDate(r.dueAt, zone)}`).join(', ');
    await post({ channel, thread_ts: threadTs, text: `:spiral_calendar_pad: Trip to ${trip.destinations.join(', ')} on ${trip.start} saved. I will send you: ${plan}.` });
  }

  // Understanding the message is CPU work: run it on the work queue (a later event-loop
  // turn, under the message's one admission shared with the answer listener) so
  // acknowledgements of requests arriving meanwhile are not held up; inline only when
  // the queue is full (the request is still planned, just not deferred).
  const later = (context: Context, job: () => Promise<void>) => {
    const admission = admissionOf(context);
    return admission ? admission.run(job) : job();
  };

  app.event('message', async ({ event, client, context }) => {
    if (event.channel_type !== 'im' || ('subtype' in event && event.subtype !== undefined)) return;
    if (!('user' in event) || !event.user) return;
    const { user, channel, text } = event;
    await later(context, () => handle(user, context.teamId ?? '', channel, event.thread_ts ?? event.ts, text, (a) => client.chat.postMessage(a)));
  });
  app.event('app_mention', async ({ event, client, context }) => {
    if (!event.user || event.subtype) return;
    const user = event.user;
    await later(context, () => handle(user, context.teamId ?? '', event.channel, event.thread_ts ?? event.ts, event.text, (a) => client.chat.postMessage(a)));
  });
};
