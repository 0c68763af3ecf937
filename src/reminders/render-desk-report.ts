/**
 * The travel desk's view, as text: pure, so the Slack and Teams commands and tests
 * render the same thing. Shows who travels where and what happened to each reminder;
 * never message text. Stored strings (emails, user ids, failure reasons from platform
 * APIs) go through the door's `DeskTextFormat`, so Slack's `&`, `<`, `>` never act as
 * markup and a Slack mention is written by the Slack door alone.
 */
import type { TravellerRef, TripView } from './types.js';

/** How a door writes stored strings into its markup. */
export interface DeskTextFormat {
  /** Makes a stored string inert in the door's markup (Slack: escapeMrkdwn). */
  escape(text: string): string;
  /** A Slack user, as a mention where the door can render one. */
  slackUser(userId: string): string;
  /** An instant (ISO 8601) in the reader's zone; default "YYYY-MM-DD HH:MM UTC". */
  instant?(iso: string): string;
}

/** Plain text, as the Teams door sends it. */
export const PLAIN_DESK_FORMAT: DeskTextFormat = { escape: (text) => text, slackUser: (userId) => `slack user ${userId}` };

export function travellerLabel(t: TravellerRef, format: DeskTextFormat = PLAIN_DESK_FORMAT): string {
  if ('platform' in t) return t.platform === 'slack' ? format.slackUser(t.userId) : format.escape(`${t.platform} user ${t.userId}`);
  return format.escape(t.email);
}

function briefingState(trip: TripView, format: DeskTextFormat): string {
  if (trip.acknowledgedAt) return `acknowledged ${trip.acknowledgedAt.slice(0, 10)}`;
  const b = trip.reminders.find((r) => r.kind === 'briefing');
  if (!b) return 'no briefing';
  if (b.status === 'failed') return `briefing failed: ${format.escape(b.reason ?? 'unknown reason')}`;
  if (b.status === 'scheduled') return `briefing due ${format.instant ? format.instant(b.dueAt) : `${b.dueAt.slice(0, 16).replace('T', ' ')} UTC`}`;
  return `briefing ${b.status}`;
}

/** One line per trip: traveller, destinations, dates, briefing state, failures. */
export function renderTripLine(trip: TripView, format: DeskTextFormat = PLAIN_DESK_FORMAT): string {
  const failed = trip.reminders.filter((r) => r.status === 'failed' && r.kind !== 'briefing');
  const extra = failed.length ? `; ${failed.map((r) => `${r.kind} failed: ${format.escape(r.reason ?? 'unknown')}`).join('; ')}` : '';
  const where = format.escape(trip.destinations.join(', '));
  return `• ${travellerLabel(trip.traveller, format)}: ${where} ${trip.start}..${trip.end ?? '?'}: ${briefingState(trip, format)}${extra}`;
}

export function renderTripList(trips: TripView[], limit = 40, format: DeskTextFormat = PLAIN_DESK_FORMAT): string {
  if (!trips.length) return 'No trips are scheduled.';
  const lines = trips.slice(0, limit).map((t) => renderTripLine(t, format));
  if (trips.length > limit) lines.push(`…and ${trips.length - limit} more (GET /api/trips for all).`);
  return `Trips (${trips.length}):\n${lines.join('\n')}`;
}

/** Counts, then the trips that need the desk's attention (failed, or sent but not acknowledged). */
export function renderDeskReport(trips: TripView[], limit = 30, format: DeskTextFormat = PLAIN_DESK_FORMAT): string {
  const has = (t: TripView, s: string) => t.reminders.some((r) => r.status === s);
  const sent = trips.filter((t) => t.reminders.some((r) => r.kind === 'briefing' && (r.status === 'sent' || r.status === 'acknowledged')));
  const acknowledged = trips.filter((t) => t.acknowledgedAt);
  const failed = trips.filter((t) => has(t, 'failed'));
  const waiting = sent.filter((t) => !t.acknowledgedAt);
  const lines = [
    `Travel desk report: ${trips.length} trips, briefing sent ${sent.length}, acknowledged ${acknowledged.length}, failed ${failed.length}.`,
  ];
  if (failed.length) lines.push('*Failed*', ...failed.slice(0, limit).map((t) => renderTripLine(t, format)));
  if (waiting.length) lines.push('*Briefed, not yet acknowledged*', ...waiting.slice(0, limit).map((t) => renderTripLine(t, format)));
  return lines.join('\n');
}
