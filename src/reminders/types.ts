/**
 * The reminders port: how doors (Slack, Teams, web, HTTP API, CLI) create trips and
 * record acknowledgements, and how the scheduler delivers through whichever platform
 * the traveller uses. Implemented in src/reminders/; doors depend only on this file.
 */
import type { Answer } from '../advisor/answer.js';

export type Platform = 'slack' | 'teams' | 'web';

/** Who travels: a chat user, or an email to resolve to one. */
export type TravellerRef =
  | { platform: Platform; userId: string; email?: string }
  | { email: string };

export type ReminderKind = 'briefing' | 'day-before' | 'post-trip';
export type ReminderStatus = 'scheduled' | 'sent' | 'failed' | 'acknowledged' | 'cancelled';

export interface ReminderView {
  id: string;
  kind: ReminderKind;
  /** ISO 8601 instant. */
  dueAt: string;
  status: ReminderStatus;
  /** Why delivery failed, when it did. */
  reason?: string;
}

export interface TripView {
  id: string;
  traveller: TravellerRef;
  destinations: string[];
  start: string;
  end: string | null;
  createdBy: string;
  source: 'button' | 'message' | 'desk' | 'csv' | 'api' | 'playground';
  acknowledgedAt: string | null;
  reminders: ReminderView[];
}

export interface NewTrip {
  traveller: TravellerRef;
  /** ISO 3166-1 alpha-2 codes. */
  destinations: string[];
  start: string;
  end: string | null;
  createdBy: string;
  source: TripView['source'];
  /** Same key → same trip, nothing new created. */
  idempotencyKey?: string;
}

/** A message to deliver: the reminder and the Answer for its destinations. */
export interface Delivery {
  trip: TripView;
  reminder: ReminderView;
  answer: Answer;
}

/** One per platform; registered by the door that can reach that platform's users. */
export interface Deliverer {
  platform: Platform;
  /** Resolves an email to a user id on this platform, or null if unknown. */
  resolveEmail?(email: string): Promise<string | null>;
  /** Throws on failure; a RateLimitError-like error with `retryAfterMs` is retried later. */
  deliver(userId: string, delivery: Delivery): Promise<void>;
}

export interface ReminderService {
  createTrip(trip: NewTrip): Promise<TripView>;
  getTrip(id: string): Promise<TripView | null>;
  cancelTrip(id: string): Promise<TripView | null>;
  listTrips(filter?: { traveller?: TravellerRef; status?: ReminderStatus }): Promise<TripView[]>;
  /** "I've done the checklist": records the acknowledgement on the trip (or the traveller's latest trip). */
  acknowledge(input: { tripId?: string; traveller: TravellerRef }): Promise<TripView | null>;
  snooze(input: { tripId: string; reminderId: string; until: Date }): Promise<TripView | null>;
  registerDeliverer(deliverer: Deliverer): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}
