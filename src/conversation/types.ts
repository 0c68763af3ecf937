/**
 * The conversation's contract with the doors: a Turn goes in (plain text, the thread it
 * belongs to, who wrote it, their locale and zone), a Reply comes out (the advice to
 * render and/or a notice about what was done). Channel-free: a door turns its platform
 * event into a Turn (its own markup, mentions and emoji already normalised) and renders
 * the Reply in its own format. Nothing here knows Slack, Teams, the playground or the CLI.
 */
import type { Answer } from '../advisor/answer.js';
import type { Platform, TripActor, TripView } from '../reminders/types.js';
import type { DeskDoor } from './run-desk-command.js';

/** Who wrote a turn or pressed a button, as their door identified them (never from message text or button values). */
export type TurnUser = TripActor;

/**
 * Where a turn's memory is kept. `key`: the thread itself (a Slack thread, a Teams
 * conversation, a playground page). `parent`: the conversation around it, read when the
 * thread has no memory yet (a new top-level message in a Slack DM continues the DM).
 * Door-made identifiers, hashed before they are stored.
 */
export interface ThreadRef {
  key: string;
  parent?: string;
  /**
   * The turn starts this thread (a top-level Slack message: the thread is named by its own
   * ts), so nothing can be remembered under `key` yet and only `parent` is read: one store
   * read fewer per new mention.
   */
  fresh?: boolean;
}

export interface Turn {
  /** The message as plain text: the door has removed its own markup, mentions and emoji codes. */
  text: string;
  thread: ThreadRef;
  user: TurnUser;
  /** IANA zone of the user (relative dates, times shown); default UTC. */
  timeZone?: string;
  /** BCP 47 locale of the user: only how "1/12" reads. */
  locale?: string;
  /** Default: the service's clock. */
  now?: Date;
  /** Travel-desk commands ("travel-desk trips"): given only by a door that can vouch for the desk (see run-desk-command.ts). */
  desk?: DeskDoor;
  /**
   * Called once, before the advice is prepared, when a model will write its summary: the
   * door shows its "thinking" status (Slack's assistant.threads.setStatus) for that slow
   * path only, never for fast extractive answers. The rule lives in create-conversation.ts.
   */
  onModelPath?: () => Promise<unknown>;
}

/** What the service made of a turn; doors may word or lay out a reply by it. */
export type ReplyKind = 'advice' | 'follow-up' | 'remind' | 'acknowledge' | 'desk' | 'help' | 'clarification';

/**
 * Something the service did or could not do, apart from the advice itself. Structured,
 * so each door words it with the one copy table (src/render/reply-words.ts) and writes
 * times its own way (Slack date tokens, the reader's local time).
 */
export type Notice =
  /** A trip was planned: its reminders and when they are due. */
  | { type: 'trip-planned'; trip: TripView }
  /** "remind me" without a destination or a date to plan from. */
  | { type: 'remind-incomplete'; missing: 'destination' | 'date'; destinations: string[] }
  /** This door cannot deliver reminders (no deliverer for the user's platform). */
  | { type: 'remind-unavailable' }
  /** "I've done the checklist": recorded on `trip`, or on none (the user has no trip with reminders). */
  | { type: 'acknowledged'; trip: TripView | null }
  /** The store failed: nothing was saved (StoreUnavailableError's user message). */
  | { type: 'not-saved'; message: string }
  /** Not this person's to do, or nothing left to do (TripActionError's message). */
  | { type: 'refused'; message: string }
  /** A travel-desk command's reply, already in the door's own text format. */
  | { type: 'desk'; text: string };

/** Extra things buttons report, beside the turn notices (worded by src/render/copy.ts). */
export type ButtonNotice =
  | { type: 'snoozed'; until: string }
  | { type: 'gone'; what: 'button' | 'reminder' | 'answer' | 'card' }
  | { type: 'feedback'; rating: 'positive' | 'negative' };

export interface Reply {
  kind: ReplyKind;
  /** The advice to render (advice, follow-ups, help, clarification, a "remind me" that named the trip); null for a notice alone. */
  answer: Answer | null;
  notice: Notice | null;
}

/** One platform's name for its users (re-exported for doors building a TurnUser). */
export type { Platform };
