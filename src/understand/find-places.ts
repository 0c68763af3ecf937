/**
 * Finds destinations in a message, in the order it names them: flags, ISO codes,
 * IATA itineraries, country names, territories, cities, demonyms and misspellings.
 * Names that are also people or words ("Jordan", "Chad", "turkey") count only after a
 * cue ("to Jordan") or in a list beside another place, never when shaped like a
 * person ("Jordan from sales"); "Atlanta, Georgia" is a city and its US state.
 */
import type { PlaceMatch } from './types.js';
import type { Gazetteer, PlaceEntry } from './gazetteer/build-gazetteer.js';
import { cyrillicStem } from './gazetteer/build-gazetteer.js';
import { fold, isCyrillic, isLatinWord, tokenize, type Token } from './normalize.js';
import { similarity } from './fuzzy.js';
import { blankItinerary, findItinerary } from './find-itinerary.js';
import { codesAmongPlaces, onlyCodes } from './find-codes.js';
import { createBoundedCache, type BoundedCache } from '../bounded-cache.js';

export interface Span {
  start: number;
  end: number;
}

export interface FoundPlace extends PlaceMatch {
  start: number;
  end: number;
}

export interface PlaceThresholds {
  /** A misspelling at least this similar is taken as the place (default 0.85). */
  confident: number;
  /** Below `confident` and at least this: offered as "Did you mean …?" (default 0.7). */
  suggest: number;
}

export const defaultPlaceThresholds: PlaceThresholds = { confident: 0.85, suggest: 0.7 };

interface Candidate {
  entries: PlaceEntry[];
  entry: PlaceEntry;
  key: string;
  /** Token range [from, to). */
  from: number;
  to: number;
  start: number;
  end: number;
  kind: PlaceMatch['kind'];
  confidence: number;
}

const REGIONAL_A = 0x1f1e6;

function findFlags(text: string, gaz: Gazetteer): FoundPlace[] {
  const out: FoundPlace[] = [];
  for (const m of text.matchAll(/[\u{1F1E6}-\u{1F1FF}]{2}/gu)) {
    const [a, b] = [...m[0]].map((c) => String.fromCharCode(c.codePointAt(0)! - REGIONAL_A + 65));
    const code = `${a}${b}`;
    if (gaz.alpha2.has(code)) out.push(flag(code, m[0], m.index));
  }
  return out;
}

function flag(code: string, text: string, start: number): FoundPlace {
  return { countryCode: code, text, confidence: 1, kind: 'flag', start, end: start + text.length };
}

function lookup(gaz: Gazetteer, words: Token[], key: string): PlaceEntry[] | undefined {
  const usable = (list: PlaceEntry[] | undefined) => {
    if (!list?.some((e) => e.exact)) return list;
    const raw = words.map((w) => w.raw).join(' ');
    return list.filter((e) => !e.exact || e.exact === raw);
  };
  let list = usable(gaz.names.get(key));
  const last = words[words.length - 1]!;
  if (!list?.length && isCyrillic(last.key)) {
    const head = words.slice(0, -1).map((w) => w.key);
    for (const cut of [0, 1, 2]) {
      const stem = cyrillicStem(last.key.slice(0, last.key.length - cut));
      if (stem.length < 3) break;
      list = usable(gaz.stems.get([...head, stem].join(' ')));
      if (list?.length) break;
    }
  }
  return list?.length ? list : undefined;
}

function scan(tokens: Token[], gaz: Gazetteer): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; ) {
    // Longest name starting here: extend while the words so far begin some name.
    let hit: Candidate | undefined;
    let key = '';
    for (let n = 1; n <= gaz.maxWords && i + n <= tokens.length; n++) {
      key = n === 1 ? tokens[i]!.key : `${key} ${tokens[i + n - 1]!.key}`;
      const words = tokens.slice(i, i + n);
      const entries = lookup(gaz, words, key);
      if (entries) {
        const entry = entries[0]!;
        hit = {
          entries, entry, key, from: i, to: i + n,
          start: words[0]!.start, end: words[n - 1]!.end, kind: entry.kind, confidence: 1,
        };
      }
      if (!gaz.prefixes.has(key)) break;
    }
    if (hit) {
      out.push(hit);
      i = hit.to;
    } else i++;
  }
  return out;
}

