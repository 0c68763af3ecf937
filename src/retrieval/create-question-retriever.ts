/**
 * Retrieval that stays on the question: on the asked destinations and on the asked
 * subject. The index (retrieve-for.ts) finds candidates by shared words; this step keeps
 * what a person asking would call an answer:
 * - a topic sentence that names only other countries is set aside for a country question
 *   ("Uzbek procurement records" is no answer about Moscow);
 * - when the question cues a subject (subjects.ts: "WhatsApp" is messaging apps), only
 *   sentences on it stay, the asked countries' own first, general ones after;
 * - when an asked country has nothing on the subject, it is named in `nothingOn`, so the
 *   advisor can say so, and general passages on the subject stand in, marked `general`;
 * - an out-of-scope question (visas, weather …) retrieves nothing.
 * The advisor and the evaluation (eval-retrieval.ts) both call it, so the figures are what users get.
 */
import type { IntentName } from '../vocabulary/intents.js';
import type { Retriever } from './ports.js';
import type { ContentBase, Passage } from '../content/types.js';
import { TOPIC_OWNER, passagesOf } from '../content/passages-of.js';
import { stripIdentifiers } from '../privacy/redact-question.js';
import { isOnQuestion, readScope, type QuestionScope } from './read-scope.js';
import { namePlaceFinder, type PlaceFinder } from './place-finder.js';
import { retrieveFor } from './retrieve-for.js';

/** What the advisor asks for: the intent and the destinations of the question. */
export interface QuestionRequest {
  intent: IntentName;
  /** Asked destinations that have a country file: their sections are searched. */
  countryCodes: string[];
  /** Every asked destination, with or without a file (default `countryCodes`): what the answer must stay on. */
  destinations?: string[];
  limit?: number;
}

/** What retrieval found for a question, and what it found missing. */
export interface QuestionRetrieval {
  /** The passages to summarise, in order; a passage may carry only its sentences on the question. */
  passages: Passage[];
  scope: QuestionScope;
  /** Asked destinations on whose subject the content base has nothing (only when the question cues a subject). */
  nothingOn: string[];
  /** True when the passages speak of the subject in general, because no asked destination has anything on it. */
  general: boolean;
}

/** Retrieval on the question; built once per content base. */
export interface QuestionRetriever {
  retrieve(question: string, request: QuestionRequest): QuestionRetrieval;
}

/** The index to focus, and how to read places in content and questions. */
export interface QuestionRetrieverOptions {
  content: Pick<ContentBase, 'passages' | 'owners' | 'world' | 'countries'>;
  retriever: Retriever;
  /** Default: names from the world table and the country files. The advisor passes the understander's gazetteer. */
  findPlaces?: PlaceFinder;
}

/** Candidates read from the index before focusing: enough to reach past other countries' topic sections. */
const POOL = 30;

