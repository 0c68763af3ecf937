/**
 * The travel desk's view, as text: pure, so the Slack and Teams commands and tests
 * render the same thing. Shows who travels where and what happened to each reminder;
 * never message text. Everything a door writes its own way goes through its
 * `DeskTextFormat`: stored strings (emails, user ids, failure reasons from platform APIs)
 * made inert in its markup, people (a Slack mention is written by the Slack door alone),
 * emphasis, commands and times.
 */
import type { Platform, TravellerRef, TripView } from './types.js';

/** How a door writes into its markup. */
export interface DeskTextFormat {
  /** Makes a stored string inert in the door's markup (Slack: escapeMrkdwn). */
  escape(text: string): string;
  /** A chat user, as the door names them (Slack: a mention for its own users). */
  user(platform: Platform, userId: string): string;
  /** Emphasis (Slack: *x*; Markdown: **x**). */
  bold(text: string): string;
  /** Something to type, such as a command (Slack: `x`). */
  code(text: string): string;
  /** An instant (ISO 8601) in the reader's zone; default "YYYY-MM-DD HH:MM UTC". */
  instant?(iso: string): string;
}

/** Plain text with no markup at all (tests, logs). */
export const PLAIN_DESK_FORMAT: DeskTextFormat = {
  escape: (text) => text,
  user: (platform, userId) => `${platform} user ${userId}`,
  bold: (text) => text,
  code: (text) => text,
};

export function travellerLabel(t: TravellerRef, format: DeskTextFormat = PLAIN_DESK_FORMAT): string {
  return 'platform' in t ? format.user(t.platform, t.userId) : format.escape(t.email);
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
  if (failed.length) lines.push(format.bold('Failed'), ...failed.slice(0, limit).map((t) => renderTripLine(t, format)));
  if (waiting.length) lines.push(format.bold('Briefed, not yet acknowledged'), ...waiting.slice(0, limit).map((t) => renderTripLine(t, format)));
  return lines.join('\n');
}
