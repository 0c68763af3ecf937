/**
 * Which trips a content change concerns: current or upcoming (the return, or the start
 * when there is no return, is today or later in DEFAULT_TIMEZONE), not cancelled, not
 * expired, going to a destination that changed. Shared by the alert pass and
 * content:diff's impact count, so both count the same trips.
 */
import type { TripRecord } from '../reminders/trip-records.js';

/** True for a trip a content change still concerns: not cancelled, not expired, not yet over. */
export function isCurrentOrUpcoming(trip: TripRecord, today: string, now: Date): boolean {
  return !trip.cancelledAt && Date.parse(trip.expiresAt) > now.getTime() && (trip.end ?? trip.start) >= today;
}

/** The current or upcoming trips going to any of `codes`, by start date then id. */
export async function tripsTo(trips: AsyncIterable<TripRecord>, codes: Set<string>, today: string, now: Date): Promise<TripRecord[]> {
  const out: TripRecord[] = [];
  for await (const t of trips) if (isCurrentOrUpcoming(t, today, now) && t.destinations.some((c) => codes.has(c))) out.push(t);
  return out.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
}
