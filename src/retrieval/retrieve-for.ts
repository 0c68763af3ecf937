/**
 * How the advisor asks the index for candidate passages; create-question-retriever.ts
 * then keeps them on the asked destinations and subject, and both the advisor and the
 * evaluation (eval-retrieval.ts) go through that, so the figures are what users get. Country questions search that
 * country's sections (and topics about it); trips stay on the country; topic questions
 * search everything but must be grounded: more than the coverage threshold of their
 * content words must occur in the passages, or nothing is returned and the advisor
 * says the content base doesn't cover it.
 */
import type { IntentName } from '../vocabulary/intents.js';
import type { Retriever } from './ports.js';
import type { Passage } from '../content/types.js';
import { stripIdentifiers } from '../privacy/redact-question.js';

export interface RetrieveForRequest {
  intent: IntentName;
  /** Covered destination codes the understander found. */
  countryCodes: string[];
  limit?: number;
}

/**
 * Share of a topic question's content words that must occur exactly in the passages.
 * 0.5: "what does SORM stand for" (sorm yes, stand no) is still answered, while
 * "how do I get a visa?" (visa no) is not. See docs/retrieval.md.
 */
export const TOPIC_MIN_COVERAGE = 0.5;

/** The passages the advisor summarises for this question and intent (empty when nothing grounds it). */
export function retrieveFor(retriever: Retriever, rawQuestion: string, request: RetrieveForRequest): Passage[] {
  const limit = request.limit ?? 5;
  // Mentions, emails and phone numbers are neither searchable nor part of what is asked.
  const question = stripIdentifiers(rawQuestion);
  if (request.countryCodes.length)
    return retriever.search(question, { countries: request.countryCodes, includeTopics: request.intent !== 'trip', limit });
  if (request.intent === 'topic') return retriever.search(question, { includeTopics: true, limit, minCoverage: TOPIC_MIN_COVERAGE });
  return [];
}
