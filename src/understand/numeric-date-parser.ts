/**
 * Numeric dates and ranges read the way the user writes them: "15.12-20.12",
 * "1/12 - 5/12", "3.1.2027 - 7.1.2027", "05.01.27", "02/12". chrono-node reads these
 * month first (or "15.12" as a time of day), which turned "1/12 - 5/12" into a
 * four-month trip; this parser replaces chrono's slash parser in every language.
 *
 * Which number is the day, in this order: a number above 12 decides; dots are day
 * first ("05.01.27"); in a range, the number both ends share is the month ("1/12 -
 * 5/12" is 1–5 December even for en-US, "12/4-12/8" is 4–8 December even day first);
 * then the user's locale (date-order.ts); with no locale known, the reading that comes
 * sooner ("12/03" written on 23 November is 3 December, "4/12" is 4 December).
 */
import type { Parser, ParsingContext } from 'chrono-node';
import { daysInMonth } from './calendar.js';

type Pair = [number, number];

/** How the user orders day and month; `unknown` when no locale says (then: the sooner reading). */
export type DateOrder = 'day-first' | 'month-first' | 'unknown';

// A date: day and month in either order, "." or "/" between, an optional year with the same
// separator (`sep` is the number of the separator's group in PATTERN).
const date = (sep: number) => `(\\d{1,2})([./])(\\d{1,2})(?:\\${sep}(\\d{4}|\\d{2})(?!\\d))?`;
const TO = String.raw`\s*(?:-|–|—|to|till|until|through|al|по|до)\s*`;
// Not inside a longer number, version or word ("v2.10", "1.2.3", "24/7").
// Groups: 1 what comes before; 2-5 the first date (day or month, separator, month or day, year); 6-9 the second.
const PATTERN = new RegExp(String.raw`(^|[^\p{L}\p{N}./-])${date(3)}(?:${TO}${date(7)})?(?![\p{L}\p{N}]|[./]\d)`, 'iu');
// Numbers with these after them are amounts, not dates ("1.5 hours", "2/3 of the team").
const UNIT_AFTER = /^\s*(?:%|percent|hours?|hrs?|h\b|min|minutes?|days?|weeks?|km|kg|mb|gb|x\b|times|of\b|million|bn|k\b|points?)/i;
const NUMBERED_BEFORE = /(?:version|release|build|v|chapter|section|page|step|item|rule|score|rated|ratio)\s*$/i;

function today(context: ParsingContext): [number, number, number] {
  const ref = context.reference;
  const local = new Date(ref.instant.getTime() + (ref.timezoneOffset ?? 0) * 60_000);
  return [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()];
}

const valid = ([day, month]: Pair) => month >= 1 && month <= 12 && day >= 1 && day <= 31;

/** [day, month] of "a/b" given which comes first; the other order when only it is a date. */
function dayMonth(a: number, b: number, dayFirst: boolean): Pair | null {
  const preferred: Pair = dayFirst ? [a, b] : [b, a];
  const other: Pair = dayFirst ? [b, a] : [a, b];
  return valid(preferred) ? preferred : valid(other) ? other : null;
}

/** Whether a range's two dates read day first: the shared number is the month; null when nothing shared decides. */
function rangeOrder(a: Pair, b: Pair): boolean | null {
  if (a[1] === b[1] && a[0] !== b[0]) return true;
  if (a[0] === b[0] && a[1] !== b[1]) return false;
  return null;
}

/** Days from today (month, day) to the next (day, month), for choosing the sooner reading. */
function daysUntil([day, month]: Pair, [nowMonth, nowDay]: Pair): number {
  const monthsAhead = (month - nowMonth + 12) % 12;
  return monthsAhead * 31 + day - nowDay + (monthsAhead === 0 && day < nowDay ? 12 * 31 : 0);
}

function fullYear(text: string | undefined): number | undefined {
  if (!text) return undefined;
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

/** Builds the parser; `order` is the user's convention, used when nothing in the text decides. */
export function numericDateParser(order: DateOrder): Parser {
  return {
    pattern: () => PATTERN,
    extract(context, match) {
      const lead = match[1]!;
      const index = (match.index ?? 0) + lead.length;
      const text = match[0].slice(lead.length);
      const after = context.text.slice(index + text.length);
      // chrono retries a failed match one character later, so the text before is checked here, not in the pattern.
      if (/[\p{L}\p{N}./-]/u.test(context.text[index - 1] ?? ' ')) return null;
      if (UNIT_AFTER.test(after) || NUMBERED_BEFORE.test(context.text.slice(0, index))) return null;
      const [sep, sep2] = [match[3]!, match[7]];
      const first: Pair = [Number(match[2]), Number(match[4])];
      const second: Pair | null = match[6] ? [Number(match[6]), Number(match[8])] : null;
      // A bare "3.1" is a decimal number; "15.12" or "3.1.2027" is a date.
      const decimalLike = (s: string | undefined, m: string | undefined, year: string | undefined) => s === '.' && !year && (m?.length ?? 0) < 2;
      if (decimalLike(sep, match[4], match[5]) || (second && decimalLike(sep2, match[8], match[9]))) return null;
      if (first[0] === 24 && first[1] === 7 && !match[5]) return null; // "24/7"

      const [nowYear, nowMonth, nowDay] = today(context);
      const forward = context.option.forwardDate ?? false;
      const shared = second ? rangeOrder(first, second) : null;
      const swapped: Pair = [first[1], first[0]];
      let dayFirst: boolean;
      if (sep === '.') dayFirst = true;
      else if (shared !== null) dayFirst = shared;
      else if (order !== 'unknown') dayFirst = order === 'day-first';
      else if (!valid(first) || !valid(swapped)) dayFirst = valid(first);
      // No locale known: the sooner of the two readings (a date looked back on reads day first).
      else dayFirst = !forward || daysUntil(first, [nowMonth, nowDay]) <= daysUntil(swapped, [nowMonth, nowDay]);
      const start = dayMonth(first[0], first[1], dayFirst);
      const end = second ? dayMonth(second[0], second[1], dayFirst) : null;
      if (!start || (second && !end)) return null;

      let startYear = fullYear(match[5]);
      if (startYear === undefined) {
        const passed = start[1] < nowMonth || (start[1] === nowMonth && start[0] < nowDay);
        startYear = forward && passed ? nowYear + 1 : nowYear;
      }
      if (start[0] > daysInMonth(startYear, start[1])) return null;
      const startComponents = context.createParsingComponents({ day: start[0], month: start[1], year: startYear });
      if (!end) return context.createParsingResult(index, text, startComponents);

      let endYear = fullYear(match[9]) ?? startYear;
      if (!match[9] && (end[1] < start[1] || (end[1] === start[1] && end[0] < start[0]))) endYear++;
      if (end[0] > daysInMonth(endYear, end[1])) return null;
      return context.createParsingResult(index, text, startComponents, { day: end[0], month: end[1], year: endYear });
    },
  };
}
