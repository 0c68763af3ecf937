/**
 * The Teams bot: maps each turn to the advisor and back. Messages (personal chat,
 * or an @mention in a channel/group chat, answered in the thread) get a typing
 * indicator and the Answer card; card buttons create trips, acknowledge and snooze
 * through the conversation's one trip action (act-on-trip.ts), as Universal Actions
 * (`adaptiveCard/action` invokes, each answered with the presser's own card) or, from
 * older clients, as submits that update the card; install events get the welcome card; feedback invokes are recorded
 * (teams-feedback.ts). In channels and group chats an answer card carries a `refresh` and
 * is remembered as sent (card-views.ts), so each person sees their own view of it. Each
 * user's zone comes from their activity (teams-time-zone.ts). Only our TeamsTurn is used,
 * never an SDK type. Button handling lives in create-card-action-handler.ts.
 */
import type Keyv from 'keyv';
import type { Logger } from 'pino';
import type { Advisor } from '../../advisor/create-advisor.js';
import { AdvisorError, StoreUnavailableError, asAdvisorError } from '../../errors.js';
import { claimOnceOrLocally } from '../../store/claim-once-or-locally.js';
import { parseCardAction } from './card-actions.js';
import { createCardActionHandler } from './create-card-action-handler.js';
import type { CardViews } from './card-views.js';
import { answerTeamsMessage, unlessStoreDown } from './answer-teams-message.js';
import type { TeamsAnswerQueue } from './workers/teams-answer-queue.js';
import { welcomeActivity } from './render/welcome-activity.js';
import { normaliseTeamsText } from './normalise-teams-text.js';
import type { Conversation } from '../../conversation/create-conversation.js';
import { isPersonal, teamsActor } from './perform-card-action.js';
import { FALLBACK, type CopyFormat } from '../../render/copy.js';
import type { TeamsFeedback } from './teams-feedback.js';
import { teamsTimeZone } from './teams-time-zone.js';
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
  /** The conversation service every message goes to (src/conversation/): advice, follow-ups, "remind me", "I've done the checklist". */
  conversation: Conversation;
  /** How notices are worded here: country names, the contact, and times in the reader's zone. */
  copy: (instant: (iso: string) => string) => CopyFormat;
  users: TeamsUserStore;
  /** Remembers conversations already welcomed (Teams sends both installationUpdate and conversationUpdate). */
  welcomed: Keyv<unknown>;
  /**
   * Message ids already answered: the Bot Connector redelivers when a turn is slow, and we
   * answer once, across replicas sharing the store (claimOnce, as Slack's event ids).
   */
  seen?: Keyv<unknown>;
  /** 👍/👎 on AI-written answers (teams-feedback.ts): the reaction only, never the comment. Absent: feedback invokes get 501. */
  feedback?: TeamsFeedback;
  clock: () => Date;
  /** DEFAULT_TIMEZONE: used when the activity says nothing of the user's zone (teams-time-zone.ts). */
  timeZone: string;
  logger: Logger;
  messageHandlers?: TeamsMessageHandler[];
  /** TEAMS_TRAVEL_DESK_TEAM_ID: its members may press buttons on other people's trips (authenticated turns only). */
  deskTeamId?: string;
  /** Answer cards sent into channels and group chats, and each person's view of them (Universal Actions). */
  views: CardViews;
  /** TEAMS_GRAPH_INSTALL=on: reminders reach people who never opened the bot, so nobody is told to open it first. */
  proactiveInstall?: boolean;
  /** ANSWER_WORKERS=external: messages for the advisor are queued for `travel-advisor worker`, not answered here. */
  answerQueue?: TeamsAnswerQueue;
}

export interface TeamsBot {
  run(turn: TeamsTurn): Promise<void>;
}

const WELCOME_TTL_MS = 10 * 60 * 1000;
const SEEN_TTL_MS = 10 * 60 * 1000;

/**
 * The claim key of an incoming message: activity ids are unique only within their
 * conversation, so the conversation is part of it.
 */
export function activityClaimKey(activity: { id?: string; conversation: { id: string } }): string | null {
  return activity.id ? `${activity.conversation.id}|${activity.id}` : null;
}

