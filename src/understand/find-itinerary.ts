/**
 * Destinations of an itinerary line written in IATA airport codes: "LHR-TSE 5 Dec",
 * "JFK → SVO → TAS", "FRA-IST-ALA 12 Jan, ALA-FRA 19 Jan". The first airport is where
 * the traveller leaves from, so its country is not a destination (unless nothing else
 * is: "ALA-NQZ" is a trip inside Kazakhstan). A chain counts only when every code in it
 * is an airport and the message has a date or a flight word, so "the ABC-DEF branch"
 * stays a branch.
 */
import type { Gazetteer } from './gazetteer/build-gazetteer.js';
import type { FoundPlace } from './find-places.js';

const ARROW = String.raw`\s*(?:->|=>|→|⟶|➝|➔|✈️?|–|—|-|>|/|\bto\b)\s*`;
const CHAIN = new RegExp(String.raw`(?<![\p{L}\p{N}])[A-Z]{3}(?:${ARROW}[A-Z]{3})+(?![\p{L}\p{N}])`, 'gu');
const FLIGHT_WORDS = /(?<![\p{L}])(?:fly|flying|flight|flights|flew|booked|booking|itinerary|route|routing|trip|travel\w*|рейс|вылет|vuelo|vuelos)(?![\p{L}])/iu;

/** Airports of every itinerary chain in `text`, as places in order, the origin's country left out. */
export function findItinerary(text: string, gaz: Gazetteer, dated: boolean): FoundPlace[] {
  if (!/[A-Z]{3}/.test(text)) return [];
  const airports: FoundPlace[] = [];
  for (const chain of text.matchAll(CHAIN)) {
    const codes = [...chain[0].matchAll(/[A-Z]{3}/g)];
    if (!codes.every((c) => gaz.airports.has(c[0]))) continue;
    for (const c of codes) {
      const start = chain.index + c.index;
      airports.push({ countryCode: gaz.airports.get(c[0])!, text: c[0], confidence: 1, kind: 'airport', start, end: start + 3 });
    }
  }
  if (!airports.length || !(dated || FLIGHT_WORDS.test(text))) return [];
  const origin = airports[0]!.countryCode;
  const away = airports.filter((a) => a.countryCode !== origin);
  return away.length ? away : airports;
}

/** `text` with every airport chain blanked, so no other reader takes the codes for words or country codes. */
export function blankItinerary(text: string): string {
  return text.replace(CHAIN, (m) => ' '.repeat(m.length));
}
