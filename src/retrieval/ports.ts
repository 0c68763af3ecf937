/**
 * Retrieval's replaceable part: the passage search the advisor is given. Defined here, in
 * the layer that implements it, so retrieval never imports the advisor (docs/architecture.md).
 */
import type { Passage } from '../content/types.js';

export interface RetrieveOptions {
  /** Only passages about these countries (ISO codes), plus topic passages when `includeTopics`. */
  countries?: string[];
  includeTopics?: boolean;
  /** Only topic passages, every topic whatever countries it names (what the content says in general). */
  topicsOnly?: boolean;
  limit?: number;
  /**
   * Return nothing unless at least this share (0..1) of the query's content words occur
   * exactly in the results: a question the content base cannot ground gets no passages.
   */
  minCoverage?: number;
}

export interface Retriever {
  search(query: string, options?: RetrieveOptions): Passage[];
}
