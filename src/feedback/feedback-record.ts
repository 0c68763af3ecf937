/**
 * One 👍/👎 on an AI-written answer, as it is stored: which answer (a fingerprint, never
 * its text), where, which way, about which destinations, from which summariser, and
 * when. No message text, no summary text, no comment, no user id: the voter only shapes
 * the record's key, as a salted hash (create-feedback-store.ts). MUST stay in sync with
 * the privacy line in docs/security.md and the report (count-feedback.ts).
 */
import { z } from 'zod';

export const feedbackRatings = ['positive', 'negative'] as const;
export type FeedbackRating = (typeof feedbackRatings)[number];

export const feedbackPlatforms = ['slack', 'teams'] as const;
export type FeedbackPlatform = (typeof feedbackPlatforms)[number];

/** `unknown`: a Teams vote on a message whose answer is no longer remembered. */
export const feedbackMethods = ['llm', 'extractive', 'unknown'] as const;
export type FeedbackMethod = (typeof feedbackMethods)[number];

/** An answer fingerprint (answer-fingerprint.ts) or, for a message we no longer know, a hash of its id. */
export const answerRefSchema = z.string().regex(/^[a-z]{1,3}-[0-9a-f]{8,64}$/);

export const feedbackRecordSchema = z.object({
  answer: answerRefSchema,
  platform: z.enum(feedbackPlatforms),
  rating: z.enum(feedbackRatings),
  destinations: z.array(z.string().regex(/^[A-Z]{2}$/)).max(60),
  summaryMethod: z.enum(feedbackMethods),
  /** ISO 8601 instant of the (latest) vote. */
  at: z.string(),
});
export type FeedbackRecord = z.infer<typeof feedbackRecordSchema>;