/** A heading place that a section is *not* about: "SORM outside Russia". */
const OUTSIDE = /\b(?:outside|beyond|except)\s+(?:of\s+)?[\p{L}'’-]+/giu;

/** A passage holding only `kept` of its sentences (the same object when all are kept), or null when none are. */
function withSentences(p: Passage, kept: Passage['sentences']): Passage | null {
  if (!kept.length) return null;
  if (kept.length === p.sentences.length) return p;
  return { ...p, sentences: kept, text: kept.map((s) => s.text).join(' ') };
}

const present = <T>(x: T | null): x is T => x !== null;

/** Builds the focusing step around an index; country mentions of content sentences are read once and kept. */
export function createQuestionRetriever(options: QuestionRetrieverOptions): QuestionRetriever {
  const { content, retriever } = options;
  const findPlaces = options.findPlaces ?? namePlaceFinder(content);
  const named = new Map<string, ReadonlySet<string>>();
  const mentions = (text: string): ReadonlySet<string> => {
    let codes = named.get(text);
    if (!codes) named.set(text, (codes = new Set(findPlaces(text).codes)));
    return codes;
  };
  /** The countries a topic sentence is about: those it names, and those its section's heading names ("United States", "The Kazakhstan case"). */
  const about = (p: Passage, text: string): ReadonlySet<string> => {
    const heading = mentions(p.heading.replace(OUTSIDE, ''));
    return heading.size ? new Set([...heading, ...mentions(text)]) : mentions(text);
  };
  const aboutAny = (p: Passage, text: string, codes: ReadonlySet<string>) => [...about(p, text)].some((c) => codes.has(c));

  /** Country sections of the asked countries whole; topic sentences unless they are about other countries only. */
  const onDestinations = (p: Passage, codes: ReadonlySet<string>): Passage | null => {
    if (p.kind === 'country') return codes.has(p.ref) ? p : null;
    return withSentences(p, p.sentences.filter((s) => about(p, s.text).size === 0 || aboutAny(p, s.text, codes)));
  };
  const onSubject = (p: Passage, scope: QuestionScope) => withSentences(p, p.sentences.filter((s) => isOnQuestion(s, scope)));
  /** A passage about one of `codes`: its country section, or a topic sentence naming it. */
  const owned = (p: Passage, codes: ReadonlySet<string>) => (p.kind === 'country' ? codes.has(p.ref) : p.sentences.some((s) => aboutAny(p, s.text, codes)));
  /** Whether anything in the content base about `code` is on the question, wherever it ranks. */
  const hasAnythingOn = (code: string, scope: QuestionScope, topics: boolean) =>
    // Its own passages and the topics' only: the others' are never read (nor decoded, read in parts).
    passagesOf(content, code).some((p) => p.sentences.some((s) => isOnQuestion(s.text, scope))) ||
    (topics && passagesOf(content, TOPIC_OWNER).some((p) => p.sentences.some((s) => about(p, s.text).has(code) && isOnQuestion(s.text, scope))));

  /** What topic passages say on the subject in general, staying off other countries. */
  const generalOn = (topicWords: string, scope: QuestionScope, stay: ReadonlySet<string>, limit: number): Passage[] =>
    retriever
      // Every topic is ranked (a later one may be the first on the subject and off other countries).
      .search(topicWords, { topicsOnly: true, limit: content.passages.length })
      .map((p) => onDestinations(p, stay))
      .filter(present)
      .map((p) => onSubject(p, scope))
      .filter(present)
      .slice(0, limit);

  return {
    retrieve(rawQuestion, request) {
      const limit = request.limit ?? 5;
      const question = stripIdentifiers(rawQuestion);
      const places = findPlaces(question);
      const scope = readScope(question, places.words);
      const none: QuestionRetrieval = { passages: [], scope, nothingOn: [], general: false };
      if (scope.outOfScope) return none;
      const asked = request.destinations ?? request.countryCodes;
      const stay = new Set(asked);
      const covered = new Set(request.countryCodes);
      const focus = scope.subjects.length > 0;

      if (!covered.size) {
        // No country file to search: a subject question gets what the content says in general, others the grounded topic search.
        if (focus && asked.length) {
          const passages = generalOn(scope.topicTerms.join(' '), scope, stay, limit);
          return { passages, scope, nothingOn: asked, general: passages.length > 0 };
        }
        const found = retrieveFor(retriever, question, { intent: request.intent, countryCodes: [], limit });
        const kept = found.map((p) => (stay.size ? onDestinations(p, stay) : p)).filter(present);
        return { ...none, passages: focus ? kept.map((p) => onSubject(p, scope) ?? p) : kept };
      }

      const pool = retrieveFor(retriever, question, { intent: request.intent, countryCodes: request.countryCodes, limit: POOL })
        .map((p) => onDestinations(p, stay))
        .filter(present);
      if (!focus) return { ...none, passages: pool.slice(0, limit) };

      const topics = request.intent !== 'trip';
      const nothingOn = asked.filter((c) => !covered.has(c) || !hasAnythingOn(c, scope, topics));
      const focused = pool.map((p) => onSubject(p, scope)).filter(present);
      // The asked countries' own files first, then topic sections about them, then what topics say in general.
      const files = focused.filter((p) => p.kind === 'country');
      const topicsOn = focused.filter((p) => p.kind === 'topic' && owned(p, covered));
      if (files.length || topicsOn.length)
        return { passages: [...files, ...topicsOn, ...focused.filter((p) => !owned(p, covered))].slice(0, limit), scope, nothingOn, general: false };
      const passages = topics ? generalOn(scope.topicTerms.join(' '), scope, stay, limit) : [];
      return { passages, scope, nothingOn, general: passages.length > 0 };
    },
  };
}
