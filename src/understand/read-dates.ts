/**
 * Trip dates from a message with chrono-node, against the user's "now" and time
 * zone, leaning to the future (a month already past means next year). Keeps what
 * was said apart from what was inferred: "next week" gives its Monday, inferred,
 * and no end; "in January" gives 1 January, inferred.
 */
import * as chrono from 'chrono-node';
import type { ParsedResult } from 'chrono-node';
import type { Trip } from '../advisor/answer.js';
import type { UnderstandContext } from './types.js';
import { firstOfNextMonth, isoDay, mondayOfNextWeek, zoneOffsetMinutes } from './calendar.js';
import { ordinalDayParser, spanishDayRangeParser, spanishNextWeekParser } from './date-parsers.js';
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

export type DateReader = (text: string, ctx: UnderstandContext) => ReadDates;

/** chrono-node instances for English, Russian and Spanish with our extra parsers, built once. */
export function createDateReader(): DateReader {
  const en = chrono.casual.clone();
  en.parsers.push(ordinalDayParser);
  const ru = chrono.ru.casual.clone();
  const es = chrono.es.casual.clone();
  es.parsers.push(spanishNextWeekParser, spanishDayRangeParser);

  const isDate = (r: ParsedResult) =>
    !NOT_A_DATE.test(fold(r.text).trim()) &&
    ((['day', 'month', 'weekday', 'year'] as const).some((c) => r.start.isCertain(c)) || r.tags().has('result/relativeDate'));

  return (text, ctx) => {
    const reference = { instant: ctx.now, timezone: zoneOffsetMinutes(ctx.now, ctx.timeZone) };
    const option = { forwardDate: true };
    const parsers = isCyrillic(text) ? [ru, en] : [en, es];
    let results: ParsedResult[] = [];
    for (const p of parsers) {
      results = p.parse(text, reference, option).filter(isDate);
      if (results.length) break;
    }
    const first = results[0];
    if (!first) return { trip: null, spans: [] };
    const today = isoDay(ctx.now, ctx.timeZone);
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
    return {
      trip: { start, end, said: text.slice(first.index, last.index + last.text.length), startInferred, endInferred },
      spans: results.map((r) => ({ start: r.index, end: r.index + r.text.length })),
    };
  };
}
