/**
 * Measures retrieval against the evaluation set in test/retrieval/eval-set.yaml:
 * recall@k per question (share of its answering passages in the top k), averaged,
 * plus hit@k (at least one in the top k), whether every unanswerable and every
 * out-of-scope question retrieves nothing, and whether subject questions name exactly
 * the destinations the content base has nothing on. Retrieval goes through the same
 * focusing step as the advisor (create-question-retriever.ts). Pure: the caller loads
 * the content and the set.
 */
import { z } from 'zod';
import type { IntentName } from '../vocabulary/intents.js';
import type { Retriever } from './ports.js';
import type { ContentBase } from '../content/types.js';
import { createQuestionRetriever, type QuestionRetriever } from './create-question-retriever.js';
import type { PlaceFinder } from './place-finder.js';

/** The shape of test/retrieval/eval-set.yaml; strict so a typo in a key fails loudly. */
export const evalSetSchema = z.strictObject({
  questions: z.array(
    z.strictObject({
      q: z.string().min(1),
      countries: z.array(z.string().regex(/^[A-Z]{2}$/)).default([]),
      relevant: z.array(z.string()).min(1),
      /** Asked destinations the content base has nothing on for the question's subject; default none. */
      nothingOn: z.array(z.string().regex(/^[A-Z]{2}$/)).default([]),
    }),
  ),
  unanswerable: z.array(z.string()).default([]),
  /** Questions outside surveillance and device security (visas, weather …): nothing retrieved, read as out of scope. */
  outOfScope: z
    .array(z.strictObject({ q: z.string().min(1), countries: z.array(z.string().regex(/^[A-Z]{2}$/)).default([]) }))
    .default([]),
});
export type EvalSet = z.infer<typeof evalSetSchema>;

export interface QuestionResult {
  q: string;
  recall: number;
  /** 1 / rank of the first answering passage, 0 when none is in the top k. */
  reciprocalRank: number;
  retrieved: string[];
  missed: string[];
}

export interface EvalReport {
  k: number;
  questions: number;
  recallAtK: number;
  hitAtK: number;
  /** Mean reciprocal rank: does the best passage come first (the summary leans on the top ones)? */
  mrr: number;
  results: QuestionResult[];
  /** Unanswerable questions that retrieved something (should be empty). */
  grounded: Array<{ q: string; retrieved: string[] }>;
  /** Ids in the set that the content base no longer has: the set needs updating. */
  unknownIds: string[];
  /** Out-of-scope questions not read as such, or that retrieved something (should be empty). */
  inScope: Array<{ q: string; retrieved: string[] }>;
  /** Subject questions whose "nothing on" destinations differ from the set's (should be empty). */
  nothingOnMismatches: Array<{ q: string; expected: string[]; got: string[] }>;
  /** How many questions name a destination and cue a subject (the ones "nothing on" is checked for). */
  subjectQuestions: number;
}

/** Builds the question retriever the advisor would use over `retriever` (the index). */
export function questionRetrieverFor(content: ContentBase, retriever: Retriever, findPlaces?: PlaceFinder): QuestionRetriever {
  return createQuestionRetriever({ content, retriever, findPlaces });
}

/** Recall@k, hit@k and MRR of `retriever` on `set`, plus ungrounded questions that retrieved something and stale ids. */
export function evaluateRetrieval(content: ContentBase, retriever: Retriever, set: EvalSet, k = 5, findPlaces?: PlaceFinder): EvalReport {
  const focused = questionRetrieverFor(content, retriever, findPlaces);
  const known = new Set(content.passages.map((p) => p.id));
  const unknownIds = [...new Set(set.questions.flatMap((q) => q.relevant).filter((id) => !known.has(id)))];
  const nothingOnMismatches: EvalReport['nothingOnMismatches'] = [];
  let subjectQuestions = 0;
  const results = set.questions.map((item) => {
    const intent: IntentName = item.countries.length ? 'country' : 'topic';
    const found = focused.retrieve(item.q, { intent, countryCodes: item.countries, limit: k });
    const retrieved = found.passages.map((p) => p.id);
    if (found.scope.subjects.length && item.countries.length) {
      subjectQuestions++;
      if (found.nothingOn.join() !== item.nothingOn.join()) nothingOnMismatches.push({ q: item.q, expected: item.nothingOn, got: found.nothingOn });
    }
    const missed = item.relevant.filter((id) => !retrieved.includes(id));
    const first = retrieved.findIndex((id) => item.relevant.includes(id));
    const recall = (item.relevant.length - missed.length) / item.relevant.length;
    return { q: item.q, recall, reciprocalRank: first < 0 ? 0 : 1 / (first + 1), retrieved, missed };
  });
  const grounded = set.unanswerable
    .map((q) => ({ q, retrieved: focused.retrieve(q, { intent: 'topic', countryCodes: [], limit: k }).passages.map((p) => p.id) }))
    .filter((g) => g.retrieved.length > 0);
  const inScope = set.outOfScope
    .map((item) => {
      const found = focused.retrieve(item.q, { intent: item.countries.length ? 'country' : 'topic', countryCodes: item.countries, limit: k });
      return { q: item.q, retrieved: found.passages.map((p) => p.id), out: found.scope.outOfScope !== null };
    })
    .filter((r) => !r.out || r.retrieved.length > 0)
    .map(({ q, retrieved }) => ({ q, retrieved }));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  return {
    k,
    questions: results.length,
    recallAtK: mean(results.map((r) => r.recall)),
    hitAtK: mean(results.map((r) => (r.recall > 0 ? 1 : 0))),
    mrr: mean(results.map((r) => r.reciprocalRank)),
    results,
    grounded,
    unknownIds,
    inScope,
    nothingOnMismatches,
    subjectQuestions,
  };
}
