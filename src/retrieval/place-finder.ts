/**
 * Which countries a text names, and with which words: for keeping summaries on the asked
 * destinations (a topic sentence that names only Nicaragua is not about Belarus) and for
 * setting a question's place words aside when reading its subject ("Minsk" says where,
 * not what about). The advisor uses the understander's own gazetteer, so content and
 * questions are read by the same rules as messages; without one, country names do.
 */
import type { ContentBase } from '../content/types.js';
import type { Gazetteer } from '../understand/gazetteer/build-gazetteer.js';
import { findPlaces } from '../understand/find-places.js';

/** The places a text names: ISO codes (no repeats) and the words that named them. */
export interface PlacesNamed {
  codes: string[];
  words: string[];
}

/** Finds the places a text names. Pure; called once per content sentence and once per question. */
export type PlaceFinder = (text: string) => PlacesNamed;

/**
 * The gazetteer's reading: country names, cities, demonyms ("Uzbek procurement records"
 * names Uzbekistan). Names that are also words ("Georgia", "Jordan") count too: in
 * curated content and in a question about travel, they are places.
 */
export function gazetteerPlaceFinder(gazetteer: Gazetteer): PlaceFinder {
  return (raw) => {
    // "Israel's attorney general" names Israel: the possessive would hide the name from the gazetteer.
    const text = raw.replace(/(\p{L})['’]s\b/gu, '$1');
    const found = findPlaces(text, gazetteer);
    const places = [...found.places, ...found.doubtful];
    const words = [...found.spans, ...found.doubtful].map((s) => text.slice(s.start, s.end));
    return { codes: [...new Set(places.map((p) => p.countryCode))], words };
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Fallback without a gazetteer: the world table's and the country files' names, as whole words. */
export function namePlaceFinder(content: Pick<ContentBase, 'world' | 'countries'>): PlaceFinder {
  const names: Array<[string, string]> = [];
  for (const [code, entry] of content.world ?? new Map()) names.push([entry.name, code]);
  for (const [code, country] of content.countries ?? new Map()) names.push([country.name, code]);
  if (!names.length) return () => ({ codes: [], words: [] });
  // Case matters: "Turkey" is a place, "turkey sandwich" is lunch.
  const byName = new Map(names);
  const pattern = new RegExp(`\\b(${[...byName.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})\\b`, 'gu');
  return (text) => {
    const words = [...text.matchAll(pattern)].map((m) => m[0]);
    return { codes: [...new Set(words.map((w) => byName.get(w)!))], words };
  };
}
