/**
 * The redactor for everything sent to a model: `redactPersonalData` told what must stay.
 * Destinations stay because the understander's own gazetteer finds them (every country,
 * city and demonym it recognises, confident misspellings, and doubtful names such
 * as "Georgia" when the understander takes them as places); dates stay because its date
 * reader finds them. Words of the content base and English words are "known", so only
 * unknown capitalised words are taken for names. One gazetteer, no second list of places.
 */
import type { Passage } from '../content/types.js';
import type { NluUnderstander } from '../understand/create-understander.js';
import { findPlaces } from '../understand/find-places.js';
import { fold, nameKey, tokenize } from '../understand/normalize.js';
import { createDateReader } from '../understand/read-dates.js';
import { redactPersonalData, type Redactor, type Span } from '../privacy/redact-personal-data.js';

/** The understander that finds places and dates, and the passages whose words are not names. */
export interface ModelRedactorOptions {
  understander: NluUnderstander;
  /** The content base's passages: their words are never taken for names. */
  passages: Passage[];
}

const lastWord = (before: string) => fold(/([\p{L}]+)\s*$/u.exec(before)?.[1] ?? '');

/** Dates are found whatever "now" is; a fixed one keeps the redactor free of the clock. */
const DATE_CONTEXT = { now: new Date('2026-01-05T12:00:00Z'), timeZone: 'UTC' };

/** Builds the Redactor the LLM summarizer applies to every text in its prompt. */
export function createModelRedactor(options: ModelRedactorOptions): Redactor {
  const { understander } = options;
  const gazetteer = understander.gazetteer;
  const readDates = createDateReader();
  const vocabulary = new Set<string>();
  for (const p of options.passages) for (const t of tokenize(`${p.title} ${p.heading} ${p.text}`)) vocabulary.add(t.key);
  // "Norsi-Trans" is known when each of its parts is.
  const isKnownWord = (word: string) => tokenize(word).every((t) => vocabulary.has(t.key) || gazetteer.englishWords.has(t.key));

  const keepSpans = (text: string): Span[] => {
    const dates = readDates(text, DATE_CONTEXT).spans;
    const found = findPlaces(text, gazetteer, undefined, dates);
    // A doubtful name ("Is Georgia safe?") stays only if the understander, reading the whole message, takes it as a place.
    const taken = found.doubtful.length ? new Set(understander.understand(text, DATE_CONTEXT).places.map((p) => p.countryCode)) : new Set<string>();
    // A misspelling the understander would offer ("Did you mean …?") stays after a travel cue ("to Kazkhstn");
    // elsewhere it is a guess, and a name close to a place ("with Aigerim") is still a name.
    const cued = found.suggestions.filter((p) => gazetteer.cues.has(lastWord(text.slice(0, p.start))));
    const spans = [...dates, ...found.spans, ...cued, ...found.doubtful.filter((d) => taken.has(d.countryCode))];
    return [...spans, ...qualifiers(text, spans)];
  };

  // "Atlanta, Georgia", "Tehran, Iran": the understander reads the second name as a qualifier of the first,
  // so it is no place span of its own; it is still a place name.
  const qualifiers = (text: string, spans: Span[]): Span[] =>
    spans.flatMap((s) => {
      const m = /^\s*,\s*((?:\p{Lu}[\p{L}'’-]*)(?:\s+\p{Lu}[\p{L}'’-]*){0,2})/u.exec(text.slice(s.end));
      if (!m) return [];
      const start = s.end + m[0].length - m[1]!.length;
      const words = m[1]!.split(/\s+/);
      for (let n = words.length; n > 0; n--) {
        const key = nameKey(words.slice(0, n).join(' '));
        if (gazetteer.names.has(key) || gazetteer.regions.has(key)) return [{ start, end: start + words.slice(0, n).join(' ').length }];
      }
      return [];
    });

  return (text, source = 'user') => redactPersonalData(text, { keep: keepSpans(text), isKnownWord, people: source === 'user' });
}
