/**
 * The dates any trip may have, whichever way it is planned: the HTTP API and desk commands
 * (plan-desk-trip.ts, checked before the destinations), a CSV import (parse-trips-csv.ts,
 * every row before anything is imported), and every trip the reminder service creates
 * (create-reminder-service.ts: "remind me" messages, the Slack, Teams and playground
 * buttons). Trip data is kept until after the end, so an end in the year 9999 would keep a
 * person's travel for millennia, and a start in 1900 plans reminders for nobody.
 * MUST stay in sync with docs/reminders.md ("HTTP API").
 */
import type { Config } from '../config.js';
import { isoDay } from '../understand/calendar.js';

/** How far back a trip may start: a booking tool may register a trip already under way. */
export const START_GRACE_DAYS = 30;

export interface TripDateLimits {
  /** Today's date (YYYY-MM-DD) in the server's DEFAULT_TIMEZONE. */
  today: string;
  /** TRIP_HORIZON_DAYS: the latest end, counted from today. */
  horizonDays: number;
  /** TRIP_MAX_DAYS: the longest trip, start and end included. */
  maxDays: number;
}

/** The settings the limits come from: DEFAULT_TIMEZONE (what "today" is), TRIP_HORIZON_DAYS and TRIP_MAX_DAYS. */
export type TripDateSettings = Pick<Config, 'DEFAULT_TIMEZONE' | 'TRIP_HORIZON_DAYS' | 'TRIP_MAX_DAYS'>;

/** The limits in force at `now`. */
export const tripDateLimits = (settings: TripDateSettings, now: Date): TripDateLimits => ({
  today: isoDay(now, settings.DEFAULT_TIMEZONE),
  horizonDays: settings.TRIP_HORIZON_DAYS,
  maxDays: settings.TRIP_MAX_DAYS,
});

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * Dates a booking tool may send: trip data is kept until after the end, so an end in
 * the year 9999 would keep a person's travel for millennia. One line per problem,
 * "field: what was expected", like the schema's; [] when the dates are fine.
 */
export function checkTripDates(trip: { start: string; end: string | null }, limits: TripDateLimits): string[] {
  const today = dayNumber(limits.today);
  const start = dayNumber(trip.start);
  const end = dayNumber(trip.end ?? trip.start);
  if (Number.isNaN(start) || Number.isNaN(end)) return [];
  const problems: string[] = [];
  if (end < start) problems.push('end: a date on or after start');
  if (start < today - START_GRACE_DAYS) problems.push(`start: a date at most ${START_GRACE_DAYS} days before today (${limits.today})`);
  if (end > today + limits.horizonDays) problems.push(`end: a date at most ${limits.horizonDays} days after today (${limits.today}; TRIP_HORIZON_DAYS)`);
  if (end - start + 1 > limits.maxDays) problems.push(`end: a trip of at most ${limits.maxDays} days (TRIP_MAX_DAYS)`);
  return problems;
}
