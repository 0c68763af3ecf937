/**
 * The copy table: every sentence more than one door says, written once. Checklist phase
 * titles, reminder kinds and their headlines, what a button or a typed message did
 * ("Trip to Kyrgyzstan from 2026-11-30 saved …", "Snoozed until …", "Thanks, noted …"),
 * and the fallbacks (a button that no longer works, an expired answer, busy, failure).
 * Slack, Teams, the playground and the terminal all render from here, each adding only
 * its own formatting: an icon for the `tone`, bold, and times written its own way
 * (Slack date tokens, the reader's local time), given as `CopyFormat.instant`.
 * Pure: no clock, no config; anything variable is an argument.
 */
import type { ButtonNotice, Notice } from '../conversation/types.js';

export type { ButtonNotice };
import type { ReminderKind } from '../reminders/types.js';
import type { Summary, TripItem } from '../advisor/answer.js';
export { listNames } from '../advisor/on-question-message.js';

export type Phase = TripItem['phase'];

/** Phase titles for checklist headings. */
export const PHASE_TITLES: Record<Phase, string> = { before: 'Before you go', during: 'While you are there', after: 'When you are back' };
/** Phase words after an action: "… (before you go)". */
export const PHASE_WORDS: Record<Phase, string> = { before: 'before you go', during: 'while you are there', after: 'when you are back' };

/** A reminder kind: its title (Home tab, lists), its words in a sentence, and the checklist phases it shows. */
export const REMINDER_KINDS: Record<ReminderKind, { title: string; words: string; phases: Phase[] }> = {
  briefing: { title: 'Pre-trip briefing', words: 'pre-trip briefing', phases: ['before', 'during'] },
  'day-before': { title: 'Day-before check', words: 'day-before check', phases: ['before', 'during'] },
  'post-trip': { title: 'Post-trip clean-up', words: 'post-trip clean-up', phases: ['after'] },
};

/** Why a reminder arrives now, in two sentences: the headline (shown bold) and what to do. */
export function reminderHeadline(kind: ReminderKind, places: string, start: string): { lead: string; rest: string } {
  if (kind === 'briefing') return { lead: `Your trip to ${places} starts on ${start}.`, rest: 'Here is your pre-trip security briefing.' };
  if (kind === 'day-before') return { lead: `You leave for ${places} tomorrow (${start}).`, rest: 'Last checks before you go.' };
  return { lead: `Welcome back from ${places}.`, rest: 'Time to clean up your devices and accounts.' };
}

/** Fallback sentences every door uses. */
export const FALLBACK = {
  buttonGone: 'That button no longer works; ask about the trip again.',
  reminderGone: 'That reminder no longer exists; nothing to snooze.',
  answerExpired: 'That answer has expired; ask again with /travel.',
  cardExpired: 'This card has expired; ask me again for a fresh one.',
  busy: 'I am answering a lot of questions right now. Please ask again in a minute.',
  feedbackNotSaved: 'Your feedback could not be saved just now; please try again in a minute.',
  somethingWentWrong: (contact: string) => `Sorry, something went wrong while preparing the advice. Please try again, or ask ${contact}.`,
  remindHint: 'Tell me where and when, e.g. "remind me before my Almaty trip on Dec 8".',
} as const;

/** Lines that replace a reminder card once its button was pressed, so it cannot be pressed twice. */
export const STATUS_LINES = {
  acknowledged: (at: string) => `Checklist done (recorded ${at.slice(0, 10)}).`,
  snoozed: (when: string) => `Snoozed until ${when}.`,
};

/**
 * The summary as one paragraph with its citation markers ("… encrypted. [1] [2]"): the one
 * function every renderer uses. `text` escapes a sentence for the door's markup and
 * `marker` writes marker n (Slack links it to its source); both default to plain text.
 */
export function summaryWithMarkers(
  summary: Pick<Summary, 'sentences'>,
  format: { text?: (sentence: string) => string; marker?: (n: number) => string } = {},
): string {
  const text = format.text ?? ((t: string) => t);
  const marker = format.marker ?? ((n: number) => `[${n}]`);
  return summary.sentences.map((s) => `${text(s.text)}${s.citations.map((n) => ` ${marker(n)}`).join('')}`).join(' ');
}

/** How a door writes what the copy leaves open. */
export interface CopyFormat {
  /** An instant (ISO 8601) for this reader: Slack's date token, or their local time. */
  instant(iso: string): string;
  /** Country names for ISO codes, joined for a sentence ("Kazakhstan and Kyrgyzstan"). */
  places(codes: string[]): string;
  /** Who to ask (SECURITY_CONTACT). */
  contact: string;
}

/** The feeling of a sentence, which each door shows its own way (Slack emoji, a Teams icon, none in a terminal). */
export type Tone = 'done' | 'planned' | 'snoozed' | 'warning' | 'refused' | 'info';


const GONE = { button: FALLBACK.buttonGone, reminder: FALLBACK.reminderGone, answer: FALLBACK.answerExpired, card: FALLBACK.cardExpired } as const;

/** What the reader is told, in words, with its tone. */
export function noticeWords(notice: Notice | ButtonNotice, f: CopyFormat): { tone: Tone; text: string } {
  switch (notice.type) {
    case 'trip-planned': {
      const { trip } = notice;
      const due = trip.reminders.filter((r) => r.status === 'scheduled').map((r) => `${REMINDER_KINDS[r.kind].words} ${f.instant(r.dueAt)}`);
      return { tone: 'planned', text: `Trip to ${f.places(trip.destinations)} from ${trip.start} saved. I will remind you${due.length ? `: ${due.join(', ')}` : ' before you go'}.` };
    }
    case 'remind-incomplete':
      return notice.missing === 'date' && notice.destinations.length
        ? { tone: 'info', text: `I can remind you before your trip to ${f.places(notice.destinations)}. Tell me when you leave, e.g. "remind me, I leave on Dec 8".` }
        : { tone: 'info', text: `I can remind you before you go. ${FALLBACK.remindHint}` };
    case 'remind-unavailable':
      return { tone: 'info', text: 'I cannot send reminders here. Ask me in Slack or Teams, or ask the travel desk to plan your trip.' };
    case 'acknowledged':
      return notice.trip
        ? { tone: 'done', text: `Thanks, noted that you have done the checklist for your trip to ${f.places(notice.trip.destinations)} (${notice.trip.start}).` }
        : { tone: 'done', text: 'Thanks, noted. You have no planned trip to record it on: press "Remind me before I go" under an answer, or say "remind me", to plan one.' };
    case 'snoozed':
      return { tone: 'snoozed', text: STATUS_LINES.snoozed(f.instant(notice.until)) };
    case 'gone':
      return { tone: 'info', text: GONE[notice.what] };
    case 'feedback':
      return notice.rating === 'positive'
        ? { tone: 'info', text: 'Thanks for the feedback: glad the summary helped.' }
        : { tone: 'info', text: `Thanks for the feedback: noted that the summary did not help. The checklist and sources still apply; for anything unclear, ask ${f.contact}.` };
    case 'not-saved':
      return { tone: 'warning', text: notice.message };
    case 'refused':
      return { tone: 'refused', text: notice.message };
    case 'desk':
      return { tone: 'info', text: notice.text };
  }
}
