/**
 * Risk-change alerts: what a traveller is told when the content the server serves
 * changes, for a destination of their current or upcoming trip, in a way that matters
 * to them (level, coverage tier, VPN or encryption law, a new key action). Channel-free:
 * the Slack and Teams deliverers render an AlertDelivery (alert-to-block-kit.ts,
 * alert-to-activity.ts); the desk lists AlertRecords. See docs/alerts.md.
 */
import type { Answer, CoverageTier } from '../advisor/answer.js';
import type { LawStatus } from '../content/schema.js';
import type { TravellerRef } from '../reminders/types.js';

/**
 * What a traveller would notice about one destination, as stored in "the content last
 * seen" (never message text): level (and whether it is a floor), tier, VPN and
 * encryption law, and the ids of its key actions. MUST stay in sync with alertingChanges.
 */
export interface DestinationFingerprint {
  level: number;
  label: string;
  floor: boolean;
  tier: CoverageTier;
  vpn: LawStatus;
  encryption: LawStatus;
  /** Ids of the destination's key actions (at most five, ranked). */
  keyActions: string[];
}

/** A level as a traveller read it: with "at least" when it was a floor. */
export interface LevelState {
  level: number;
  label: string;
  floor: boolean;
}

/** One change that matters to a traveller. */
export type AlertChange =
  | { kind: 'level'; from: LevelState; to: LevelState }
  | { kind: 'tier'; from: CoverageTier; to: CoverageTier }
  | { kind: 'vpn' | 'encryption'; from: LawStatus; to: LawStatus }
  | { kind: 'key-actions'; added: string[] };

/** The changes of one destination between two fingerprints. */
export interface DestinationChange {
  countryCode: string;
  countryName: string;
  changes: AlertChange[];
}

/** One alert to one traveller about one trip: what the deliverers render and send. */
export interface AlertDelivery {
  /**
   * Stable per trip and content change. Deliverers tag the message with it (Slack
   * metadata, Teams' sent record) so `alertDelivered` can find it after a crash.
   */
  idempotencyKey: string;
  tripId: string;
  trip: { start: string; end: string | null };
  /** The trip's destinations whose content changed, in the trip's order. */
  destinations: DestinationChange[];
  /** The Answer for those destinations as the new content gives it (basis, sources, key actions). */
  answer: Answer;
}

/**
 * What the desk sees about one alert: who, which trip, which destinations and kinds of
 * change, and what happened. Kept only as long as the trip; no message text.
 */
export interface AlertRecord {
  key: string;
  tripId: string;
  traveller: TravellerRef;
  /** "KZ level 3→4", "UZ vpn unknown→banned": codes and statuses only. */
  changes: string[];
  state: 'sending' | 'sent' | 'failed';
  reason?: string;
  attempts: number;
  /** ISO instants. */
  firstTriedAt: string;
  sentAt?: string;
  expiresAt: string;
}
