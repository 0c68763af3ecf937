/**
 * A scheduled reminder as a Slack DM: why it arrives now (briefing, day before,
 * post-trip clean-up), each destination's level, the trip's merged checklist for the
 * phases that matter now, and the buttons "I've done the checklist", "Full checklist",
 * "Why this level" and "Snooze". Pure; used by the Slack deliverer.
 */
import type { Delivery, ReminderKind } from '../../../reminders/types.js';
import { ACTION_IDS, type SnoozeValue } from '../actions.js';
import { answerToBlockKit, button, type Phase, type SlackMessage } from './answer-to-block-kit.js';
import { escapeMrkdwn } from './mrkdwn.js';

const KIND: Record<ReminderKind, { title: (places: string, start: string, end: string | null) => string; phases: Phase[] }> = {
  briefing: { title: (p, s) => `:airplane: *Pre-trip briefing*: your trip to ${p} starts on ${s}.`, phases: ['before', 'during'] },
  'day-before': { title: (p) => `:alarm_clock: *Tomorrow you leave for ${p}.* Last checks before you go:`, phases: ['before', 'during'] },
  'post-trip': { title: (p) => `:house: *Welcome back from ${p}.* Time to clean up your devices and accounts:`, phases: ['after'] },
};

export interface ReminderBlockKitOptions {
  maxBlocks?: number;
}

/** Renders a reminder delivery as `{ text, blocks }` for chat.postMessage. */
export function reminderToBlockKit(delivery: Delivery, options: ReminderBlockKitOptions = {}): SlackMessage {
  const { trip, reminder, answer } = delivery;
  const places = answer.destinations.map((d) => d.countryName).join(', ') || trip.destinations.join(', ');
  const kind = KIND[reminder.kind];
  const intro = kind.title(escapeMrkdwn(places), trip.start, trip.end);
  const snooze: SnoozeValue = { t: trip.id, r: reminder.id };
  const message = answerToBlockKit(answer, {
    intro,
    phases: kind.phases,
    remind: false,
    acknowledge: { tripId: trip.id, reminderId: reminder.id },
    extraButtons: [button('Snooze', ACTION_IDS.snooze, snooze)],
    maxBlocks: options.maxBlocks,
  });
  const plainIntro = intro.replace(/:[a-z_]+: /, '').replace(/\*/g, '');
  return { ...message, text: `${plainIntro}\n${message.text}` };
}
