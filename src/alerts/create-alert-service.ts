/**
 * Risk-change alerts: compares the content served now with "the content last seen"
 * (alert-store.ts) and tells every traveller with a current or upcoming trip to a
 * destination that changed in a way that matters (alerting-changes.ts) what changed,
 * why and what to do, once per trip and change (alert-trip.ts), through the deliverers
 * the Slack and Teams doors registered, paced with the reminders. Runs at start-up and
 * after every content reload; passes never overlap. "The content last seen" moves on
 * only when every concerned trip is settled (sent, or failed for good), so a pass cut
 * short by a crash, a held lease or a retryable error is completed by a later one with
 * the same keys. See docs/alerts.md.
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Advisor } from '../advisor/create-advisor.js';
import type { TripRecord } from '../reminders/trip-records.js';
import type { ReminderService } from '../reminders/types.js';
import { changeTags, transitionsBetween, type Transition } from './alerting-changes.js';
import type { AlertStore } from './alert-store.js';
import { alertTrip, type TripOutcome } from './alert-trip.js';
import { countryNames, fingerprintContent } from './destination-fingerprint.js';
import type { AlertRecord, DestinationChange } from './types.js';
import { isoDay } from '../understand/calendar.js';
import { tripsTo } from './upcoming-trips.js';

/** Everything is injected (advisor, trips, store, clock), so tests run passes by hand on real stores. */
export interface AlertServiceOptions {
  /** The advisor serving now (read once per pass, so one pass uses one content). */
  advisor: () => Pick<Advisor, 'content' | 'answerForCountries'>;
  reminders: Pick<ReminderService, 'deliverer' | 'pace'>;
  trips: () => AsyncIterable<TripRecord>;
  store: AlertStore;
  clock: () => Date;
  logger: Logger;
  timeZone: string;
  /** How long one worker holds a trip's alert (a crashed worker's alert is taken over after it). Default 5 min. */
  leaseMs?: number;
  /** Longest wait for one platform call. Default 60 s. */
  deliveryTimeoutMs?: number;
  /** Pause before a pass that left trips unsettled runs again. Default 60 s. */
  retryMs?: number;
  maxAttempts?: number;
}

/** What a pass found and did. Counts only: no traveller appears here. */
export interface AlertPassResult {
  /** True on the first pass ever: the content was recorded as seen, nobody alerted. */
  baseline: boolean;
  /** The destinations whose change matters, with what changed ("KZ level 3→4"). */
  changes: Array<{ countryCode: string; countryName: string; changes: string[] }>;
  trips: number;
  outcomes: Record<TripOutcome, number>;
  /** True when every concerned trip is settled and the content is recorded as seen. */
  complete: boolean;
}

/** What createApp, the reload and the desk use. */
export interface AlertService {
  /** Runs a pass after any pass under way; resolves when it has planned (`planned`) and finished (`done`). */
  trigger(): { planned: Promise<Pick<AlertPassResult, 'baseline' | 'changes' | 'trips'>>; done: Promise<AlertPassResult> };
  /** The alerts recorded for trips still kept, newest first (the desk's "who was told"). */
  list(): Promise<AlertRecord[]>;
  /** The first pass (in the background); later ones follow reloads and retries. */
  start(): void;
  stop(): Promise<void>;
  /** Resolves when no pass is running or queued. */
  idle(): Promise<void>;
}

/** One key per trip and announced change: the generation and the new fingerprints of the trip's changed destinations. */
export function alertKey(generation: number, transitions: Transition[], tripId: string): string {
  const digest = createHash('sha256').update(JSON.stringify([generation, transitions.map((t) => [t.code, t.to])])).digest('hex');
  return `alert-${digest.slice(0, 16)}-${tripId}`;
}

const noOutcomes = (): Record<TripOutcome, number> => ({ sent: 0, recovered: 0, 'done-before': 0, failed: 0, held: 0, retry: 0 });

