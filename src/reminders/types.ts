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
  /** Set by createTrip when an idempotency key matched an existing trip: nothing new was created. */
  replayed?: boolean;
}

export interface NewTrip {
  traveller: TravellerRef;
  /** ISO 3166-1 alpha-2 codes. */
  destinations: string[];
  start: string;
  end: string | null;
  createdBy: string;
  source: TripView['source'];
  /**
   * Same key → same trip, nothing new created, even when replicas sharing the store
   * receive it at the same instant (the key is claimed atomically).
   */
  idempotencyKey?: string;
  /**
   * What a reused key with a different trip (traveller, destinations, dates) gets:
   * 'replay' (default) returns the first trip; 'reject-different' throws
   * IdempotencyConflictError('different-request'), as the HTTP API wants.
   */
  keyReuse?: 'replay' | 'reject-different';
}

/** A message to deliver: the reminder and the Answer for its destinations. */
export interface Delivery {
  trip: TripView;
  reminder: ReminderView;
  answer: Answer;
  /**
   * Stable per delivery attempt chain (reminder id + snooze generation). Deliverers should
   * attach it to the platform message (e.g. Slack message metadata) so `alreadyDelivered`
   * can find it after a crash between "sent" and "recorded".
   */
  idempotencyKey: string;
}

/** One per platform; registered by the door that can reach that platform's users. */
export interface Deliverer {
  platform: Platform;
  /** Resolves an email to a user id on this platform, or null if unknown. */
  resolveEmail?(email: string): Promise<string | null>;
  /**
   * Throws on failure. An error with `retryAfterMs` (a 429) pauses this platform for that long
   * and retries; an error with `permanent: true` (unknown user, DM refused) fails at once with
   * its message as the reason; anything else is retried with backoff.
   */
  deliver(userId: string, delivery: Delivery): Promise<void>;
  /**
   * Asked only after a crash left a delivery in flight: did the message with this
   * `idempotencyKey` reach the user? Without it, an in-flight delivery is sent again.
   */
  alreadyDelivered?(userId: string, delivery: Delivery): Promise<boolean>;
}

export interface ReminderService {
  createTrip(trip: NewTrip): Promise<TripView>;
  getTrip(id: string): Promise<TripView | null>;
  cancelTrip(id: string): Promise<TripView | null>;
  listTrips(filter?: { traveller?: TravellerRef; status?: ReminderStatus }): Promise<TripView[]>;
  /** "I've done the checklist": records the acknowledgement on the trip (or the traveller's latest trip). */
  acknowledge(input: { tripId?: string; reminderId?: string; traveller: TravellerRef }): Promise<TripView | null>;
  snooze(input: { tripId: string; reminderId: string; until: Date }): Promise<TripView | null>;
  registerDeliverer(deliverer: Deliverer): void;
  /**
   * Delivers every reminder due at `now` (default: the clock) and resolves when they are
   * settled. The production timer calls it; tests drive it with an injected clock.
   * With BullMQ it only sweeps expired trips (the queue delivers).
   */
  runDue?(now?: Date): Promise<{ sent: number; failed: number; retried: number }>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
