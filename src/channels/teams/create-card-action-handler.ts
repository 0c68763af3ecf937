/**
 * Where the outcome of a button on our cards (perform-card-action.ts) is shown, by how it
 * arrived:
 *
 * - **Action.Execute** (Universal Actions: an `invoke` named `adaptiveCard/action`). The
 *   invoke is answered with the card as the presser should now see it. In a channel or group
 *   chat that card is theirs alone: nothing is posted or updated for everyone; their view
 *   (their reminders, their acknowledgement) is kept in card-views.ts and the card's
 *   `refresh` lists them, so Teams asks again when they reopen it; anyone else's refresh
 *   gets the card as it was sent. Confirmations stay private: in the card, or as a note to
 *   the presser. "Full checklist" / "Why this level" become a paged card for the presser. In
 *   a personal chat the message itself is updated as well (it has one reader), the
 *   confirmation is written in the chat, and details arrive as follow-up cards.
 * - **Action.Submit** (Teams clients without Universal Actions, which use the fallback): a
 *   message activity with `value`, handled as before Universal Actions: the card is updated
 *   in place and the confirmation is sent into the conversation.
 *
 * A refusal (act-on-trip.ts's 'refused' outcome) is the reply, with the card left as it was.
 */
import type { Logger } from 'pino';
import type { Answer } from '../../advisor/answer.js';
import { StoreUnavailableError } from '../../errors.js';
import { FALLBACK } from '../../render/copy.js';
import { z } from 'zod';
import { parseCardAction, type CardAction } from './card-actions.js';
import { cardRefOf, type CardViews } from './card-views.js';
import { cardResponse, errorResponse, messageResponse, type InvokeResponseBody } from './invoke-responses.js';
import { createPerformCardAction, isPersonal, type CardOutcome, type PerformDeps } from './perform-card-action.js';
import { answerToActivity } from './render/answer-to-activity.js';
import { viewAction, type CardState } from './render/answer-to-adaptive-card.js';
import type { AdaptiveCard } from './render/card-parts.js';
import { detailsActivities, detailsPageCard } from './render/details-activities.js';
import { statusActivity } from './render/status-activity.js';
import type { TeamsOutbound, TeamsTurn } from './teams-port.js';
import { travellerId } from './teams-user-store.js';

/** PerformDeps, plus where per-person views live and where failures are logged. */
export interface CardActionDeps extends PerformDeps {
  logger: Logger;
  /** Answers sent into channels and group chats, and each person's own view of them. */
  views: CardViews;
}

/** The two ways a button press arrives; the bot routes each here. */
export interface CardActionHandler {
  /** An Action.Submit: a message activity whose `value` is one of our card actions. */
  onSubmit(turn: TeamsTurn, action: CardAction): Promise<void>;
  /** An `adaptiveCard/action` invoke: always answered (invokeResponse), with a card, a note or an error. */
  onExecute(turn: TeamsTurn): Promise<void>;
}

/** The invoke's value (Universal Actions): the Action.Execute pressed, or the card's refresh. */
const executeValueSchema = z.object({
  action: z.object({ type: z.literal('Action.Execute'), verb: z.string().max(100).optional(), data: z.unknown() }),
  trigger: z.enum(['automatic', 'manual']).optional(),
});

const cardOf = (activity: TeamsOutbound): AdaptiveCard => (activity.attachments as Array<{ content: AdaptiveCard }>)[0]!.content;
const tripOf = (start: string | null, end: string | null) => (start ? { start, end, said: null, startInferred: false, endInferred: false } : null);

