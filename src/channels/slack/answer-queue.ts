/**
 * Scale-out (ANSWER_WORKERS=external): the Slack door acknowledges and admits a message
 * as always, then, instead of understanding and rendering it here, puts ONE BullMQ job
 * per message on the answers queue; `travel-advisor worker` processes (answer-worker.ts)
 * prepare and post the answer. The job holds only what a worker needs: the message text
 * (to answer it) and where the answer goes. It is removed once answered, and a failed
 * one is kept an hour at most, so no message text lingers in Redis; neither it nor the
 * job data is ever logged. The producer itself (fail fast, no offline queue) is
 * src/store/answer-queue.ts, shared with Teams' queue.
 */
import { createAnswerQueue as createQueue, type AnswerQueue as Queue, type AnswerQueueOptions } from '../../store/answer-queue.js';

export { ANSWER_ATTEMPTS } from '../../store/answer-queue.js';

export const ANSWERS_QUEUE = 'travel-advisor-answers';

/** One Slack message to answer: the Turn's inputs and the reply target. */
export interface AnswerJob {
  team: string;
  channel: string;
  /** The message's own ts, and the thread it was written in, if any. */
  ts: string;
  threadTs?: string;
  dm: boolean;
  /** The message as written (Slack markup included): the worker cleans it as the inline path does. */
  text?: string;
  userId: string;
}

export type AnswerQueue = Queue<AnswerJob>;

/** Slack's answers queue (ANSWERS_QUEUE), failed jobs kept an hour for inspection. */
export function createAnswerQueue(options: Omit<AnswerQueueOptions, 'name'>): AnswerQueue {
  return createQueue<AnswerJob>({ ...options, name: ANSWERS_QUEUE });
}
