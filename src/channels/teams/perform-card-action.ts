/**
 * What a button on one of our cards does, whichever way it arrived (an Action.Execute
 * invoke, or the Action.Submit an older client falls back to): "Remind me before I go",
 * "I've done the checklist" and "Snooze" go to the one trip-action handler every door uses
 * (src/conversation/act-on-trip.ts); "Full checklist" / "Why this level" look the details up
 * again (no summary, so no model call). The result says what the card should now show and
 * what to tell the presser; the two callers (create-card-action-handler.ts) decide where.
 *
 * The acting user is the activity's sender (never the card's data); the reminders port
 * refuses anyone but the trip's traveller or, on an authenticated turn, a member of the
 * travel desk team (TripActionError, with nothing changed). Due times and snooze times are
 * written in the presser's own zone (teams-time-zone.ts).
 */
import type { Advisor } from '../../advisor/create-advisor.js';
import type { Answer } from '../../advisor/answer.js';
import type { ActOnTrip, TripAction } from '../../conversation/act-on-trip.js';
import type { TurnUser } from '../../conversation/types.js';
import { FALLBACK, STATUS_LINES, noticeWords, type CopyFormat } from '../../render/copy.js';
import { formatLocalTime } from '../../render/local-time.js';
import type { CardAction } from './card-actions.js';
import type { CardState } from './render/answer-to-adaptive-card.js';
import type { TeamsAccount, TeamsTurn } from './teams-port.js';
import { teamsTimeZone } from './teams-time-zone.js';
import { travellerId, type TeamsUserStore } from './teams-user-store.js';

/** What a button needs: the core (advisor, the one trip-action handler), the stored chats, and who may act for others. */
export interface PerformDeps {
  advisor: Advisor;
  /** The one handler for trip buttons in every door (src/conversation/act-on-trip.ts). */
  act: ActOnTrip;
  /** How notices are worded here: country names, the contact, times in the presser's zone. */
  copy: (instant: (iso: string) => string) => CopyFormat;
  users: TeamsUserStore;
  /** TEAMS_TRAVEL_DESK_TEAM_ID: its members may act on other people's trips, on authenticated turns only. */
  deskTeamId?: string;
  /** DEFAULT_TIMEZONE, for a turn that does not say the user's zone. */
  timeZone?: string;
  /** TEAMS_GRAPH_INSTALL: the bot installs itself for a traveller it has no chat with, so nobody needs to open it first. */
  proactiveInstall?: boolean;
}

/** A button other than the card's own refresh. */
export type ButtonAction = Exclude<CardAction, { ta: 'view' }>;

/** What the card should show now and what to tell the presser; where it is shown is the caller's choice. */
export type CardOutcome =
  /** The answer card (these destinations and dates) now shows `state`; `reply` says it in words. */
  | { type: 'answer'; countries: string[]; start: string | null; end: string | null; state: CardState; reply: string }
  /** The reminder card is replaced by this status line, so its buttons cannot be pressed twice. */
  | { type: 'status'; status: string; reply: string }
  /** Nothing on the card changes. */
  | { type: 'reply'; reply: string }
  /** Show part `page` of the details of `answer` (built without a summary). */
  | { type: 'details'; kind: 'checklist' | 'why'; answer: Answer; page: number };

/** A personal (1:1) chat has one reader, so its card may change for everyone. */
export const isPersonal = (turn: TeamsTurn) => (turn.activity.conversation.conversationType ?? 'personal') === 'personal';

/** The presser, under the id trips are filed by (and their 29: id, which desk @mentions record); desk-team members act for others on authenticated turns only. */
export function teamsActor(turn: TeamsTurn, deskTeamId: string | undefined): TurnUser {
  return teamsActorOf(turn.activity.from, deskTeamId && turn.authenticated ? () => turn.senderInTeam(deskTeamId) : undefined);
}

/** The same actor without a turn (the Teams answer worker): `isDeskMember` given only for an authenticated asker and a desk team. */
export function teamsActorOf(from: TeamsAccount, isDeskMember?: () => Promise<boolean>): TurnUser {
  return { platform: 'teams', userId: travellerId(from), otherIds: [from.id], ...(isDeskMember ? { isDeskMember } : {}) };
}

/** The card's button as the one handler's action. */
function tripAction(action: Exclude<ButtonAction, { ta: 'details' }>): TripAction {
  if (action.ta === 'remind') return { kind: 'remind', destinations: action.countries, start: action.start, end: action.end };
  if (action.ta === 'ack') return { kind: 'acknowledge', ...(action.tripId ? { tripId: action.tripId } : {}), ...(action.reminderId ? { reminderId: action.reminderId } : {}) };
  return { kind: 'snooze', tripId: action.tripId, reminderId: action.reminderId };
}

/** How Teams shows a tone: the icon before a status line that replaces a reminder card. */
const ICONS = { done: '✅ ', snoozed: '⏰ ' } as const;

/** Returns what the button did; a refusal or an unsaved write is a reply, with the card left as it was. */
export function createPerformCardAction(deps: PerformDeps): (turn: TeamsTurn, action: ButtonAction) => Promise<CardOutcome> {
  const { advisor, users } = deps;

  return async (turn, action) => {
    if (action.ta === 'details') {
      // Codes come back from the client: only places the content base knows are looked up.
      const codes = action.countries.filter((c) => advisor.content.world.has(c));
      if (!codes.length) return { type: 'reply', reply: FALLBACK.buttonGone };
      return { type: 'details', kind: action.kind, answer: await advisor.answerForCountries(codes, { summary: false }), page: action.page ?? 1 };
    }
    const zone = teamsTimeZone(turn.activity, deps.timeZone ?? 'UTC');
    const format = deps.copy((iso) => formatLocalTime(iso, zone));
    const outcome = await deps.act(teamsActor(turn, deps.deskTeamId), tripAction(action));
    const reply = noticeWords(outcome.notice, format).text;
    if (outcome.kind === 'planned') {
      const { trip } = outcome;
      const due = trip.reminders.filter((r) => r.status === 'scheduled').map((r) => ({ kind: r.kind, dueAt: r.dueAt }));
      // Reminders go to the personal chat; without one (and without proactive installation) the presser must open it once.
      const reachable = deps.proactiveInstall === true || isPersonal(turn) || (await users.get(turn.activity.from.id)) !== null;
      const note = reachable ? undefined : 'Reminders arrive in your personal chat with me: open it once (Apps > Travel advisor) so I can reach you.';
      const state: CardState = { reminders: { tripId: trip.id, due }, timeZone: zone, ...(note ? { note } : {}) };
      return { type: 'answer', countries: trip.destinations, start: trip.start, end: trip.end, state, reply: note ? `${reply} ${note}` : reply };
    }
    if (outcome.kind === 'acknowledged' && action.ta === 'ack') {
      if (action.reminderId) return { type: 'status', status: `${ICONS.done}${STATUS_LINES.acknowledged(outcome.at)}`, reply };
      const state: CardState = { acknowledgedAt: outcome.at, ...(outcome.trip ? { reminders: { tripId: outcome.trip.id, due: [] } } : {}) };
      return action.countries.length ? { type: 'answer', countries: action.countries, start: action.start, end: action.end, state, reply } : { type: 'reply', reply };
    }
    if (outcome.kind === 'snoozed') return { type: 'status', status: `${ICONS.snoozed}${reply}`, reply };
    return { type: 'reply', reply };
  };
}
