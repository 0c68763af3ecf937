/**
 * How many of the content base's sentences hold each term: the extractive summarizer
 * weights a question's words by it (rarer words say more). The build stores it in the
 * content digest, so a start-up does not read every country's sentences for it.
 */
import type { Passage } from './types.js';
import { sentenceTerms } from './terms.js';

export interface SentenceFrequencies {
  /** How many sentences there are. */
  count: number;
  /** Term → how many sentences hold it. */
  df: Map<string, number>;
}

export function sentenceFrequencies(passages: readonly Passage[]): SentenceFrequencies {
  const df = new Map<string, number>();
  let count = 0;
  for (const p of passages)
    for (const s of p.sentences) {
      count++;
      for (const t of new Set(sentenceTerms(s))) df.set(t, (df.get(t) ?? 0) + 1);
    }
  return { count, df };
}