/** "Atlanta, Georgia" → Atlanta (US); "Istanbul, Turkey" → Istanbul; "Valencia, Spain" → the Spanish Valencia. */
function mergeQualifiers(cands: Candidate[], text: string, gaz: Gazetteer): Candidate[] {
  const out: Candidate[] = [];
  for (let k = 0; k < cands.length; k++) {
    const a = cands[k]!;
    const b = cands[k + 1];
    out.push(a);
    if (!b || a.entry.kind !== 'city' || !/^[\s,]*$/.test(text.slice(a.end, b.start))) continue;
    const bCountries = new Set(b.entries.filter((e) => e.kind === 'country').map((e) => e.code));
    if (bCountries.has(a.entry.code) || gaz.regions.get(b.key)?.has(a.entry.code)) k++;
    else {
      const same = a.entries.find((e) => e.kind === 'city' && bCountries.has(e.code));
      if (same) {
        a.entry = same;
        k++;
      }
    }
  }
  return out;
}

// A name doing something: "is taking over", "are flying", "will join", "said" (after "and Georgia", if any).
const PERSON_VERB = /^(?:\s+(?:and|&)\s+\p{Lu}\p{Ll}+)?\s+(?:(?:is|are|was|were)\s+\p{L}+ing|will|'ll|’ll|has|have|had|says|said|asked|asks|wants|needs|thinks|can|could|would|should|might|must|does|did)(?![\p{L}])/u;

/** "Jordan from sales", "Israel from IT", "Chad from the legal team": a person's team, not a place. */
function fromATeam(after: string, gaz: Gazetteer): boolean {
  const m = /^\s+from\s+(?:the\s+)?(\p{Ll}+|\p{Lu}{2,4})(?![\p{L}])/u.exec(after);
  return m !== null && !gaz.names.has(fold(m[1]!)) && !gaz.alpha2.has(m[1]!) && !gaz.cues.has(m[1]!);
}

/** Splits candidates into kept places and ambiguous names set aside (possessives are people, never set aside). */
function keepAmbiguous(cands: Candidate[], text: string, tokens: Token[], gaz: Gazetteer, dates: Span[]): { kept: Candidate[]; doubtful: Candidate[] } {
  const onlyConnectorsBetween = (from: number, to: number) =>
    tokens.slice(from, to).every((t) => gaz.connectors.has(t.key));
  const covered = new Set<number>();
  for (const c of cands) for (let i = c.from; i < c.to; i++) covered.add(i);
  const inDate = (t: Token) => dates.some((d) => t.start >= d.start && t.end <= d.end);
  // "Jordan", "China next week": nothing but places and dates, so the names are places.
  const justPlaces = tokens.every((t, i) => covered.has(i) || gaz.connectors.has(t.key) || inDate(t));
  // "Jordan's office": a possessive makes an ambiguous name a person.
  const possessive = (c: Candidate) => /^['’]s\b/.test(text.slice(c.end, c.end + 3));
  const kept = cands.map((c) => !c.entry.ambiguous || justPlaces || (gaz.cues.has(tokens[c.from - 1]?.key ?? '') && !possessive(c)));
  // Beside a kept place in a list ("Kazakhstan and Turkey"), repeated until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    cands.forEach((c, k) => {
      if (kept[k]) return;
      const prev = cands[k - 1];
      const next = cands[k + 1];
      if ((prev && kept[k - 1] && onlyConnectorsBetween(prev.to, c.from)) || (next && kept[k + 1] && onlyConnectorsBetween(c.to, next.from)))
        kept[k] = changed = true;
    });
  }
  // Set aside only what could still be a place: written with a capital, and not shaped like a
  // person ("Jordan, can you…" addressed at the start; "Georgia Smith" with a surname; "Jordan
  // from sales", "Israel from IT"; "Florence is taking over", "Chad and Georgia are flying").
  const personLike = (c: Candidate) =>
    possessive(c) ||
    !/^\p{Lu}/u.test(text.slice(c.start)) ||
    (c.from === 0 && /^\s*,/.test(text.slice(c.end))) ||
    /^\s+\p{Lu}\p{Ll}/u.test(text.slice(c.end)) ||
    fromATeam(text.slice(c.end), gaz) ||
    PERSON_VERB.test(text.slice(c.end));
  return { kept: cands.filter((_, k) => kept[k]), doubtful: cands.filter((c, k) => !kept[k] && !personLike(c)) };
}

