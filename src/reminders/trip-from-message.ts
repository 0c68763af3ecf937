/**
 * "Remind me before my Almaty trip on Dec 8": the traveller's own words become a trip.
 * Pure over the advisor's understanding, so every door (Slack, Teams, web) turns the
 * same message into the same trip.
 */
import type { Understanding } from '../understand/types.js';
import type { NewTrip, TravellerRef } from './types.js';

export type RemindRequest =
  | { kind: 'trip'; trip: NewTrip }
  /** A reminder was asked for, but the message names no destination or no date. */
  | { kind: 'incomplete'; missing: 'destination' | 'date' }
  | { kind: 'not-remind' };

export const REMIND_HINT = 'Tell me where and when, e.g. "remind me before my Almaty trip on Dec 8".';

export function tripFromMessage(u: Understanding, traveller: TravellerRef, createdBy: string, platformKey: string): RemindRequest {
  if (u.intent !== 'remind') return { kind: 'not-remind' };
  const codes = u.places.map((p) => p.countryCode);
  if (!codes.length) return { kind: 'incomplete', missing: 'destination' };
  if (!u.trip?.start) return { kind: 'incomplete', missing: 'date' };
  return {
    kind: 'trip',
    trip: {
      traveller,
      destinations: codes,
      start: u.trip.start,
      end: u.trip.end,
      createdBy,
      source: 'message',
      // The same message twice (an edit, a redelivery) plans one trip.
      idempotencyKey: `message:${platformKey}:${codes.join('+')}:${u.trip.start}:${u.trip.end ?? ''}`,
    },
  };
}
