/**
 * Scale-out for Teams (ANSWER_WORKERS=external): the Teams door de-duplicates and checks
 * a message as always, sends the typing indicator and acknowledges the turn, and puts ONE
 * BullMQ job per message on the Teams answers queue; `travel-advisor worker` processes
 * (teams-answer-worker.ts) answer it proactively. The job holds only what a worker needs:
 * where the answer goes (the conversation reference, serviceUrl included, and the message
 * it replies to), who asked (ids and zone, for thread memory and dates), and the text
 * already cleaned of Teams markup. It is removed once answered and at once when it fails
 * for good, so nothing of the message lingers in Redis; it is never logged.
 */
import { createAnswerQueue, type AnswerQueue } from '../../../store/answer-queue.js';
import type { TeamsConversationRef } from '../teams-port.js';

/** Its own queue: a worker without Teams configured never takes a Teams message. */
export const TEAMS_ANSWERS_QUEUE = 'travel-advisor-teams-answers';

/** One Teams message to answer. MUST stay in sync with what onText in create-teams-bot.ts reads of the turn. */
export interface TeamsAnswerJob {
  /** The conversation (with serviceUrl, tenant, bot and user) to send into. */
  ref: TeamsConversationRef;
  /** The inbound activity's id: the answer replies to it, as the inline path's does (the channel thread). */
  replyToId?: string;
  tenantId: string | null;
  /** The asker: `id` is their 29: id, `aadObjectId` the id trips are filed by. */
  from: { id: string; aadObjectId?: string };
  /** personal, channel or groupChat: in the last two the card gets a refresh naming the asker. */
  conversationType: string;
  /** The turn carried a validated Bot Framework token (desk members may act for others only then). */
  authenticated: boolean;
  /** The normalised text (mentions, HTML and entities removed in the door). */
  text: string;
  /** The asker's zone as the door read it from the activity, and its locale. */
  timeZone: string;
  locale?: string;
}

export type TeamsAnswerQueue = AnswerQueue<TeamsAnswerJob>;

export function createTeamsAnswerQueue(options: { redisUrl: string; prefix: string; timeoutMs: number }): TeamsAnswerQueue {
  return createAnswerQueue<TeamsAnswerJob>({ ...options, name: TEAMS_ANSWERS_QUEUE, keepFailedSeconds: 0 });
}