function wordsAlike(phrase: string, name: string, minimum: number): boolean {
  const a = phrase.split(' ');
  const b = name.split(' ');
  return a.length === b.length && a.every((w, k) => similarity(w, b[k]!, minimum) >= minimum);
}

/** The place a phrase most likely misspells: the first target with the highest similarity at least `suggest`, or null. */
function nearestTarget(phrase: string, words: number, gaz: Gazetteer, suggest: number): { sim: number; entry: PlaceEntry } | null {
  if (phrase.length < 4) return null;
  let best: { sim: number; entry: PlaceEntry } | null = null;
  for (const target of gaz.fuzzy.get(phrase[0]!) ?? []) {
    // Too different in length to reach the suggestion threshold.
    if (Math.abs(target.key.length - phrase.length) > (1 - suggest) * Math.max(target.key.length, phrase.length)) continue;
    // A short word is too easily one letter from some city ("santa" / Salta).
    if (words === 1 && target.entry.kind === 'city' && phrase.length < 6) continue;
    const sim = similarity(phrase, target.key, suggest);
    if (sim < suggest || (best && sim <= best.sim)) continue;
    // Two words must each be close to the name's two words ("Saudi Arbia"), not just overall ("Santa Claus").
    if (words === 2 && !wordsAlike(phrase, target.key, suggest)) continue;
    best = { sim, entry: target.entry };
  }
  return best;
}

/**
 * Phrases whose nearest place a gazetteer keeps: the edit distance to every name under
 * the phrase's first letter is most of reading a message, and unknown words recur
 * (misspellings, names, jargon). Bounded: phrases come from users.
 */
const NEAREST_KEPT = 4096;
type Nearest = { sim: number; entry: PlaceEntry } | null;
const nearestKept = new WeakMap<Gazetteer, BoundedCache<Nearest>>();

/** nearestTarget, kept per gazetteer (a phrase's words are its spaces plus one, so the key is the phrase). */
function nearestPlace(phrase: string, words: number, gaz: Gazetteer, suggest: number): Nearest {
  let kept = nearestKept.get(gaz);
  if (!kept) nearestKept.set(gaz, (kept = createBoundedCache<Nearest>(NEAREST_KEPT)));
  return kept.get(`${suggest} ${phrase}`, () => nearestTarget(phrase, words, gaz, suggest));
}

