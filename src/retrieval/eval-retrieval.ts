/**
 * Measures retrieval against the evaluation set in test/retrieval/eval-set.yaml:
 * recall@k per question (share of its answering passages in the top k), averaged,
 * plus hit@k (at least one in the top k) and whether every unanswerable question
 * retrieves nothing. Pure: the caller loads the content and the set.
 */
import { z } from 'zod';
import type { IntentName } from '../advisor/answer.js';
import type { Retriever } from '../advisor/ports.js';
import type { ContentBase } from '../content/types.js';
import { retrieveFor } from './retrieve-for.js';

/** The shape of test/retrieval/eval-set.yaml; strict so a typo in a key fails loudly. */
export const evalSetSchema = z.strictObject({
  questions: z.array(
    z.strictObject({
      q: z.string().min(1),
      countries: z.array(z.string().regex(/^[A-Z]{2}$/)).default([]),
      relevant: z.array(z.string()).min(1),
    }),
  ),
  unanswerable: z.array(z.string()).default([]),
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
}

/** Recall@k, hit@k and MRR of `retriever` on `set`, plus ungrounded questions that retrieved something and stale ids. */
export function evaluateRetrieval(content: ContentBase, retriever: Retriever, set: EvalSet, k = 5): EvalReport {
  const known = new Set(content.passages.map((p) => p.id));
  const unknownIds = [...new Set(set.questions.flatMap((q) => q.relevant).filter((id) => !known.has(id)))];
  const results = set.questions.map((item) => {
    const intent: IntentName = item.countries.length ? 'country' : 'topic';
    const retrieved = retrieveFor(retriever, item.q, { intent, countryCodes: item.countries, limit: k }).map((p) => p.id);
    const missed = item.relevant.filter((id) => !retrieved.includes(id));
    const first = retrieved.findIndex((id) => item.relevant.includes(id));
    const recall = (item.relevant.length - missed.length) / item.relevant.length;
    return { q: item.q, recall, reciprocalRank: first < 0 ? 0 : 1 / (first + 1), retrieved, missed };
  });
  const grounded = set.unanswerable
    .map((q) => ({ q, retrieved: retrieveFor(retriever, q, { intent: 'topic', countryCodes: [], limit: k }).map((p) => p.id) }))
    .filter((g) => g.retrieved.length > 0);
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
  };
}
