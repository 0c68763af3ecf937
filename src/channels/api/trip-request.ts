/**
 * The travel-desk HTTP API's request and response shapes. The body is checked with
 * zod and every problem is listed at once; destinations may be ISO codes or names.
 * MUST stay in sync with docs/reminders.md ("HTTP API").
 */
import { z } from 'zod';
import type { NewTrip, TravellerRef, TripView } from '../../reminders/types.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const tripRequestSchema = z
  .object({
    traveller: z.union([
      // RFC 5321: a path holds at most 254 characters, a local part at most 64.
      z.object({ email: z.email('an email address').max(254, 'an email address of at most 254 characters').refine((e) => e.indexOf('@') <= 64, 'an email address whose part before "@" has at most 64 characters') }).strict(),
      z.object({ slackUserId: z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'a Slack user id such as U0123ABCD') }).strict(),
      z.object({ teamsUserId: z.string().regex(/^29:\S+$/, 'a Teams user id starting with "29:"') }).strict(),
    ], { error: 'one of { "email" }, { "slackUserId" } or { "teamsUserId" }' }),
    destinations: z.array(z.string().trim().min(1).max(80)).min(1, 'at least one destination').max(20),
    start: date,
    end: date,
  })
  // The dates' bounds, end not before start among them, are checked with every other way of
  // planning a trip (planDeskTrip → check-trip-dates.ts), in the same words.
  .strict();

export type TripRequest = z.infer<typeof tripRequestSchema>;

export { START_GRACE_DAYS, checkTripDates, type TripDateLimits } from '../../reminders/check-trip-dates.js';

export function travellerFromRequest(t: TripRequest['traveller']): TravellerRef {
  if ('email' in t) return { email: t.email };
  if ('slackUserId' in t) return { platform: 'slack', userId: t.slackUserId };
  return { platform: 'teams', userId: t.teamsUserId };
}

/** A traveller as the API shows it (trips and alerts). */
export function travellerToJson(t: TravellerRef) {
  if (!('platform' in t)) return { email: t.email };
  return t.platform === 'slack' ? { slackUserId: t.userId } : t.platform === 'teams' ? { teamsUserId: t.userId } : { webUserId: t.userId };
}

/** The response body for one trip. */
export function tripToJson(trip: TripView) {
  return {
    id: trip.id,
    traveller: travellerToJson(trip.traveller),
    destinations: trip.destinations,
    start: trip.start,
    end: trip.end,
    source: trip.source,
    acknowledgedAt: trip.acknowledgedAt,
    reminders: trip.reminders.map((r) => ({ id: r.id, kind: r.kind, dueAt: r.dueAt, status: r.status, ...(r.reason ? { reason: r.reason } : {}) })),
  };
}

export type NewTripFromRequest = Omit<NewTrip, 'destinations'>;
