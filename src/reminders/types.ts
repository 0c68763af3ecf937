/**
 * The reminders port: how doors (Slack, Teams, web, HTTP API, CLI) create trips and
 * record acknowledgements, and how the scheduler delivers through whichever platform
 * the traveller uses. Implemented in src/reminders/; doors depend only on this file.
 */
import type { Answer } from '../advisor/answer.js';
import type { AlertDelivery } from '../alerts/types.js';

/**
 * A door's name for its users ("slack", "teams", "web" …): open, so a new door needs no
 * edit here. Trips are filed under it, and the door registers the Deliverer that reaches
 * those users under the same name (`registerDeliverer`); a platform with no deliverer
 * cannot be sent reminders (the conversation service says so instead of planning them).
 */
export type Platform = 'slack' | 'teams' | 'web' | (string & {});

/** Who travels: a chat user, or an email to resolve to one. */
export type TravellerRef =
  | { platform: Platform; userId: string; email?: string }
  | { email: string };

export type ReminderKind = 'briefing' | 'day-before' | 'post-trip';

/** How long Snooze postpones a reminder, in every door (src/conversation/act-on-trip.ts). MUST stay in sync with docs/reminders.md. */
export const SNOOZE_HOURS = 24;
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
  /**
   * Sends a risk-change alert (src/alerts/) tagged with `alert.idempotencyKey`; same error
   * contract as `deliver`. Absent: this platform's travellers cannot be alerted.
   */
  deliverAlert?(userId: string, alert: AlertDelivery): Promise<void>;
  /** Asked only after a crash left an alert `sending`: did the message with that key reach the user? */
  alertDelivered?(userId: string, alert: AlertDelivery): Promise<boolean>;
}

/**
 * Who pressed a trip's button (acknowledge, snooze), as their door identified them. Only
 * the trip's traveller (same platform and user id as recorded on the trip) or a travel-desk
 * member may act on a trip's reminders; card and button values are client data and never
 * say who is acting.
 */
export interface TripActor {
  platform: Platform;
  userId: string;
  /** Other ids of the same account on that platform (Teams: the 29: id beside the Entra object id). */
  otherIds?: string[];
  /**
   * Asked only when the actor is not the traveller: whether the door vouches for them as a
   * travel-desk member (Slack: SLACK_TRAVEL_DESK_USERGROUP/CHANNEL; Teams: an authenticated
   * member of TEAMS_TRAVEL_DESK_TEAM_ID). Absent: not a desk member.
   */
  isDeskMember?: () => Promise<boolean>;
}

export interface ReminderService {
  createTrip(trip: NewTrip): Promise<TripView>;
  getTrip(id: string): Promise<TripView | null>;
  cancelTrip(id: string): Promise<TripView | null>;
  listTrips(filter?: { traveller?: TravellerRef; status?: ReminderStatus }): Promise<TripView[]>;
  /**
   * "I've done the checklist": records the acknowledgement on the trip, or on the actor's
   * own latest trip when no trip is named. Null when there is no such trip; throws
   * TripActionError('not-allowed') when `traveller` (the actor) is neither the trip's
   * traveller nor a desk member, and nothing changes.
   */
  acknowledge(input: { tripId?: string; reminderId?: string; traveller: TripActor }): Promise<TripView | null>;
  /**
   * "Snooze": a delivered reminder is delivered again at `until` (once per delivery); one not
   * yet delivered is postponed. Null when the trip or reminder does not exist; throws
   * TripActionError when the actor may not act on the trip ('not-allowed') or the reminder
   * was acknowledged, failed or cancelled ('not-possible'), and nothing changes.
   */
  snooze(input: { tripId: string; reminderId: string; until: Date; traveller: TripActor }): Promise<TripView | null>;
  registerDeliverer(deliverer: Deliverer): void;
  /** The deliverer a door registered for `platform`: risk-change alerts go through the same ones. */
  deliverer?(platform: Platform): Deliverer | undefined;
  /** Resolves when one more message may go out under REMINDERS_PER_SECOND, shared with this process's reminder deliveries. */
  pace?(): Promise<void>;
  /**
   * A recurring job on this scheduler (the weekly insights check): in process, a timer
   * started with `start()`; on BullMQ, a job scheduler on the reminders' queue, so one run
   * per period across replicas. `run` must make its own claim when it needs exactly once
   * (a run may be repeated after a crash). Register before `start()`.
   */
  every?(name: string, everyMs: number, run: (now: Date) => Promise<unknown>): void;
  /**
   * Delivers every reminder due at `now` (default: the clock) and resolves when they are
   * settled. The production timer calls it; tests drive it with an injected clock.
   * With BullMQ it only sweeps expired trips (the queue delivers).
   */
  runDue?(now?: Date): Promise<{ sent: number; failed: number; retried: number }>;
  start(): Promise<void>;
  /** Releases timers and connections within about `budgetMs` (default 5 s), even with the store or Redis gone. */
  stop(budgetMs?: number): Promise<void>;
  /**
   * Each dependency this service needs, checked now within STORE_TIMEOUT_MS: `store`
   * (a read), `redis` (PING on BullMQ's connection, only with REDIS_URL) and `queue`
   * (the delivery scheduler of this process is running and can reach its backend).
   */
  health?(): Promise<Record<string, 'ok' | 'down'>>;
}
