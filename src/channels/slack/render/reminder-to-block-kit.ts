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
import { REMINDER_KINDS } from '../../../render/copy.js';

/** Slack's intro line for each kind; the phases shown are the copy table's (REMINDER_KINDS). */
const TITLES: Record<ReminderKind, (places: string, start: string) => string> = {
  briefing: (p, s) => `:airplane: *Pre-trip briefing*: your trip to ${p} starts on ${s}.`,
  'day-before': (p) => `:alarm_clock: *Tomorrow you leave for ${p}.* Last checks before you go:`,
  'post-trip': (p) => `:house: *Welcome back from ${p}.* Time to clean up your devices and accounts:`,
};

export interface ReminderBlockKitOptions {
  maxBlocks?: number;
}

/** Renders a reminder delivery as `{ text, blocks }` for chat.postMessage. */
export function reminderToBlockKit(delivery: Delivery, options: ReminderBlockKitOptions = {}): SlackMessage {
  const { trip, reminder, answer } = delivery;
  const places = answer.destinations.map((d) => d.countryName).join(', ') || trip.destinations.join(', ');
  const intro = TITLES[reminder.kind](escapeMrkdwn(places), trip.start);
  const snooze: SnoozeValue = { t: trip.id, r: reminder.id };
  const message = answerToBlockKit(answer, {
    intro,
    phases: [...REMINDER_KINDS[reminder.kind].phases],
    remind: false,
    acknowledge: { tripId: trip.id, reminderId: reminder.id },
    extraButtons: [button('Snooze', ACTION_IDS.snooze, snooze)],
    maxBlocks: options.maxBlocks,
  });
  const plainIntro = intro.replace(/:[a-z_]+: /, '').replace(/\*/g, '');
  return { ...message, text: `${plainIntro}\n${message.text}` };
}
