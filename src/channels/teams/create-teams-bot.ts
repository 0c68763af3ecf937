/**
 * The Teams bot: maps each turn to the advisor and back. Messages (personal chat,
 * or an @mention in a channel/group chat, answered in the thread) get a typing
 * indicator and the Answer card; card buttons create trips, acknowledge and snooze
 * through the reminders port and update the card; install events get the welcome
 * card; feedback invokes are recorded. Only our TeamsTurn is used, never an SDK type.
 */
import type Keyv from 'keyv';
import type { Logger } from 'pino';
import type { Advisor } from '../../advisor/create-advisor.js';
import { AdvisorError } from '../../errors.js';
import type { ReminderService, TravellerRef } from '../../reminders/types.js';
import { parseCardAction, type CardAction } from './card-actions.js';
import { answerToActivity } from './render/answer-to-activity.js';
import { welcomeActivity } from './render/welcome-activity.js';
import { stripMentions } from './strip-mentions.js';
import type { TeamsTurn } from './teams-port.js';
import { travellerId, type TeamsUserStore } from './teams-user-store.js';

/** What a message handler gets: the turn, the text without mentions, and who sent it. */
export interface TeamsMessageInput {
  turn: TeamsTurn;
  text: string;
  userId: string;
  tenantId: string | null;
  /** The team the message was posted in (channel messages only). */
  teamId: string | null;
}

/** Consulted in order before the advisor; return true when the message was handled (e.g. travel-desk commands). */
export type TeamsMessageHandler = (input: TeamsMessageInput) => Promise<boolean>;

export interface TeamsBotOptions {
  advisor: Advisor;
  reminders: ReminderService;
  users: TeamsUserStore;
  /** Remembers conversations already welcomed (Teams sends both installationUpdate and conversationUpdate). */
  welcomed: Keyv<unknown>;
  /** 👍/👎 on AI-generated answers, keyed by message id (the reaction only, never the comment). */
  feedback: Keyv<unknown>;
  clock: () => Date;
  timeZone: string;
  logger: Logger;
  messageHandlers?: TeamsMessageHandler[];
}

export interface TeamsBot {
  run(turn: TeamsTurn): Promise<void>;
}

const WELCOME_TTL_MS = 10 * 60 * 1000;

