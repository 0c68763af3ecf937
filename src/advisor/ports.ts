/** The advisor's replaceable parts: retrieval and summarising. */
import type { Passage } from '../content/types.js';
import type { IntentName, Summary } from './answer.js';

export interface RetrieveOptions {
  /** Only passages about these countries (ISO codes), plus topic passages when `includeTopics`. */
  countries?: string[];
  includeTopics?: boolean;
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

export interface SummaryRequest {
  /** The user's question, markup removed; untrusted data. */
  question: string;
  intent: IntentName;
  countryCodes: string[];
  passages: Passage[];
}

export interface Summarizer {
  /** Returns null when the passages hold nothing to summarise. */
  summarize(request: SummaryRequest): Promise<Summary | null>;
}