export function createTeamsBot(options: TeamsBotOptions): TeamsBot {
  const { advisor, users, clock, logger } = options;
  const handlers = options.messageHandlers ?? [];
  // One atomic claim in the shared store (as Slack's event de-duplication), so two replicas
  // given the same redelivered activity answer it once. With the store down the message is
  // still answered, de-duplicated in this process.
  const claim = claimOnceOrLocally({
    onFallback: () => logger.warn('store unavailable: Teams message de-duplication kept in this process'),
    onSweepError: () => logger.warn('expired Teams message claims not swept; tried again later'),
  });
  const cardActions = createCardActionHandler({
    advisor, act: options.conversation.act, copy: options.copy, users, logger, views: options.views,
    deskTeamId: options.deskTeamId, timeZone: options.timeZone, proactiveInstall: options.proactiveInstall,
  });

  const answering = { conversation: options.conversation, copy: options.copy, views: options.views, feedback: options.feedback, clock, logger };
  const goOn = <T>(what: string, step: () => Promise<T>, fallback: T) => unlessStoreDown(logger, what, step, fallback);

  /** Personal conversations are where reminders go; remember them (and the email once, from the roster). */
  async function remember(turn: TeamsTurn): Promise<void> {
    if (!isPersonal(turn)) return;
    const known = await users.get(turn.activity.from.id);
    const email = known?.emailChecked ? undefined : await turn.senderEmail();
    await users.save(turn.activity.from, turn.reference(), { email, now: clock() });
  }

  async function welcome(turn: TeamsTurn): Promise<void> {
    const key = turn.activity.conversation.id;
    const first = await goOn('welcomed', async () => {
      if (await options.welcomed.get(key)) return false;
      await options.welcomed.set(key, true, WELCOME_TTL_MS);
      return true;
    }, true);
    if (!first) return;
    await goOn('remember', () => remember(turn), undefined);
    await turn.send(welcomeActivity({ inChannel: !isPersonal(turn) }));
  }

  async function onText(turn: TeamsTurn, raw: string): Promise<void> {
    await goOn('remember', () => remember(turn), undefined);
    // Teams' own syntax goes here, in the door: <at>…</at> mentions, HTML and entities; words stay.
    const text = normaliseTeamsText(raw) || 'help';
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
    // The user's own zone (localTimezone / clientInfo), so "next week" is their next week.
    // The activity's locale ("en-GB") decides how "4/12" reads (src/understand/date-order.ts).
    const zone = teamsTimeZone(a, options.timeZone);
    // Scale-out: a worker answers; this turn ends here and is acknowledged.
    if (options.answerQueue) return queueAnswer(turn, input, zone);
    const question = { text, conversation: a.conversation, fromId: a.from.id, user: teamsActor(turn, options.deskTeamId), timeZone: zone, locale: a.locale };
    await answerTeamsMessage(answering, question, (activity) => turn.send(activity));
  }

  /**
   * The job holds what the worker needs to answer and send (teams-answer-queue.ts). When the
   * queue cannot take it (Redis down or slow) the user is told at once, as Slack's door does.
   */
  async function queueAnswer(turn: TeamsTurn, input: TeamsMessageInput, timeZone: string): Promise<void> {
    const a = turn.activity;
    try {
      await options.answerQueue!.enqueue({
        ref: turn.reference(), replyToId: a.id, tenantId: input.tenantId,
        from: { id: a.from.id, ...(a.from.aadObjectId ? { aadObjectId: a.from.aadObjectId } : {}) },
        conversationType: a.conversation.conversationType ?? 'personal', authenticated: turn.authenticated,
        text: input.text, timeZone, ...(a.locale ? { locale: a.locale } : {}),
      });
    } catch (error) {
      const e = asAdvisorError(error);
      logger.error({ err: { code: e.code, name: e.name } }, 'Teams answer not queued');
      await turn.send({ type: 'message', text: FALLBACK.somethingWentWrong(options.copy((iso) => iso).contact) });
    }
  }

  async function onInvoke(turn: TeamsTurn): Promise<void> {
    if (options.feedback && (await options.feedback.onInvoke(turn))) return;
    if (turn.activity.name === 'adaptiveCard/action') return cardActions.onExecute(turn);
    await turn.invokeResponse(501);
  }

  async function replyWithError(turn: TeamsTurn, error: unknown): Promise<void> {
    if (error instanceof AdvisorError && error.code === 'INPUT_INVALID') {
      await turn.send({ type: 'message', text: error.message });
      return;
    }
    if (error instanceof StoreUnavailableError) {
      // A trip, acknowledgement or snooze that was not saved is never confirmed.
      logger.warn({ activityType: turn.activity.type }, 'teams turn failed: store unavailable');
      await turn.send({ type: 'message', text: error.userMessage });
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
          const key = activityClaimKey(a);
          if (options.seen && key && !(await claim(options.seen as Keyv, key, SEEN_TTL_MS, clock))) {
            logger.debug('duplicate Teams message ignored');
            return;
          }
          const action = a.value !== undefined ? parseCardAction(a.value) : null;
          if (action) await cardActions.onSubmit(turn, action);
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
