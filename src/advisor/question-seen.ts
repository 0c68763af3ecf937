/**
 * What the advisor tells an observer about each question it answers, so the security
 * team can see what people need (src/insights/) without anyone keeping what they
 * wrote: the intent, each destination with its coverage tier, and what the content
 * base could not answer as classified subjects (src/retrieval/subjects.ts ids, such
 * as `messaging` or the out-of-scope `visas`). Never text, never who asked.
 * MUST stay in sync with docs/insights.md "What is counted".
 */
import type { CoverageTier, IntentName } from './answer.js';

/**
 * Why the content base could not answer (part of) a question:
 * - `out-of-scope`: a subject the advisor does not cover (visas, weather …);
 * - `nothing-on`: a covered subject with nothing on it for an asked destination;
 * - `no-content`: a question the content base has no passage for at all
 *   (subject `unclassified` when it cued no known subject).
 */
export type AnswerGapKind = 'out-of-scope' | 'nothing-on' | 'no-content';

/** One thing the content base could not answer, as a subject id (and the destination, for `nothing-on`). */
export interface AnswerGap {
  kind: AnswerGapKind;
  /** A subject id from subjects.ts (SUBJECTS or OUT_OF_SCOPE), or `unclassified`. */
  subject: string;
  countryCode: string | null;
}

/** One answered question, reduced to what can be counted. */
export interface QuestionSeen {
  intent: IntentName;
  destinations: Array<{ countryCode: string; coverage: CoverageTier }>;
  /** Empty when the content base answered what was asked. */
  gaps: AnswerGap[];
}

/** Called once per answered question; must not throw or block (the advisor ignores what it does). */
export type QuestionObserver = (question: QuestionSeen) => void;
