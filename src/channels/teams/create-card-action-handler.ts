/**
 * What the buttons on our cards do: "Remind me before I go" creates a trip, "I've done
 * the checklist" acknowledges, "Snooze" postpones a reminder, each through the
 * reminders port; then the card the button was on is updated so it shows the outcome.
 * "Full checklist" and "Why this level" on a card too large to hold them send the
 * details as follow-up cards, rebuilt from content (no summary, so no model call).
 * The acting user is the activity's sender (never the card's data); the reminders port
 * refuses anyone but the trip's traveller or, on an authenticated turn, a member of the
 * travel desk team, and the refusal is shown as the reply, with the card left as it was.
 * Due times and snooze times are written in the presser's own zone (teams-time-zone.ts).
 */
import type { Logger } from 'pino';
import type { Advisor } from '../../advisor/create-advisor.js';
import { TripActionError } from '../../errors.js';
import type { ReminderService, TripActor } from '../../reminders/types.js';
import type { CardAction } from './card-actions.js';
import { answerToActivity } from './render/answer-to-activity.js';
import { detailsActivities } from './render/details-activities.js';
import { statusActivity } from './render/status-activity.js';
import { formatLocalTime } from '../../render/local-time.js';
import type { TeamsTurn } from './teams-port.js';
import { teamsTimeZone } from './teams-time-zone.js';
import { travellerId, type TeamsUserStore } from './teams-user-store.js';

export interface CardActionDeps {
  advisor: Advisor;
  reminders: ReminderService;
  users: TeamsUserStore;
  clock: () => Date;
  logger: Logger;
  /** TEAMS_TRAVEL_DESK_TEAM_ID: its members may act on other people's trips, on authenticated turns only. */
  deskTeamId?: string;
  /** DEFAULT_TIMEZONE, for a turn that does not say the user's zone. */
  timeZone?: string;
}

export function createCardActionHandler(deps: CardActionDeps): (turn: TeamsTurn, action: CardAction) => Promise<void> {
  const { advisor, reminders, users, clock, logger } = deps;
  const isPersonal = (turn: TeamsTurn) => (turn.activity.conversation.conversationType ?? 'personal') === 'personal';
  /** The sender, under the id trips are filed by (and their 29: id, which desk @mentions record). */
  const traveller = (turn: TeamsTurn): TripActor => {
    const from = turn.activity.from;
    const desk = deps.deskTeamId;
    return {
      platform: 'teams',
      userId: travellerId(from),
      otherIds: [from.id],
      ...(desk && turn.authenticated ? { isDeskMember: () => turn.senderInTeam(desk) } : {}),
    };
  };

  /** Re-renders the card the button was on, with what just happened; a stale or deleted card is not an error. */
  async function updateCard(turn: TeamsTurn, action: Extract<CardAction, { ta: 'remind' | 'ack' }>, state: Parameters<typeof answerToActivity>[1]): Promise<void> {
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

  /** Replaces a reminder card with its outcome, so its buttons are gone. */
  async function replaceReminderCard(turn: TeamsTurn, status: string): Promise<void> {
    const id = turn.activity.replyToId;
    if (!id) return;
    try {
      await turn.update(statusActivity(status, id) as Parameters<TeamsTurn['update']>[0]);
    } catch (error) {
      logger.warn({ err: error }, 'teams card update failed');
    }
  }

  async function onCardAction(turn: TeamsTurn, action: CardAction): Promise<void> {
    try {
      await act(turn, action);
    } catch (error) {
      if (!(error instanceof TripActionError)) throw error;
      await turn.send({ type: 'message', text: error.message });
    }
  }

  async function act(turn: TeamsTurn, action: CardAction): Promise<void> {
    if (action.ta === 'details') {
      // Codes come back from the client: only places the content base knows are looked up.
      const codes = action.countries.filter((c) => advisor.content.world.has(c));
      if (!codes.length) return void (await turn.send({ type: 'message', text: 'That button no longer works; ask about the trip again.' }));
      const answer = await advisor.answerForCountries(codes, { summary: false });
      for (const activity of detailsActivities(action.kind, answer)) await turn.send(activity);
      return;
    }
    const who = traveller(turn);
    // Times are written in the presser's own zone (teams-time-zone.ts).
    const zone = teamsTimeZone(turn.activity, deps.timeZone ?? 'UTC');
    if (action.ta === 'remind') {
      const trip = await reminders.createTrip({
        traveller: { platform: who.platform, userId: who.userId },
        destinations: action.countries,
        start: action.start,
        end: action.end,
        createdBy: `teams:${travellerId(turn.activity.from)}`,
        source: 'button',
        idempotencyKey: `teams:${turn.activity.replyToId ?? turn.activity.id ?? ''}:${travellerId(turn.activity.from)}`,
      });
      const due = trip.reminders.filter((r) => r.status === 'scheduled').map((r) => ({ kind: r.kind, dueAt: r.dueAt }));
      await updateCard(turn, action, { state: { reminders: { tripId: trip.id, due }, timeZone: zone } });
      const list = due.map((r) => `${r.kind} on ${formatLocalTime(r.dueAt, zone)}`).join(', ');
      // Reminders go to the personal chat; someone who only ever used the bot in a channel has none yet.
      const reachable = isPersonal(turn) || (await users.get(turn.activity.from.id)) !== null;
      await turn.send({
        type: 'message',
        text: `Done: I will remind you before your trip on ${action.start}${list ? ` (${list})` : ''}.${reachable ? '' : ' Reminders arrive in your personal chat with me: open it once (Apps > Travel advisor) so I can reach you.'}`,
      });
      return;
    }
    if (action.ta === 'ack') {
      const trip = await reminders.acknowledge({ tripId: action.tripId, reminderId: action.reminderId, traveller: who });
      const at = trip?.acknowledgedAt ?? clock().toISOString();
      if (action.reminderId) await replaceReminderCard(turn, `✅ Checklist done (recorded ${at.slice(0, 10)}).`);
      else await updateCard(turn, action, { state: { acknowledgedAt: at, ...(trip ? { reminders: { tripId: trip.id, due: [] } } : {}) } });
      await turn.send({
        type: 'message',
        text: trip
          ? `Thanks: recorded that you have done the checklist for your trip to ${trip.destinations.join(', ')} (${trip.start}).`
          : 'Thanks: noted that you have done the checklist. You have no trip with reminders; press "Remind me before I go" on an answer to get them.',
      });
      return;
    }
    const until = new Date(clock().getTime() + action.hours * 3600_000);
    const trip = await reminders.snooze({ tripId: action.tripId, reminderId: action.reminderId, until, traveller: who });
    if (trip) await replaceReminderCard(turn, `⏰ Snoozed until ${formatLocalTime(until, zone)}.`);
    await turn.send({
      type: 'message',
      text: trip ? `OK, I will remind you again on ${formatLocalTime(until, zone)}.` : 'That reminder no longer exists; nothing to snooze.',
    });
  }

  return onCardAction;
}
