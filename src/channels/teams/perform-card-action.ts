/**
 * What a button on one of our cards does, whichever way it arrived (an Action.Execute
 * invoke, or the Action.Submit an older client falls back to): "Remind me before I go"
 * creates a trip, "I've done the checklist" acknowledges, "Snooze" postpones a reminder,
 * each through the reminders port; "Full checklist" / "Why this level" look the details up
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
import type { ReminderService, TripActor } from '../../reminders/types.js';
import { formatLocalTime } from '../../render/local-time.js';
import type { CardAction } from './card-actions.js';
import type { CardState } from './render/answer-to-adaptive-card.js';
import type { TeamsTurn } from './teams-port.js';
import { teamsTimeZone } from './teams-time-zone.js';
import { travellerId, type TeamsUserStore } from './teams-user-store.js';

/** What a button needs: the core (advisor, reminders), the stored chats, and who may act for others. */
export interface PerformDeps {
  advisor: Advisor;
  reminders: ReminderService;
  users: TeamsUserStore;
  clock: () => Date;
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

/** Returns what the button did; throws TripActionError when the presser may not do it. */
export function createPerformCardAction(deps: PerformDeps): (turn: TeamsTurn, action: ButtonAction) => Promise<CardOutcome> {
  const { advisor, reminders, users, clock } = deps;
  /** The sender, under the id trips are filed by (and their 29: id, which desk @mentions record). */
  const actor = (turn: TeamsTurn): TripActor => {
    const from = turn.activity.from;
    const desk = deps.deskTeamId;
    return {
      platform: 'teams',
      userId: travellerId(from),
      otherIds: [from.id],
      ...(desk && turn.authenticated ? { isDeskMember: () => turn.senderInTeam(desk) } : {}),
    };
  };

  return async (turn, action) => {
    if (action.ta === 'details') {
      // Codes come back from the client: only places the content base knows are looked up.
      const codes = action.countries.filter((c) => advisor.content.world.has(c));
      if (!codes.length) return { type: 'reply', reply: 'That button no longer works; ask about the trip again.' };
      return { type: 'details', kind: action.kind, answer: await advisor.answerForCountries(codes, { summary: false }), page: action.page ?? 1 };
    }
    const who = actor(turn);
    const zone = teamsTimeZone(turn.activity, deps.timeZone ?? 'UTC');
    if (action.ta === 'remind') {
      const trip = await reminders.createTrip({
        traveller: { platform: who.platform, userId: who.userId },
        destinations: action.countries,
        start: action.start,
        end: action.end,
        createdBy: `teams:${who.userId}`,
        source: 'button',
        idempotencyKey: `teams:${turn.activity.replyToId ?? turn.activity.id ?? ''}:${who.userId}`,
      });
      const due = trip.reminders.filter((r) => r.status === 'scheduled').map((r) => ({ kind: r.kind, dueAt: r.dueAt }));
      const list = due.map((r) => `${r.kind} on ${formatLocalTime(r.dueAt, zone)}`).join(', ');
      // Reminders go to the personal chat; without one (and without proactive installation) the presser must open it once.
      const reachable = deps.proactiveInstall === true || isPersonal(turn) || (await users.get(turn.activity.from.id)) !== null;
      const note = reachable ? undefined : 'Reminders arrive in your personal chat with me: open it once (Apps > Travel advisor) so I can reach you.';
      return {
        type: 'answer',
        countries: action.countries,
        start: action.start,
        end: action.end,
        state: { reminders: { tripId: trip.id, due }, timeZone: zone, ...(note ? { note } : {}) },
        reply: `Done: I will remind you before your trip on ${action.start}${list ? ` (${list})` : ''}.${note ? ` ${note}` : ''}`,
      };
    }
    if (action.ta === 'ack') {
      const trip = await reminders.acknowledge({ tripId: action.tripId, reminderId: action.reminderId, traveller: who });
      const at = trip?.acknowledgedAt ?? clock().toISOString();
      const reply = trip
        ? `Thanks: recorded that you have done the checklist for your trip to ${trip.destinations.join(', ')} (${trip.start}).`
        : 'Thanks: noted that you have done the checklist. You have no trip with reminders; press "Remind me before I go" on an answer to get them.';
      // MUST stay in sync with web/act-on-button.ts (teamsStatusLines.acknowledged).
      if (action.reminderId) return { type: 'status', status: `✅ Checklist done (recorded ${at.slice(0, 10)}).`, reply };
      const state: CardState = { acknowledgedAt: at, ...(trip ? { reminders: { tripId: trip.id, due: [] } } : {}) };
      return action.countries.length ? { type: 'answer', countries: action.countries, start: action.start, end: action.end, state, reply } : { type: 'reply', reply };
    }
    const until = new Date(clock().getTime() + action.hours * 3600_000);
    const trip = await reminders.snooze({ tripId: action.tripId, reminderId: action.reminderId, until, traveller: who });
    if (!trip) return { type: 'reply', reply: 'That reminder no longer exists; nothing to snooze.' };
    // MUST stay in sync with web/act-on-button.ts (teamsStatusLines.snoozed).
    return { type: 'status', status: `⏰ Snoozed until ${formatLocalTime(until, zone)}.`, reply: `OK, I will remind you again on ${formatLocalTime(until, zone)}.` };
  };
}
