/**
 * Reads what a question is about (subjects.ts): the covered subjects it cues, or the
 * out-of-scope subject when it cues none, and the words that pin it down. Then tells
 * whether a content sentence is on that question. Pure and synchronous; the lexicons are
 * folded once, by the same rules as the passage index (src/content/terms.ts).
 */
import { contentTerms, sentenceTerms, type TermedSentence } from '../content/terms.js';
import { GENERIC_WORDS, OUT_OF_SCOPE, SUBJECTS, type OutOfScopeSubject, type Subject } from './subjects.js';

/** Folded words that must all occur; an entry of stop words only folds to nothing and is dropped. */
type Pattern = readonly string[];

const compile = (entries: readonly string[]): Pattern[] => entries.map((e) => contentTerms(e)).filter((p) => p.length > 0);
const matches = (patterns: Pattern[], terms: ReadonlySet<string>) => patterns.some((p) => p.every((t) => terms.has(t)));

const SUBJECT_PATTERNS = new Map(SUBJECTS.map((s) => [s.id, { cues: compile(s.cues), evidence: compile(s.evidence) }]));
const OUT_PATTERNS = new Map(OUT_OF_SCOPE.map((s) => [s.id, compile(s.cues)]));
const GENERIC = new Set(GENERIC_WORDS.flatMap((w) => contentTerms(w)));

/** What a question asks about, once its place names and filler are set aside. */
export interface QuestionScope {
  /** Covered subjects the question cues, in the order of subjects.ts. */
  subjects: Subject[];
  /** Set only when the question cues an out-of-scope subject and no covered one. */
  outOfScope: OutOfScopeSubject | null;
  /** The question's own content words that pin it down: no places, no generic words ("safe", "work"). */
  topicTerms: string[];
}

/**
 * The scope of `question`. `placeWords` are the words that named places in it ("Minsk"):
 * a place says where, never what about.
 */
export function readScope(question: string, placeWords: Iterable<string> = []): QuestionScope {
  const places = new Set([...placeWords].flatMap((w) => contentTerms(w)));
  const terms = contentTerms(question).filter((t) => !places.has(t));
  const own = new Set(terms);
  const subjects = SUBJECTS.filter((s) => matches(SUBJECT_PATTERNS.get(s.id)!.cues, own));
  const outOfScope = subjects.length ? null : (OUT_OF_SCOPE.find((s) => matches(OUT_PATTERNS.get(s.id)!, own)) ?? null);
  return { subjects, outOfScope, topicTerms: [...new Set(terms.filter((t) => !GENERIC.has(t)))] };
}

const SINGLE_CUES = new Set([...SUBJECT_PATTERNS.values()].flatMap((p) => p.cues.filter((c) => c.length === 1).map((c) => c[0]!)));

/** True when a folded word on its own names a covered subject ("whatsapp", "camera"): a domain word for grounding. */
export function isSubjectCue(term: string): boolean {
  return SINGLE_CUES.has(term);
}

/** The evidence words of `subjects`, flattened: for summarizers that weigh sentences by them. */
export function evidenceTerms(subjects: readonly Subject[]): string[] {
  return [...new Set(subjects.flatMap((s) => SUBJECT_PATTERNS.get(s.id)!.evidence.flat()))];
}

/**
 * True when a sentence is on the question: it carries evidence of one of its subjects,
 * or one of its pinning words. Without subjects every sentence is (nothing to focus on).
 */
export function isOnQuestion(sentence: string | TermedSentence, scope: QuestionScope): boolean {
  if (!scope.subjects.length) return true;
  const terms = new Set(typeof sentence === 'string' ? contentTerms(sentence) : sentenceTerms(sentence));
  return scope.subjects.some((s) => matches(SUBJECT_PATTERNS.get(s.id)!.evidence, terms)) || scope.topicTerms.some((t) => terms.has(t));
}
