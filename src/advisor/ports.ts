/** The advisor's replaceable parts: retrieval and summarising. */
import type { Passage } from '../content/types.js';
import type { IntentName, Summary } from './answer.js';

export interface RetrieveOptions {
  /** Only passages about these countries (ISO codes), plus topic passages when `includeTopics`. */
  countries?: string[];
  includeTopics?: boolean;
  limit?: number;
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
