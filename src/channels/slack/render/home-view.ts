/**
 * The App Home tab: how to use the bot, then the user's upcoming trips with their
 * reminders, their times as Slack date tokens (each reader's own zone; the fallback in
 * the user's). Pure: trips, "now" and the zone are arguments.
 */
import type { types } from '@slack/bolt';
import type { TripView } from '../../../reminders/types.js';
import { SLACK_LIMITS } from '../limits.js';
import { context, header, section, type SlackBlock } from './answer-to-block-kit.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { slackDate } from './slack-date.js';
import { formatLocalTime } from '../../../render/local-time.js';
import { REMINDER_KINDS } from '../../../render/copy.js';

export interface HomeViewOptions {
  trips: TripView[];
  now: Date;
  /** The user's IANA zone: which trips are still ahead, and the fallback of each time shown (default UTC). */
  timeZone?: string;
  /** The bot's user id, to show "@mention" examples that work. */
  botUserId?: string;
  /** Who to ask when the bot cannot answer. */
  securityContact?: string;
  /** Country names for codes, e.g. from the content base. */
  countryName?: (code: string) => string;
}


/** Trips that have not ended yet in the user's zone (or with no end, have not started more than a day ago). */
export function upcomingTrips(trips: TripView[], now: Date, timeZone = 'UTC'): TripView[] {
  const today = formatLocalTime(now, timeZone).slice(0, 10);
  return trips.filter((t) => (t.end ?? t.start) >= today).sort((a, b) => a.start.localeCompare(b.start));
}

export function homeView(options: HomeViewOptions): types.HomeView {
  const name = options.countryName ?? ((c: string) => c);
  const mention = options.botUserId ? `<@${options.botUserId}>` : '@Travel Advisor';
  const blocks: SlackBlock[] = [
    header('Travel security advisor'),
    ...section(
      [
        'Before a work trip, ask me where you are going. I answer with the surveillance risk of each destination, what that rests on (with sources), and a checklist for your devices, network and accounts.',
        '',
        '*How to ask*',
        `• In a channel: ${mention} travelling to Kyrgyzstan next week (I answer in a thread)`,
        '• In a direct message, or the Messages tab above: just write, e.g. "going to Almaty 3-10 March"',
        '• Anywhere: `/travel Kyrgyzstan next week` (only you see the answer until you share it)',
        '',
        'Press *Remind me before I go* under an answer and I will send a briefing before the trip, a check the day before, and a clean-up list when you are back.',
      ].join('\n'),
    ),
    { type: 'divider' },
  ];
  const zone = options.timeZone ?? 'UTC';
  const trips = upcomingTrips(options.trips, options.now, zone);
  blocks.push(...section(`*Your upcoming trips* (${trips.length})`));
  if (!trips.length) blocks.push(context(['No trips planned. Ask about a trip with a date and press "Remind me before I go".']));
  for (const t of trips) {
    const where = t.destinations.map((c) => escapeMrkdwn(name(c))).join(', ');
    const when = `${t.start}${t.end ? ` to ${t.end}` : ''}`;
    const done = t.acknowledgedAt ? ` :white_check_mark: checklist done ${t.acknowledgedAt.slice(0, 10)}` : '';
    const reminders = t.reminders
      .filter((r) => r.status !== 'cancelled')
      .map((r) => `${REMINDER_KINDS[r.kind].title}: ${slackDate(r.dueAt, zone)} (${r.status})`);
    blocks.push(...section(`:airplane: *${where}*, ${when}${done}`));
    if (reminders.length) blocks.push(context(reminders));
  }
  if (options.securityContact) blocks.push({ type: 'divider' }, context([`Questions the advisor cannot answer: ask ${escapeMrkdwn(options.securityContact)}.`]));
  const max = SLACK_LIMITS.viewBlocks;
  const trimmed = blocks.length > max ? [...blocks.slice(0, max - 1), context(['More trips than fit here; ask the travel desk for the full list.'])] : blocks;
  return { type: 'home', blocks: trimmed };
}