export function createTeamsBot(options: TeamsBotOptions): TeamsBot {
  const { advisor, reminders, users, clock, logger } = options;
  const handlers = options.messageHandlers ?? [];

  const isPersonal = (turn: TeamsTurn) => (turn.activity.conversation.conversationType ?? 'personal') === 'personal';
  const traveller = (turn: TeamsTurn): TravellerRef => ({ platform: 'teams', userId: travellerId(turn.activity.from) });

  /** Personal conversations are where reminders go; remember them (and the email once, from the roster). */
  async function remember(turn: TeamsTurn): Promise<void> {
    if (!isPersonal(turn)) return;
    const known = await users.get(turn.activity.from.id);
    const email = known?.emailChecked ? undefined : await turn.senderEmail();
    await users.save(turn.activity.from, turn.reference(), { email, now: clock() });
  }

  async function welcome(turn: TeamsTurn): Promise<void> {
    const key = turn.activity.conversation.id;
    if (await options.welcomed.get(key)) return;
    await options.welcomed.set(key, true, WELCOME_TTL_MS);
    await remember(turn);
    await turn.send(welcomeActivity({ inChannel: !isPersonal(turn) }));
  }

  async function onText(turn: TeamsTurn, raw: string): Promise<void> {
    await remember(turn);
    const text = stripMentions(raw) || 'help';
    const a = turn.activity;
    const input: TeamsMessageInput = {
      turn,
      text,
      userId: travellerId(a.from),
      tenantId: a.conversation.tenantId ?? a.channelData?.tenant?.id ?? null,
      teamId: a.channelData?.team?.id ?? null,
    };
    for (const handle of handlers) if (await handle(input)) return;
    await turn.send({ type: 'typing' });
    const answer = await advisor.ask(text, { now: clock(), timeZone: a.localTimezone ?? options.timeZone });
    await turn.send(answerToActivity(answer));
  }

  /** Re-renders the card the button was on, with what just happened; a stale or deleted card is not an error. */
  async function updateCard(turn: TeamsTurn, action: Extract<CardAction, { countries: string[] }>, state: Parameters<typeof answerToActivity>[1]): Promise<void> {
    const id = turn.activity.replyToId;
    if (!id || !action.countries.length) return;
    const trip = action.start ? { start: action.start, end: action.end ?? null, said: null, startInferred: false, endInferred: false } : null;
    const answer = await advisor.answerForCountries(action.countries, { intent: trip ? 'trip' : 'country', trip });
    try {
      await turn.update({ ...answerToActivity(answer, state), id });
    } catch (error) {
      logger.warn({ err: error }, 'teams card update failed');
    }
  }

  async function onCardAction(turn: TeamsTurn, action: CardAction): Promise<void> {
    const who = traveller(turn);
    if (action.ta === 'remind') {
      const trip = await reminders.createTrip({
        traveller: who,
        destinations: action.countries,
        start: action.start,
        end: action.end,
        createdBy: `teams:${travellerId(turn.activity.from)}`,
        source: 'button',
        idempotencyKey: `teams:${turn.activity.replyToId ?? turn.activity.id ?? ''}:${travellerId(turn.activity.from)}`,
      });
      const due = trip.reminders.filter((r) => r.status === 'scheduled').map((r) => ({ kind: r.kind, dueAt: r.dueAt }));
      await updateCard(turn, action, { state: { reminders: { tripId: trip.id, due } } });
      const list = due.map((r) => `${r.kind} on ${r.dueAt.slice(0, 10)}`).join(', ');
      await turn.send({ type: 'message', text: `Done: I will remind you before your trip on ${action.start}${list ? ` (${list})` : ''}.` });
      return;
    }
    if (action.ta === 'ack') {
      const trip = await reminders.acknowledge({ tripId: action.tripId, reminderId: action.reminderId, traveller: who });
      const at = trip?.acknowledgedAt ?? clock().toISOString();
      await updateCard(turn, action, { state: { acknowledgedAt: at, ...(trip ? { reminders: { tripId: trip.id, due: [] } } : {}) } });
      await turn.send({
        type: 'message',
        text: trip
          ? `Thanks: recorded that you have done the checklist for your trip to ${trip.destinations.join(', ')} (${trip.start}).`
          : 'Thanks: noted that you have done the checklist. You have no trip with reminders; press "Remind me before I go" on an answer to get them.',
      });
      return;
    }
    const until = new Date(clock().getTime() + action.hours * 3600_000);
    const trip = await reminders.snooze({ tripId: action.tripId, reminderId: action.reminderId, until });
    await turn.send({
      type: 'message',
      text: trip ? `OK, I will remind you again on ${until.toISOString().slice(0, 16).replace('T', ' ')} UTC.` : 'That reminder no longer exists; nothing to snooze.',
    });
  }

  async function onInvoke(turn: TeamsTurn): Promise<void> {
    const a = turn.activity;
    if (a.name === 'message/submitAction') {
      const value = a.value as { actionName?: string; actionValue?: { reaction?: string } } | undefined;
      const reaction = value?.actionValue?.reaction;
      if (value?.actionName === 'feedback' && (reaction === 'like' || reaction === 'dislike') && a.replyToId)
        await options.feedback.set(a.replyToId, { reaction, at: clock().toISOString() });
      await turn.invokeResponse(200, {});
      return;
    }
    await turn.invokeResponse(501);
  }

  async function replyWithError(turn: TeamsTurn, error: unknown): Promise<void> {
    if (error instanceof AdvisorError && error.code === 'INPUT_INVALID') {
      await turn.send({ type: 'message', text: error.message });
      return;
    }
    logger.error({ err: error, activityType: turn.activity.type }, 'teams answer failed');
    await turn.send({ type: 'message', text: 'Sorry, something went wrong while answering. Please try again in a moment.' });
  }

  return {
    async run(turn) {
      const a = turn.activity;
      try {
        if (a.type === 'message') {
          const action = a.value !== undefined ? parseCardAction(a.value) : null;
          if (action) await onCardAction(turn, action);
          else if (typeof a.text === 'string' && a.text.trim()) await onText(turn, a.text);
          else if (a.value !== undefined) logger.debug('teams: ignored a card submit that is not ours');
        } else if (a.type === 'conversationUpdate') {
          if (a.membersAdded?.some((m) => m.id === a.recipient.id)) await welcome(turn);
        } else if (a.type === 'installationUpdate') {
          if (a.action === 'add' || a.action === 'add-upgrade') await welcome(turn);
        } else if (a.type === 'invoke') {
          await onInvoke(turn);
        }
      } catch (error) {
        if (a.type === 'message') await replyWithError(turn, error);
        else throw error;
      }
    },
  };
}
