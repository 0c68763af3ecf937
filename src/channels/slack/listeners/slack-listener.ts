/**
 * What a Slack listener module gets, and its shape: `(app, deps) => void` registering
 * its own `app.event` / `app.command` / `app.action` handlers. The door runs every
 * listener in `slackListeners` (and `SlackDoorOptions.extraListeners`), so a new
 * feature such as `/travel-desk` is one file plus one line in slack-listeners.ts.
 */
import type { App } from '@slack/bolt';
import type { webApi } from '@slack/bolt';
import type Keyv from 'keyv';
import type { Logger } from 'pino';
import type { Answer } from '../../../advisor/answer.js';
import type { AppContext } from '../../../app/app-context.js';
import type { FeedbackStore } from '../../../feedback/create-feedback-store.js';
import type { AnswerQueue } from '../answer-queue.js';
import type { SlackPoster } from '../create-slack-poster.js';
import type { WorkQueue } from '../create-work-queue.js';
import type { SlackTimeZones } from '../slack-time-zones.js';

export interface SlackDeps {
  ctx: AppContext;
  /** Child logger of the Slack door; never give it message text. */
  logger: Logger;
  /** Answers shown ephemerally, kept for a day so "Share in channel" can post them. */
  answers: Keyv<Answer>;
  /** A client that throws on 429 instead of waiting, for work that is retried later (reminders). */
  deliveryClient: webApi.WebClient;
  /** chat.postMessage as a JSON POST for answers and busy replies (create-slack-poster.ts), with the answering retry policy. */
  poster: SlackPoster;
  /** Runs answer preparation after the ack, off the request path: the door's; absent in a `travel-advisor worker`, whose concurrency is BullMQ's. */
  work?: WorkQueue;
  /** Each user's own time zone (users.info, cached), for relative dates and the times we show. */
  zones: SlackTimeZones;
  /** 👍/👎 on AI-written answers, stored without text (src/feedback/). */
  feedback: FeedbackStore;
  /** Set with ANSWER_WORKERS=external: messages are answered by `travel-advisor worker` processes (answer-queue.ts). */
  answerQueue?: AnswerQueue;
}

export type SlackListener = (app: App, deps: SlackDeps) => void;
