/**
 * ISO country codes in a message: "KZ", "KG, UZ", "KAZ" when the message is nothing
 * but codes, and codes among other places, travel words and dates ("KZ + KG in Feb",
 * "trip to RU and BY in Jan"). Only capitals count, so "the IT team is ready" and
 * "no" keep their words.
 */
import type { Gazetteer } from './gazetteer/build-gazetteer.js';
import type { Token } from './normalize.js';
import type { FoundPlace, Span } from './find-places.js';

/** A message that is nothing but ISO codes in capitals: "KZ", "KG, UZ", "KAZ". */
export function onlyCodes(tokens: Token[], gaz: Gazetteer): FoundPlace[] | null {
  if (!tokens.length) return null;
  const out: FoundPlace[] = [];
  for (const t of tokens) {
    if (!/^[A-Z]{2,3}$/.test(t.raw)) return null;
    const code = t.raw.length === 2 ? (gaz.alpha2.has(t.raw) ? t.raw : undefined) : gaz.alpha3.get(t.raw);
    if (!code) return null;
    out.push({ countryCode: code, text: t.raw, confidence: 1, kind: 'code', start: t.start, end: t.end });
  }
  return out;
}

const isCodeToken = (t: Token, gaz: Gazetteer) =>
  /^[A-Z]{2,3}$/.test(t.raw) && (t.raw.length === 2 ? gaz.alpha2.has(t.raw) : gaz.alpha3.has(t.raw));

/**
 * Codes among other places, travel words and dates: "KZ + KG in Feb", "UZ/TJ next month",
 * "trip to RU and BY in Jan". Every other word must be a place, a cue, a connector or a
 * date, so "the IT team is ready" keeps its IT.
 */
export function codesAmongPlaces(tokens: Token[], covered: Set<number>, gaz: Gazetteer, dates: Span[]): FoundPlace[] {
  const inDate = (t: Token) => dates.some((d) => t.start >= d.start && t.end <= d.end);
  const codes = tokens.filter((t, i) => !covered.has(i) && isCodeToken(t, gaz));
  if (!codes.length) return [];
  const rest = tokens.every((t, i) => covered.has(i) || isCodeToken(t, gaz) || gaz.connectors.has(t.key) || gaz.cues.has(t.key) || inDate(t));
  if (!rest) return [];
  return codes.map((t) => ({
    countryCode: t.raw.length === 2 ? t.raw : gaz.alpha3.get(t.raw)!, text: t.raw, confidence: 1, kind: 'code' as const, start: t.start, end: t.end,
  }));
}
