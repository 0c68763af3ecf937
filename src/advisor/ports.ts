/** The advisor's replaceable parts: retrieval (src/retrieval/ports.ts) and summarising. */
import type { Passage } from '../content/types.js';
import type { IntentName } from '../vocabulary/intents.js';
import type { Summary } from './answer.js';

export type { Retriever, RetrieveOptions } from '../retrieval/ports.js';

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