/** One handler for both: same actions, same authorisation, shown as each way requires. */
export function createCardActionHandler(deps: CardActionDeps): CardActionHandler {
  const { advisor, logger, views } = deps;
  const perform = createPerformCardAction(deps);

  /** The answer rebuilt from the card's destinations and dates (`summary: false`: no retrieval, no model call). */
  const rebuild = (countries: string[], start: string | null, end: string | null, summary: boolean) =>
    advisor.answerForCountries(countries, { intent: start ? 'trip' : 'country', trip: tripOf(start, end), summary });

  async function update(turn: TeamsTurn, activity: TeamsOutbound & { id: string }): Promise<void> {
    try {
      await turn.update(activity);
    } catch (error) {
      // A stale or deleted card is not an error.
      logger.warn({ err: error }, 'teams card update failed');
    }
  }

  /** Updates the card the button was on, for everyone who sees it; returns what was put, or null. */
  async function updateForEveryone(turn: TeamsTurn, outcome: CardOutcome): Promise<TeamsOutbound | null> {
    const id = turn.activity.replyToId;
    if (!id) return null;
    if (outcome.type === 'status') {
      const activity = statusActivity(outcome.status, id);
      await update(turn, activity as TeamsOutbound & { id: string });
      return activity;
    }
    if (outcome.type !== 'answer' || !outcome.countries.length) return null;
    const answer = await rebuild(outcome.countries, outcome.start, outcome.end, true);
    // A note is for the presser alone.
    const activity = answerToActivity(answer, { state: { ...outcome.state, note: undefined }, id });
    await update(turn, activity as TeamsOutbound & { id: string });
    return activity;
  }

  async function onSubmit(turn: TeamsTurn, action: CardAction): Promise<void> {
    if (action.ta === 'view') return; // A refresh only ever arrives as an invoke.
    // A refusal is an outcome of act() (its reply), never a thrown TripActionError.
    const outcome = await perform(turn, action);
    if (outcome.type === 'details') {
      for (const activity of detailsActivities(outcome.kind, outcome.answer)) await turn.send(activity);
      return;
    }
    await updateForEveryone(turn, outcome);
    await turn.send({ type: 'message', text: outcome.reply });
  }

  /** A personal chat has one reader: the message is updated, and the confirmation written in the chat. */
  async function executeInPersonalChat(turn: TeamsTurn, action: CardAction): Promise<InvokeResponseBody> {
    if (action.ta === 'view') {
      if (!action.countries.length) return messageResponse(FALLBACK.cardExpired);
      return cardResponse(cardOf(answerToActivity(await rebuild(action.countries, action.start, action.end, false))));
    }
    const outcome = await perform(turn, action);
    if (outcome.type === 'reply') return messageResponse(outcome.reply);
    if (outcome.type === 'details') {
      for (const activity of detailsActivities(outcome.kind, outcome.answer)) await turn.send(activity);
      return messageResponse('Here it is, in the messages below.');
    }
    const put = await updateForEveryone(turn, outcome);
    if (!put) return messageResponse(outcome.reply);
    await turn.send({ type: 'message', text: outcome.reply });
    return cardResponse(cardOf(put));
  }

  /** A channel or group chat: the card answered is the presser's own; nothing changes for anyone else. */
  async function executeInSharedChat(turn: TeamsTurn, action: CardAction): Promise<InvokeResponseBody> {
    const ref = cardRefOf(turn.activity);
    const me = turn.activity.from.id;
    const viewer = travellerId(turn.activity.from);
    const sent = ref ? await views.sent(ref) : null;
    const own = (answer: Answer, state: CardState) => cardResponse(cardOf(answerToActivity(answer, { state, refresh: { userIds: [me] } })));
    if (action.ta === 'view') {
      const state = ref ? await views.view(ref, viewer) : null;
      const answer = sent?.answer ?? (action.countries.length ? await rebuild(action.countries, action.start, action.end, false) : null);
      if (!answer) return messageResponse(FALLBACK.cardExpired);
      // Someone who has not acted on the card sees it exactly as it was sent.
      return state ? own(answer, state) : cardResponse(cardOf(answerToActivity(answer, { refresh: { userIds: sent?.refreshUserIds ?? [me] } })));
    }
    const outcome = await perform(turn, action);
    if (outcome.type === 'reply') return messageResponse(outcome.reply);
    if (outcome.type === 'status') return cardResponse(cardOf(statusActivity(outcome.status, ref?.messageId ?? 'status')));
    if (outcome.type === 'details') {
      const view = sent ? viewAction(sent.answer) : viewAction(outcome.answer);
      return cardResponse(detailsPageCard(outcome.kind, outcome.answer, outcome.page, view, [me]));
    }
    const previous = ref ? await views.view(ref, viewer) : null;
    const sameTrip = previous?.reminders && previous.reminders.tripId === outcome.state.reminders?.tripId;
    const state: CardState = { ...previous, ...outcome.state, ...(sameTrip ? { reminders: previous.reminders } : {}) };
    if (ref) await views.saveView(ref, viewer, state);
    return own(sent?.answer ?? (await rebuild(outcome.countries, outcome.start, outcome.end, false)), state);
  }

  async function onExecute(turn: TeamsTurn): Promise<void> {
    const value = executeValueSchema.safeParse(turn.activity.value);
    const action = value.success ? parseCardAction(value.data.action.data) : null;
    if (!action) return turn.invokeResponse(200, errorResponse(400, 'BadRequest', 'That button is not one of mine; ask me again for a fresh card.'));
    let body: InvokeResponseBody;
    try {
      body = isPersonal(turn) ? await executeInPersonalChat(turn, action) : await executeInSharedChat(turn, action);
    } catch (error) {
      if (error instanceof StoreUnavailableError) {
        // A trip, acknowledgement or snooze that was not saved is never confirmed.
        logger.warn({ verb: action.ta }, 'teams card action failed: store unavailable');
        body = messageResponse(error.userMessage);
      } else {
        logger.error({ err: error, verb: action.ta }, 'teams card action failed');
        body = errorResponse(500, 'InternalError', 'Sorry, something went wrong. Please try again in a moment.');
      }
    }
    await turn.invokeResponse(200, body);
  }

  return { onSubmit, onExecute };
}
