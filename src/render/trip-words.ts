/**
 * The words every door uses for a trip's merged checklist and key actions: which
 * destinations an item is for ("only for Kazakhstan"), the phase in plain words, the
 * level meanings said once for a many-country trip, and a source by publisher and title
 * (never a raw id such as `darkreading-2025`). One place, so Slack, Teams and the
 * terminal say the same thing. Pure: everything comes from the Answer.
 */
import type { Answer, Destination, TripItem } from '../advisor/answer.js';

// Phase words live in the copy table; renderers may import them from here too.
export { PHASE_TITLES, PHASE_WORDS, type Phase } from './copy.js';

/** From this many destinations on, a first screen shows each on one line and says the level meanings once. */
export const COMPACT_FROM = 4;


/**
 * The names of the destinations an item is for, when that is not every destination of
 * the trip; null when it is for all of them. VPN items rely on it: an item that would be
 * VPN advice elsewhere always names exactly where it applies.
 */
export function onlyFor(item: TripItem, answer: Pick<Answer, 'destinations'>): string[] | null {
  const all = answer.destinations.map((d) => d.countryCode);
  if (item.destinations.length >= new Set(all).size && all.every((c) => item.destinations.includes(c))) return null;
  const names = new Map(answer.destinations.map((d) => [d.countryCode, d.countryName]));
  return item.destinations.map((c) => names.get(c) ?? c);
}

/** "only for Kazakhstan and Kyrgyzstan" or null. */
export function onlyForText(item: TripItem, answer: Pick<Answer, 'destinations'>): string | null {
  const names = onlyFor(item, answer);
  return names ? `only for ${listWords(names)}` : null;
}

/** "A", "A and B", "A, B and C". */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Each distinct level meaning once, with the labels that carry it, for a compact many-country first screen. */
export function distinctMeanings(destinations: Destination[]): Array<{ label: string; meaning: string }> {
  const out = new Map<string, Set<string>>();
  // Not assessed is not a level the place has earned: it is named as what it is.
  for (const d of destinations) out.set(d.risk.meaning, (out.get(d.risk.meaning) ?? new Set()).add(d.coverage === 'not-assessed' ? 'not assessed' : d.risk.label));
  return [...out].map(([meaning, labels]) => ({ label: [...labels].map(capitalise).join(' / '), meaning }));
}

export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A source as people know it: "Recorded Future (Insikt Group): Tracking Deployment of …". */
export function sourceName(source: { publisher: string; title: string }, maxTitle = Infinity): string {
  const title = source.title.length > maxTitle ? `${source.title.slice(0, Math.max(1, maxTitle - 1)).trimEnd()}…` : source.title;
  return source.publisher ? `${source.publisher}: ${title}` : title;
}

/** Summary citation number n as its source (publisher from the answer's sources when known). */
export function citedSource(answer: Answer, n: number): { name: string; url: string } | null {
  const c = answer.summary?.citations[n - 1];
  if (!c) return null;
  const s = answer.sources.find((x) => x.id === c.id);
  return { name: sourceName({ publisher: s?.publisher ?? '', title: c.title }), url: c.url };
}
