/**
 * The one handler for the trip buttons of every door: "Remind me before I go" (plans the
 * trip under the same key as a typed "remind me", trip-key.ts), "I've done the checklist"
 * (records it) and "Snooze" (one day, SNOOZE_HOURS, in every door). Slack's block actions,
 * Teams' card actions and the playground's buttons each read their own payload into a
 * TripAction and render the outcome their own way. Who acts is the door's signed user
 * (never a button value); the reminder service applies the one authorisation rule (only
 * the traveller, or a desk member their door vouches for: src/reminders/trip-actions.ts).
 * A refusal or a store that did not take the write is an outcome, never a confirmation.
 */
import { InvalidTripError, StoreUnavailableError, TripActionError } from '../errors.js';
import { SNOOZE_HOURS, type ReminderService, type TripView } from '../reminders/types.js';
import type { ButtonNotice } from './types.js';
import { plannedBy, tripKey } from './trip-key.js';
import type { Notice, TurnUser } from './types.js';

export type TripAction =
  | { kind: 'remind'; destinations: string[]; start: string; end: string | null }
  | { kind: 'acknowledge'; tripId?: string; reminderId?: string }
  | { kind: 'snooze'; tripId: string; reminderId: string };

export type TripActionOutcome =
  | { kind: 'planned'; trip: TripView; notice: Notice }
  /** `at`: when it was recorded (the trip's, or now when the user has no trip). */
  | { kind: 'acknowledged'; trip: TripView | null; at: string; notice: Notice }
  | { kind: 'snoozed'; trip: TripView; until: string; notice: ButtonNotice }
  /** The reminder no longer exists. */
  | { kind: 'gone'; notice: ButtonNotice }
  | { kind: 'not-saved'; notice: Notice }
  /** Not this user's trip ('not-allowed'), nothing left to do ('not-possible'), or dates no trip may have ('invalid'); nothing changed. */
  | { kind: 'refused'; reason: TripActionError['reason'] | 'invalid'; notice: Notice };

export interface TripActionDeps {
  reminders: Pick<ReminderService, 'createTrip' | 'acknowledge' | 'snooze'>;
  clock: () => Date;
}

export type ActOnTrip = (user: TurnUser, action: TripAction, source?: TripView['source']) => Promise<TripActionOutcome>;

export function createActOnTrip(deps: TripActionDeps): ActOnTrip {
  const { reminders, clock } = deps;

  async function act(user: TurnUser, action: TripAction, source: TripView['source']): Promise<TripActionOutcome> {
    if (action.kind === 'remind') {
      const trip = await reminders.createTrip({
        traveller: { platform: user.platform, userId: user.userId },
        destinations: action.destinations,
        start: action.start,
        end: action.end,
        createdBy: plannedBy(user),
        source,
        idempotencyKey: tripKey(user, action.destinations, action.start),
      });
      return { kind: 'planned', trip, notice: { type: 'trip-planned', trip } };
    }
    if (action.kind === 'acknowledge') {
      const trip = await reminders.acknowledge({ ...(action.tripId ? { tripId: action.tripId } : {}), ...(action.reminderId ? { reminderId: action.reminderId } : {}), traveller: user });
      return { kind: 'acknowledged', trip, at: trip?.acknowledgedAt ?? clock().toISOString(), notice: { type: 'acknowledged', trip } };
    }
    const until = new Date(clock().getTime() + SNOOZE_HOURS * 3_600_000).toISOString();
    const trip = await reminders.snooze({ tripId: action.tripId, reminderId: action.reminderId, until: new Date(until), traveller: user });
    if (!trip) return { kind: 'gone', notice: { type: 'gone', what: 'reminder' } };
    return { kind: 'snoozed', trip, until, notice: { type: 'snoozed', until } };
  }

  return async (user, action, source = 'button') => {
    try {
      return await act(user, action, source);
    } catch (error) {
      // Never "saved" when it was not; someone else's trip is refused with nothing changed.
      if (error instanceof StoreUnavailableError) return { kind: 'not-saved', notice: { type: 'not-saved', message: error.userMessage } };
      if (error instanceof TripActionError) return { kind: 'refused', reason: error.reason, notice: { type: 'refused', message: error.message } };
      // The API's refusal, word for word (check-trip-dates.ts): a year-2200 trip is never planned.
      if (error instanceof InvalidTripError) return { kind: 'refused', reason: 'invalid', notice: { type: 'refused', message: error.message } };
      throw error;
    }
  };
}