function fuzzyMatches(tokens: Token[], covered: Set<number>, gaz: Gazetteer, th: PlaceThresholds): Candidate[] {
  const out: Candidate[] = [];
  const candidateWord = (i: number) => {
    const t = tokens[i];
    return t && !covered.has(i) && isLatinWord(t.key) && !gaz.englishWords.has(t.key) && !gaz.cues.has(t.key) && !gaz.connectors.has(t.key);
  };
  const latinFree = (i: number) => {
    const t = tokens[i];
    return t && !covered.has(i) && isLatinWord(t.key);
  };
  for (let i = 0; i < tokens.length; i++) {
    if (!candidateWord(i)) continue;
    const t = tokens[i]!;
    // The unknown word alone, with the next unknown word ("Saudi Arbia"), or after the
    // word before it ("New Zeland", where "new" is an English word).
    const phrases: Array<{ phrase: string; from: number; to: number }> = [{ phrase: t.key, from: i, to: i + 1 }];
    if (candidateWord(i + 1)) phrases.push({ phrase: `${t.key} ${tokens[i + 1]!.key}`, from: i, to: i + 2 });
    if (i > 0 && latinFree(i - 1) && !out.some((c) => c.to > i - 1)) phrases.push({ phrase: `${tokens[i - 1]!.key} ${t.key}`, from: i - 1, to: i + 1 });
    let best: { sim: number; entry: PlaceEntry; from: number; to: number } | undefined;
    for (const { phrase, from, to } of phrases) {
      const near = nearestPlace(phrase, to - from, gaz, th.suggest);
      // The first phrase with the highest similarity wins, as before within a phrase.
      if (near && (!best || near.sim > best.sim)) best = { ...near, from, to };
    }
    if (!best) continue;
    out.push({
      entries: [best.entry], entry: best.entry, key: '', from: best.from, to: best.to,
      start: tokens[best.from]!.start, end: tokens[best.to - 1]!.end,
      kind: 'fuzzy', confidence: Math.round(best.sim * 100) / 100,
    });
    i = best.to - 1;
  }
  return out;
}

function toMatch(c: Candidate, text: string): FoundPlace {
  const territory = c.kind === 'fuzzy' ? undefined : c.entry.territory;
  return {
    countryCode: c.entry.code, text: text.slice(c.start, c.end), confidence: c.confidence, kind: c.kind, start: c.start, end: c.end,
    ...(territory ? { territory } : {}),
  };
}

function uniqueByCode<T extends PlaceMatch>(list: T[], except = new Set<string>()): T[] {
  const seen = new Set(except);
  return list.filter((p) => !seen.has(p.countryCode) && (seen.add(p.countryCode), true));
}

export interface FoundPlaces {
  places: FoundPlace[];
  suggestions: FoundPlace[];
  /** Every span that named a place, including repeats (for the classifier). */
  spans: Array<{ start: number; end: number }>;
  /**
   * Names that are also people or words, seen without a cue ("Is Georgia safe?",
   * "Jordan is on vacation"): not places unless the caller, reading the rest of the
   * message, decides they are.
   */
  doubtful: FoundPlace[];
}

/** `dates`: where the message states dates (from the date reader), so "China next week" is just a place and a date. */
export function findPlaces(text: string, gaz: Gazetteer, th: PlaceThresholds = defaultPlaceThresholds, dates: Span[] = []): FoundPlaces {
  const flags = findFlags(text, gaz);
  const itinerary = findItinerary(text, gaz, dates.length > 0);
  let masked = itinerary.length ? blankItinerary(text) : text;
  for (const f of flags) masked = masked.slice(0, f.start) + ' '.repeat(f.end - f.start) + masked.slice(f.end);
  const tokens = tokenize(masked);
  const codes = flags.length || itinerary.length ? null : onlyCodes(tokens, gaz);
  if (codes) return { places: uniqueByCode(codes), suggestions: [], spans: codes, doubtful: [] };

  const scanned = scan(tokens, gaz);
  const covered = new Set<number>();
  for (const c of scanned) for (let i = c.from; i < c.to; i++) covered.add(i);
  const { kept: named, doubtful } = keepAmbiguous(mergeQualifiers(scanned, text, gaz), text, tokens, gaz, dates);
  const fuzzy = fuzzyMatches(tokens, covered, gaz, th);
  const listed = codesAmongPlaces(tokens, covered, gaz, dates);
  const all = [
    ...flags,
    ...itinerary,
    ...listed,
    ...[...named, ...fuzzy.filter((f) => f.confidence >= th.confident)].map((c) => toMatch(c, text)),
  ].sort((a, b) => a.start - b.start);
  const places = uniqueByCode(all);
  const suggestions = uniqueByCode(
    fuzzy.filter((f) => f.confidence < th.confident).map((c) => toMatch(c, text)),
    new Set(places.map((p) => p.countryCode)),
  );
  return { places, suggestions, spans: all, doubtful: doubtful.map((c) => toMatch(c, text)) };
}
