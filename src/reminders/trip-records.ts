/**
 * What the reminders store keeps, and how it becomes the port's views. The minimum:
 * a chat user id (an email only until it is resolved), country codes, dates, who
 * created the trip. No names, no message text. Reminder state lives in its own
 * record so two workers delivering two reminders of one trip never overwrite each other.
 */
import type { ReminderKind, ReminderView, TravellerRef, TripView } from './types.js';

export interface TripRecord extends Pick<TripView, 'id' | 'traveller' | 'destinations' | 'start' | 'end' | 'createdBy' | 'source'> {
  createdAt: string;
  expiresAt: string;
  reminderIds: string[];
  cancelledAt?: string;
}

/**
 * One per reminder; also its idempotency record: `sending` is written before the
 * platform is called and `sent` after, so a crash in between is visible on restart.
 */
export interface ReminderRecord {
  id: string;
  tripId: string;
  kind: ReminderKind;
  dueAt: string;
  status: 'scheduled' | 'sending' | 'sent' | 'failed' | 'cancelled' | 'acknowledged';
  /** Bumped by snooze: a new delivery of the same reminder. */
  generation: number;
  attempts: number;
  /** Next attempt after a failure or a 429, when later than dueAt. */
  retryAt?: string;
  reason?: string;
  sentAt?: string;
  acknowledgedAt?: string;
  expiresAt: string;
}

/** The moment the record is next due for an attempt. */
export function nextAttemptAt(r: ReminderRecord): number {
  return Date.parse(r.retryAt ?? r.dueAt);
}

export function toReminderView(r: ReminderRecord): ReminderView {
  const status = r.status === 'sending' ? 'scheduled' : r.status;
  return { id: r.id, kind: r.kind, dueAt: r.dueAt, status, ...(r.reason ? { reason: r.reason } : {}) };
}

export function toTripView(t: TripRecord, reminders: ReminderRecord[]): TripView {
  const acks = reminders.map((r) => r.acknowledgedAt).filter((a): a is string => Boolean(a)).sort();
  return {
    id: t.id,
    traveller: t.traveller,
    destinations: t.destinations,
    start: t.start,
    end: t.end,
    createdBy: t.createdBy,
    source: t.source,
    acknowledgedAt: acks[0] ?? null,
    reminders: reminders.map(toReminderView),
  };
}

/** Same traveller? A chat user matches by platform + id, an email case-insensitively. */
export function sameTraveller(a: TravellerRef, b: TravellerRef): boolean {
  if ('platform' in a && 'platform' in b) return a.platform === b.platform && a.userId === b.userId;
  const ea = 'email' in a ? a.email?.toLowerCase() : undefined;
  const eb = 'email' in b ? b.email?.toLowerCase() : undefined;
  return Boolean(ea && eb && ea === eb);
}
