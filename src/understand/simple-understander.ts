/**
 * Walking-skeleton understanding: country names and capitals from the countries-list
 * data package, dates from chrono-node. The full language understanding (intents/,
 * fuzzy places, demonyms, other languages) replaces this module.
 */
import * as chrono from 'chrono-node';
import { countries } from 'countries-list';
import type { Trip } from '../advisor/answer.js';
import type { PlaceMatch, Understander, Understanding, UnderstandContext } from './types.js';

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** YYYY-MM-DD of a Date as seen in an IANA time zone. */
export function isoDay(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** Minutes east of UTC of `timeZone` at `date`, for chrono's reference instant. */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(date);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

export function createSimpleUnderstander(): Understander {
  const names: Array<{ re: RegExp; code: string; kind: PlaceMatch['kind'] }> = [];
  for (const [code, c] of Object.entries(countries)) {
    const all = [c.name, ...((c as { alias?: string[] }).alias ?? [])];
    for (const n of all) names.push({ re: new RegExp(`\\b${escape(n)}\\b`, 'i'), code, kind: 'country' });
    if (c.capital) names.push({ re: new RegExp(`\\b${escape(c.capital)}\\b`, 'i'), code, kind: 'city' });
  }

  return {
    understand(raw: string, ctx: UnderstandContext): Understanding {
      const text = raw.replace(/<@[A-Z0-9]+>/g, ' ').replace(/\s+/g, ' ').trim();
      const found: Array<PlaceMatch & { index: number }> = [];
      for (const n of names) {
        const m = n.re.exec(text);
        if (m) found.push({ countryCode: n.code, text: m[0], confidence: 1, kind: n.kind, index: m.index });
      }
      found.sort((a, b) => a.index - b.index);
      const places: PlaceMatch[] = [];
      for (const f of found) {
        if (!places.some((p) => p.countryCode === f.countryCode)) places.push({ countryCode: f.countryCode, text: f.text, confidence: f.confidence, kind: f.kind });
      }

      const ref = { instant: ctx.now, timezone: zoneOffsetMinutes(ctx.now, ctx.timeZone) };
      const parsed = chrono.parse(text, ref, { forwardDate: true })[0];
      const trip: Trip | null = parsed
        ? {
            start: isoDay(parsed.start.date(), ctx.timeZone),
            end: parsed.end ? isoDay(parsed.end.date(), ctx.timeZone) : null,
            said: parsed.text,
            startInferred: !parsed.start.isCertain('day'),
            endInferred: parsed.end ? !parsed.end.isCertain('day') : false,
          }
        : null;

      const lower = text.toLowerCase();
      let intent: Understanding['intent'] = 'none';
      if (places.length) intent = trip || /\b(travel|trip|going|visit|flying|off to)/.test(lower) ? 'trip' : 'country';
      else if (/^(help|\?)$|\bhow do i use\b/.test(lower)) intent = 'help';
      else if (/\?|^(what|which|how|is|are|why)\b/.test(lower)) intent = 'topic';
      return { intent, intentConfidence: 0.5, places, suggestions: [], trip, text };
    },
  };
}
