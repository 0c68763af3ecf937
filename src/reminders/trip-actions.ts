/**
 * The one authorisation rule for a trip's buttons, and what Snooze may do. Every door
 * (Slack, Teams, web) reaches acknowledge/snooze through the reminder service, which
 * applies these before it changes anything: only the trip's traveller, matched by the
 * platform and user id recorded on the trip, or a travel-desk member their door vouches
 * for, may act; a button value (client data) never decides who that is. Snooze re-arms a
 * delivered reminder once and postpones a pending one; an acknowledged, failed or
 * cancelled reminder stays as it is.
 */
import { TripActionError } from '../errors.js';
import type { ReminderRecord, TripRecord } from './trip-records.js';
import type { TravellerRef, TripActor } from './types.js';

/** The recorded traveller is this chat user (platform + user id; an email-only traveller matches nobody). */
export function isTripTraveller(traveller: TravellerRef, actor: TripActor): boolean {
  if (!('platform' in traveller) || traveller.platform !== actor.platform) return false;
  return traveller.userId === actor.userId || (actor.otherIds ?? []).includes(traveller.userId);
}

/** Throws TripActionError('not-allowed') unless the actor is the trip's traveller or a desk member. */
export async function authorizeTripAction(trip: Pick<TripRecord, 'traveller'>, actor: TripActor): Promise<void> {
  if (isTripTraveller(trip.traveller, actor)) return;
  // A failed membership lookup is not a yes.
  if (actor.isDeskMember && (await actor.isDeskMember().catch(() => false))) return;
  throw new TripActionError('not-allowed', "Only the traveller or the travel desk can change this trip's reminders. Nothing was changed.");
}

/**
 * What Snooze does to this reminder: `rearm` a delivered one (one more delivery at the new
 * time; the reminder is then pending, so pressing again only postpones), `postpone` one
 * not yet delivered. Throws TripActionError('not-possible') for anything else.
 */
export function snoozeEffect(trip: Pick<TripRecord, 'cancelledAt'>, r: ReminderRecord): 'rearm' | 'postpone' {
  const refuse = (message: string) => new TripActionError('not-possible', `${message} Nothing was changed.`);
  if (trip.cancelledAt || r.status === 'cancelled') throw refuse('This trip was cancelled, so there is nothing to snooze.');
  if (r.acknowledgedAt || r.status === 'acknowledged') throw refuse('This checklist was already marked as done, so there is nothing to snooze.');
  if (r.status === 'failed') throw refuse('This reminder could not be delivered, so there is nothing to snooze; ask the travel desk to plan the trip again.');
  if (r.status === 'sending') throw refuse('This reminder is being delivered right now; try again in a minute.');
  return r.status === 'sent' ? 'rearm' : 'postpone';
}
