/**
 * Teams' own 👍/👎 on AI-written answers (the activity's `feedbackLoopEnabled`, sent by
 * answerToActivity when a model wrote the summary). Teams reports a vote as an `invoke`
 * named `message/submitAction` with `actionName: "feedback"`, the reaction (`like` or
 * `dislike`), the person's optional comment, and `replyToId`, the id of the message voted
 * on, nothing else. So when such an answer is sent we remember, under the id Teams gave
 * the message, its fingerprint, destinations and summariser (no text), and a vote is
 * stored with those (src/feedback/), the voter as a salted hash. The comment is never
 * read. A vote on a message no longer remembered still counts, as "unknown". A vote the
 * store could not keep is answered 503, so Teams does not tell the person it was sent.
 */
import { createHash } from 'node:crypto';
import type Keyv from 'keyv';
import type { Logger } from 'pino';
import type { Answer } from '../../advisor/answer.js';
import { StoreUnavailableError } from '../../errors.js';
import { answerFingerprint } from '../../feedback/answer-fingerprint.js';
import type { FeedbackStore } from '../../feedback/create-feedback-store.js';
import type { FeedbackMethod } from '../../feedback/feedback-record.js';
import type { TeamsTurn } from './teams-port.js';
import { travellerId } from './teams-user-store.js';

/** What is remembered of a sent AI-written answer, by its message id. */
export interface SentAnswer {
  answer: string;
  destinations: string[];
  summaryMethod: FeedbackMethod;
}

export interface TeamsFeedback {
  /** After sending an answer: remember what it was about, when Teams will ask for feedback on it. */
  sent(messageId: string | undefined, answer: Answer): Promise<void>;
  /** Handles a feedback invoke (and answers it); false when the invoke is not feedback. */
  onInvoke(turn: TeamsTurn): Promise<boolean>;
}

export interface TeamsFeedbackOptions {
  feedback: FeedbackStore;
  /** Message id → SentAnswer, kept as long as votes are (FEEDBACK_RETENTION_DAYS). */
  sentAnswers: Keyv<SentAnswer>;
  ttlMs: number;
  logger: Logger;
}

const REACTIONS = { like: 'positive', dislike: 'negative' } as const;

export function createTeamsFeedback(options: TeamsFeedbackOptions): TeamsFeedback {
  const { feedback, sentAnswers, logger } = options;
  return {
    async sent(messageId, answer) {
      if (!messageId || answer.summary?.method !== 'llm') return;
      const remembered: SentAnswer = { answer: answerFingerprint(answer), destinations: answer.destinations.map((d) => d.countryCode), summaryMethod: 'llm' };
      await sentAnswers.set(messageId, remembered, options.ttlMs);
    },

    async onInvoke(turn) {
      const a = turn.activity;
      const value = a.value as { actionName?: unknown; actionValue?: { reaction?: unknown } } | undefined;
      if (a.name !== 'message/submitAction' || value?.actionName !== 'feedback') return false;
      const reaction = value.actionValue?.reaction;
      if ((reaction !== 'like' && reaction !== 'dislike') || !a.replyToId) {
        await turn.invokeResponse(400, { error: 'feedback needs a reaction of like or dislike and the message it is about' });
        return true;
      }
      try {
        const known = await sentAnswers.get(a.replyToId);
        await feedback.record({
          platform: 'teams',
          voter: travellerId(a.from),
          // A message we no longer remember is still one answer: named by a hash of its id.
          answer: known?.answer ?? `m-${createHash('sha256').update(a.replyToId).digest('hex').slice(0, 16)}`,
          rating: REACTIONS[reaction],
          destinations: known?.destinations ?? [],
          summaryMethod: known?.summaryMethod ?? 'unknown',
        });
      } catch (error) {
        if (!(error instanceof StoreUnavailableError)) throw error;
        logger.warn('teams feedback not stored: store unavailable');
        await turn.invokeResponse(503, { error: 'feedback could not be stored; try again later' });
        return true;
      }
      await turn.invokeResponse(200, {});
      return true;
    },
  };
}
