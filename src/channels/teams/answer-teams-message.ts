/**
 * Answering one Teams message, wherever it runs: inline in the door's turn
 * (create-teams-bot.ts) or in a `travel-advisor worker` (workers/teams-answer-worker.ts).
 * Both ask the same conversation service, render with the same answerToActivity, and
 * remember the sent card (channel views, feedback) the same way; only `send` differs (a
 * reply within the turn, or a proactive send), so the card is the same either way.
 */
import type { Logger } from 'pino';
import type { Conversation } from '../../conversation/create-conversation.js';
import type { TurnUser } from '../../conversation/types.js';
import { StoreUnavailableError } from '../../errors.js';
import { noticeWords, type CopyFormat } from '../../render/copy.js';
import { formatLocalTime } from '../../render/local-time.js';
import { cardRefOf, type CardViews } from './card-views.js';
import { answerToActivity } from './render/answer-to-activity.js';
import type { TeamsFeedback } from './teams-feedback.js';
import type { TeamsOutbound } from './teams-port.js';

export interface TeamsAnswerDeps {
  conversation: Conversation;
  copy: (instant: (iso: string) => string) => CopyFormat;
  views: CardViews;
  feedback?: TeamsFeedback;
  clock: () => Date;
  logger: Logger;
}

/** The message and its asker, as the door read them from the activity. */
export interface TeamsQuestion {
  text: string;
  conversation: { id: string; conversationType?: string };
  /** The asker's Teams id (29:…), which a shared card's refresh names. */
  fromId: string;
  user: TurnUser;
  timeZone: string;
  locale?: string;
}

/**
 * Answering needs no store: with it down (StoreUnavailableError) a step is skipped this
 * time (remembering, de-duplicating, welcoming once) and the answer still goes out.
 */
export async function unlessStoreDown<T>(logger: Logger, what: string, step: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    logger.warn({ step: what }, 'store unavailable: teams turn goes on without it');
    return fallback;
  }
}

/** Asks the conversation service and sends its notice and/or answer card through `send`. */
export async function answerTeamsMessage(deps: TeamsAnswerDeps, q: TeamsQuestion, send: (activity: TeamsOutbound) => Promise<string | undefined>): Promise<void> {
  const reply = await deps.conversation.reply({
    text: q.text,
    // A Teams conversation (personal chat, or a channel's reply chain: its id carries the thread) is one thread.
    thread: { key: `teams:${q.conversation.id}` },
    user: q.user,
    timeZone: q.timeZone,
    locale: q.locale,
    now: deps.clock(),
  });
  if (reply.notice) await send({ type: 'message', text: noticeWords(reply.notice, deps.copy((iso) => formatLocalTime(iso, q.timeZone))).text });
  const answer = reply.answer;
  if (!answer) return;
  // In a channel or group chat each person gets their own view of the card: its refresh names the asker.
  const shared = (q.conversation.conversationType ?? 'personal') !== 'personal';
  const id = await send(answerToActivity(answer, shared ? { refresh: { userIds: [q.fromId] } } : {}));
  const ref = shared && id ? cardRefOf({ conversation: q.conversation, replyToId: id }) : null;
  if (ref) await unlessStoreDown(deps.logger, 'card-views', () => deps.views.rememberSent(ref, answer, [q.fromId]), undefined);
  const feedback = deps.feedback;
  if (feedback) await unlessStoreDown(deps.logger, 'feedback', () => feedback.sent(id, answer), undefined);
}
