/**
 * Trip dates from a message with chrono-node, against the user's "now", time zone and
 * locale, leaning to the future (a month already past means next year). Keeps what
 * was said apart from what was inferred: "next week" gives its Monday, inferred, and
 * no end; "in January" gives 1 January, inferred; "late January" the 21st, inferred.
 * Numeric dates read day first unless the locale writes the month first
 * (numeric-date-parser.ts); a length of stay gives the end ("for 4 days"); after a
 * return ("back from Moscow yesterday") the one date said is the trip's end.
 */
// The three languages we read, not chrono-node's index: it loads all thirteen (85 ms of every start).
import * as chronoEn from 'chrono-node/en';
import * as chronoRu from 'chrono-node/ru';
import * as chronoEs from 'chrono-node/es';
import type { Chrono, ParsedResult, Parser } from 'chrono-node';
import type { Trip } from '../vocabulary/trip.js';
import type { UnderstandContext } from './types.js';
import { firstOfNextMonth, isoDay, mondayOfNextWeek, zoneOffsetMinutes } from './calendar.js';
import { ordinalDayParser, partOfMonthParser, spanishDayRangeParser, spanishNextWeekParser } from './date-parsers.js';
import { numericDateParser, type DateOrder } from './numeric-date-parser.js';
import { dateOrder } from './date-order.js';
import { endAfter, findDuration } from './durations.js';
import { fold, isCyrillic } from './normalize.js';

export interface ReadDates {
  trip: Trip | null;
  /** Where the dates were said, for the classifier. */
  spans: Array<{ start: number; end: number }>;
}

// Calendar expressions chrono reads as "+7 days" / "+1 month" but people mean as a period.
const NEXT_WEEK = /^(?:next week|на следующеи неделе|la proxima semana|proxima semana|la semana que viene|semana que viene)$/;
// The present moment is not a trip date ("what should I do now?").
const NOT_A_DATE = /^(?:now|right now|just now|сеичас|ahora)$/;
const NEXT_MONTH = /^(?:next month|в следующем месяце|el proximo mes|proximo mes|el mes que viene)$/;
// The trip is over: the one date said is when it ended, read into the past.
const RETURNED = /(?<![\p{L}])(?:back from|got back|came back|flew back|just back|returned|home from|вернул(?:ся|ась|ись)|прилетел[аи]? из|volv[ií]|regres[eé])(?![\p{L}])/iu;

export type DateReader = (text: string, ctx: UnderstandContext) => ReadDates;

interface Readers {
  en: Chrono;
  ru: Chrono;
  es: Chrono;
}

/** One language's chrono with numeric dates in the user's order and the parsers chrono lacks. */
function prepare(base: Chrono, numeric: Parser, extra: Parser[] = []): Chrono {
  const c = base.clone();
  // Replaced by the numeric parser, which knows day from month; it and "late January" go first to win ties.
  c.parsers = c.parsers.filter((p) => p.constructor.name !== 'SlashDateFormatParser');
  c.parsers.unshift(numeric, partOfMonthParser);
  c.parsers.push(...extra);
  return c;
}

function readers(order: DateOrder): Readers {
  const numeric = numericDateParser(order);
  return {
    en: prepare(chronoEn.casual, numeric, [ordinalDayParser]),
    ru: prepare(chronoRu.casual, numeric),
    es: prepare(chronoEs.casual, numeric, [spanishNextWeekParser, spanishDayRangeParser]),
  };
}

/** chrono-node instances for English, Russian and Spanish, one set per date order, built once. */
export function createDateReader(): DateReader {
  const byOrder: Record<DateOrder, Readers> = { 'day-first': readers('day-first'), 'month-first': readers('month-first'), unknown: readers('unknown') };

  const isDate = (r: ParsedResult) =>
    !NOT_A_DATE.test(fold(r.text).trim()) &&
    ((['day', 'month', 'weekday', 'year'] as const).some((c) => r.start.isCertain(c)) || r.tags().has('result/relativeDate'));

  return (text, ctx) => {
    const reference = { instant: ctx.now, timezone: zoneOffsetMinutes(ctx.now, ctx.timeZone) };
    const back = RETURNED.test(text);
    const option = { forwardDate: !back };
    const set = byOrder[dateOrder(ctx.locale, ctx.timeZone)];
    const parsers = isCyrillic(text) ? [set.ru, set.en] : [set.en, set.es];
    // "for 4 days" is a length, not "4 days from now": what chrono found inside it is dropped.
    const duration = findDuration(text);
    const inDuration = (r: ParsedResult) => duration !== null && r.index < duration.end && r.index + r.text.length > duration.start;
    let results: ParsedResult[] = [];
    for (const p of parsers) {
      results = p.parse(text, reference, option).filter((r) => isDate(r) && !inDuration(r));
      if (results.length) break;
    }
    const first = results[0];
    if (!first) return { trip: null, spans: [] };
    const spans = results.map((r) => ({ start: r.index, end: r.index + r.text.length }));
    if (duration) spans.push({ start: duration.start, end: duration.end });
    const today = isoDay(ctx.now, ctx.timeZone);

    if (back && results.length === 1 && !first.end) {
      const end = isoDay(first.start.date(), ctx.timeZone);
      return { trip: { start: null, end, said: first.text, startInferred: false, endInferred: !first.start.isCertain('day') }, spans };
    }

    const said = fold(first.text).replace(/\s+/g, ' ').trim();
    let start = isoDay(first.start.date(), ctx.timeZone);
    let startInferred = !first.start.isCertain('day');
    if (NEXT_WEEK.test(said)) [start, startInferred] = [mondayOfNextWeek(today), true];
    else if (NEXT_MONTH.test(said)) [start, startInferred] = [firstOfNextMonth(today), true];

    let end: string | null = null;
    let endInferred = false;
    let last = first;
    if (first.end) {
      end = isoDay(first.end.date(), ctx.timeZone);
      endInferred = !first.end.isCertain('day');
    }
    // Later dates are the rest of the trip: "flying out Dec 1, back Dec 10";
    // "Baku 3-6 Dec, then Tbilisi 7-10 Dec" runs to the 10th.
    for (const r of results.slice(1)) {
      const rEnd = r.end ?? r.start;
      const day = isoDay(rEnd.date(), ctx.timeZone);
      if (day > (end ?? start)) [end, endInferred, last] = [day, !rEnd.isCertain('day'), r];
    }
    const length = end === null ? duration : null;
    if (length) [end, endInferred] = [endAfter(start, length), startInferred];
    const from = Math.min(first.index, length?.start ?? first.index);
    const to = Math.max(last.index + last.text.length, length?.end ?? 0);
    return { trip: { start, end, said: text.slice(from, to), startInferred, endInferred }, spans };
  };
}
