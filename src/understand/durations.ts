/**
 * How long a trip lasts, when the message says so: "for 4 days", "2 weeks starting
 * Jan 5", "a week in Osh from the 7th", "3 nights". chrono-node reads such phrases as
 * a date that far from now ("2 weeks" → in two weeks), so the date reader drops what
 * chrono found inside them and gives the trip an end instead: inclusive, so 4 days
 * from 3 December end on the 6th; nights end on the morning after the last one.
 */
import { addDays, addMonths } from './calendar.js';

export interface Duration {
  days: number;
  months: number;
  /** Where the phrase was said. */
  start: number;
  end: number;
}

const NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fourteen: 14, couple: 2,
};

const PHRASE = /(?<![\p{L}\p{N}])(?:for\s+)?(?:(?:a\s+)?(couple)\s+of\s+|(an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|\d{1,2})[\s-]+)(days?|nights?|weeks?|fortnights?|months?)(?![\p{L}\p{N}])/giu;
// "in two weeks", "within 3 days", "every week": a moment or a frequency, not a length.
const NOT_AFTER = /(?:\b(?:in|within|after|over|next|past|last|every|per|each|than|the|first|second)\s+)$/i;
// "2 days before my trip", "a week from Monday", "two weeks ago": relative to something else.
const NOT_BEFORE = /^\s+(?:ago|later|before|after|earlier|from|away|prior|notice|early|late|out)\b/i;

/** The first stated length of stay in `text`, or null. */
export function findDuration(text: string): Duration | null {
  for (const m of text.matchAll(PHRASE)) {
    const at = m.index;
    const end = at + m[0].length;
    // "for 10 days from Dec 2" is a stay; "10 days from Dec 2" a date.
    const stay = /^for\s/i.test(m[0]);
    if (NOT_AFTER.test(text.slice(Math.max(0, at - 12), at)) || (!stay && NOT_BEFORE.test(text.slice(end, end + 12)))) continue;
    const count = NUMBERS[(m[1] ?? m[2])!.toLowerCase()] ?? Number(m[2]);
    if (!count) continue;
    const unit = m[3]!.toLowerCase().replace(/s$/, '');
    const length =
      unit === 'day' ? { days: count - 1, months: 0 }
      : unit === 'night' ? { days: count, months: 0 }
      : unit === 'week' ? { days: 7 * count - 1, months: 0 }
      : unit === 'fortnight' ? { days: 14 * count - 1, months: 0 }
      : { days: -1, months: count };
    return { ...length, start: at, end };
  }
  return null;
}

/** The last day of a stay of `d` that begins on `start` (YYYY-MM-DD). */
export function endAfter(start: string, d: Duration): string {
  return addDays(d.months ? addMonths(start, d.months) : start, d.days);
}
