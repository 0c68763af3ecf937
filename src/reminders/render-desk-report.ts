/**
 * The travel desk's view, as plain text (Slack mrkdwn-safe, Teams text): pure, so the
 * Slack and Teams commands and tests render the same thing. Shows who travels where
 * and what happened to each reminder; never message text.
 */
import type { TravellerRef, TripView } from './types.js';

export function travellerLabel(t: TravellerRef): string {
  if ('platform' in t) return t.platform === 'slack' ? `<@${t.userId}>` : `${t.platform} user ${t.userId}`;
  return t.email;
}

function briefingState(trip: TripView): string {
  if (trip.acknowledgedAt) return `acknowledged ${trip.acknowledgedAt.slice(0, 10)}`;
  const b = trip.reminders.find((r) => r.kind === 'briefing');
  if (!b) return 'no briefing';
  if (b.status === 'failed') return `briefing failed: ${b.reason ?? 'unknown reason'}`;
  if (b.status === 'scheduled') return `briefing due ${b.dueAt.slice(0, 16).replace('T', ' ')} UTC`;
  return `briefing ${b.status}`;
}

/** One line per trip: traveller, destinations, dates, briefing state, failures. */
export function renderTripLine(trip: TripView): string {
  const failed = trip.reminders.filter((r) => r.status === 'failed' && r.kind !== 'briefing');
  const extra = failed.length ? `; ${failed.map((r) => `${r.kind} failed: ${r.reason ?? 'unknown'}`).join('; ')}` : '';
  return `• ${travellerLabel(trip.traveller)}: ${trip.destinations.join(', ')} ${trip.start}..${trip.end ?? '?'}: ${briefingState(trip)}${extra}`;
}

export function renderTripList(trips: TripView[], limit = 40): string {
  if (!trips.length) return 'No trips are scheduled.';
  const lines = trips.slice(0, limit).map(renderTripLine);
  if (trips.length > limit) lines.push(`…and ${trips.length - limit} more (GET /api/trips for all).`);
  return `Trips (${trips.length}):\n${lines.join('\n')}`;
}

/** Counts, then the trips that need the desk's attention (failed, or sent but not acknowledged). */
export function renderDeskReport(trips: TripView[], limit = 30): string {
  const has = (t: TripView, s: string) => t.reminders.some((r) => r.status === s);
  const sent = trips.filter((t) => t.reminders.some((r) => r.kind === 'briefing' && (r.status === 'sent' || r.status === 'acknowledged')));
  const acknowledged = trips.filter((t) => t.acknowledgedAt);
  const failed = trips.filter((t) => has(t, 'failed'));
  const waiting = sent.filter((t) => !t.acknowledgedAt);
  const lines = [
    `Travel desk report: ${trips.length} trips, briefing sent ${sent.length}, acknowledged ${acknowledged.length}, failed ${failed.length}.`,
  ];
  if (failed.length) lines.push('*Failed*', ...failed.slice(0, limit).map(renderTripLine));
  if (waiting.length) lines.push('*Briefed, not yet acknowledged*', ...waiting.slice(0, limit).map(renderTripLine));
  return lines.join('\n');
}
