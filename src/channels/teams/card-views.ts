/**
 * What Universal Actions need so that, in a channel or group chat, each person sees their
 * own view of an answer card and one person's click changes nothing for anyone else:
 * - the answer as it was sent, with the Teams ids its `refresh` named, so a person without a
 *   view of their own is answered with exactly the card everyone saw (rebuilt by the same
 *   pure renderer), and no refresh ever asks the model again;
 * - per person, what they did on that card (a CardState: their reminders, their
 *   acknowledgement), which their own refreshes show.
 * Keyed by the conversation (without the `;messageid=` thread suffix) and the message id.
 * The answer is kept without `trip.said` (the user's own words); nothing else in it is user
 * text. Everything expires after `ttlMs`; a card whose answer expired is rebuilt from its
 * destinations and dates, without a summary (no model call).
 */
import type Keyv from 'keyv';
import { answerSchema, type Answer } from '../../advisor/answer.js';
import type { CardState } from './render/answer-to-adaptive-card.js';
import type { TeamsInbound } from './teams-port.js';

/** One card the bot sent: its conversation and message id. */
export interface CardRef {
  conversationId: string;
  messageId: string;
}

/** An answer card as it was sent into a channel or group chat. */
export interface SentCard {
  answer: Answer;
  /** The Teams user ids (MRIs) the card's `refresh` listed when it was sent. */
  refreshUserIds: string[];
}

/** Per card: the answer as sent, and each person's own view of it (Universal Actions). */
export interface CardViews {
  rememberSent(ref: CardRef, answer: Answer, refreshUserIds: string[]): Promise<void>;
  sent(ref: CardRef): Promise<SentCard | null>;
  view(ref: CardRef, userId: string): Promise<CardState | null>;
  saveView(ref: CardRef, userId: string, state: CardState): Promise<void>;
}

/** The card an invoke or submit came from: its conversation and `replyToId`; null without one. */
export function cardRefOf(activity: Pick<TeamsInbound, 'conversation' | 'replyToId'>): CardRef | null {
  if (!activity.replyToId) return null;
  return { conversationId: activity.conversation.id.split(';')[0]!, messageId: activity.replyToId };
}

const key = (ref: CardRef) => `${ref.conversationId}|${ref.messageId}`;

/** Card views on a keyv namespace (`teams-card-views`), each entry expiring after `ttlMs`. */
export function createCardViews(store: Keyv<unknown>, ttlMs: number): CardViews {
  return {
    async rememberSent(ref, answer, refreshUserIds) {
      const kept: Answer = answer.trip ? { ...answer, trip: { ...answer.trip, said: null } } : answer;
      await store.set(`sent:${key(ref)}`, { answer: kept, refreshUserIds }, ttlMs);
    },
    async sent(ref) {
      const raw = (await store.get(`sent:${key(ref)}`)) as { answer?: unknown; refreshUserIds?: unknown } | undefined;
      // Parsed, so an answer stored before a field was added still renders.
      const answer = answerSchema.safeParse(raw?.answer);
      if (!answer.success) return null;
      const ids = Array.isArray(raw?.refreshUserIds) ? raw.refreshUserIds.filter((x): x is string => typeof x === 'string') : [];
      return { answer: answer.data, refreshUserIds: ids };
    },
    async view(ref, userId) {
      return ((await store.get(`view:${key(ref)}|${userId}`)) as CardState | undefined) ?? null;
    },
    async saveView(ref, userId, state) {
      await store.set(`view:${key(ref)}|${userId}`, state, ttlMs);
    },
  };
}