/** One per process; passes are serialised in it, and coordinated with other replicas through the store. */
export function createAlertService(options: AlertServiceOptions): AlertService {
  const { store, clock, logger } = options;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const abort = new AbortController();
  const deps = {
    store, logger, clock, leaseMs, signal: abort.signal,
    deliverer: (p: Parameters<NonNullable<ReminderService['deliverer']>>[0]) => options.reminders.deliverer?.(p),
    pace: () => options.reminders.pace?.() ?? Promise.resolve(),
    deliveryTimeoutMs: options.deliveryTimeoutMs ?? Math.min(60_000, leaseMs / 4),
    maxAttempts: options.maxAttempts ?? 5,
    maxRateLimitWaitMs: Math.min(60_000, leaseMs / 4),
  };
  let chain: Promise<unknown> = Promise.resolve();
  let queued = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let stopped = false;

  async function pass(planned: (p: Pick<AlertPassResult, 'baseline' | 'changes' | 'trips'>) => void): Promise<AlertPassResult> {
    const advisor = options.advisor();
    const content = advisor.content;
    const now = clock();
    const current = fingerprintContent(content);
    const seen = await store.lastSeen();
    const result: AlertPassResult = { baseline: !seen, changes: [], trips: 0, outcomes: noOutcomes(), complete: true };
    if (!seen) {
      await store.putLastSeen({ version: 1, generation: 0, destinations: current, updatedAt: now.toISOString() });
      logger.info('risk alerts: content recorded as seen (first start); nobody alerted');
      planned(result);
      return result;
    }
    const transitions = transitionsBetween(seen.destinations, current);
    const names = countryNames(content);
    result.changes = transitions.map((t) => ({ countryCode: t.code, countryName: names.get(t.code) ?? t.code, changes: changeTags(t.code, t.changes) }));
    const byCode = new Map(transitions.map((t) => [t.code, t]));
    const trips = transitions.length ? await tripsTo(options.trips(), new Set(byCode.keys()), isoDay(now, options.timeZone), now) : [];
    result.trips = trips.length;
    planned(result);
    const generation = seen.generation + 1;
    for (const trip of trips) {
      const mine = trip.destinations.filter((c) => byCode.has(c)).map((c) => byCode.get(c)!);
      const destinations: DestinationChange[] = mine.map((t) => ({ countryCode: t.code, countryName: names.get(t.code) ?? t.code, changes: t.changes }));
      const tags = mine.flatMap((t) => changeTags(t.code, t.changes));
      let outcome: TripOutcome;
      try {
        outcome = abort.signal.aborted ? 'retry' : await alertTrip(deps, trip, alertKey(generation, mine, trip.id), { destinations, tags }, advisor);
      } catch (error) {
        // The store or the advisor failed: leave this trip for the next pass.
        logger.error({ err: { name: (error as Error)?.name, message: (error as Error)?.message }, tripId: trip.id }, 'risk alert attempt failed');
        outcome = 'retry';
      }
      result.outcomes[outcome]++;
    }
    result.complete = result.outcomes.held + result.outcomes.retry === 0;
    if (result.complete) {
      const moved = transitions.length > 0 || JSON.stringify(seen.destinations) !== JSON.stringify(current);
      if (moved) await store.putLastSeen({ version: 1, generation: transitions.length ? generation : seen.generation, destinations: current, updatedAt: now.toISOString() });
    }
    if (transitions.length) logger.info({ changes: result.changes.flatMap((c) => c.changes), trips: result.trips, outcomes: result.outcomes, complete: result.complete }, 'risk alert pass');
    return result;
  }

  function scheduleRetry(): void {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void service.trigger().done.catch(() => undefined);
    }, options.retryMs ?? 60_000);
    retryTimer.unref();
  }

  const service: AlertService = {
    trigger() {
      let onPlanned!: (p: Pick<AlertPassResult, 'baseline' | 'changes' | 'trips'>) => void;
      let notPlanned!: (e: unknown) => void;
      const planned = new Promise<Pick<AlertPassResult, 'baseline' | 'changes' | 'trips'>>((r, j) => ((onPlanned = r), (notPlanned = j)));
      queued++;
      const done = chain.then(() => pass(onPlanned));
      chain = done.then(
        (r) => {
          queued--;
          if (!r.complete) scheduleRetry();
        },
        (error: unknown) => {
          queued--;
          notPlanned(error);
          logger.error({ err: { name: (error as Error)?.name, message: (error as Error)?.message } }, 'risk alert pass failed; retrying later');
          scheduleRetry();
        },
      );
      planned.catch(() => undefined);
      return { planned, done };
    },
    async list() {
      const now = clock().getTime();
      const out: AlertRecord[] = [];
      for await (const r of store.records()) if (Date.parse(r.expiresAt) > now) out.push(r);
      return out.sort((a, b) => (b.sentAt ?? b.firstTriedAt).localeCompare(a.sentAt ?? a.firstTriedAt) || a.key.localeCompare(b.key));
    },
    start() {
      void service.trigger().done.catch(() => undefined);
    },
    async stop() {
      stopped = true;
      abort.abort();
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      await chain.catch(() => undefined);
    },
    async idle() {
      while (queued > 0) await chain.catch(() => undefined);
    },
  };
  return service;
}
