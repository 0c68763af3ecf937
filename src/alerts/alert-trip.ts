/**
 * Alerts one traveller about one content change, once. The protocol, shared by every
 * replica (docs/alerts.md "Exactly once"):
 * 1. a record `sent` or `failed` for this key: done, nothing to do;
 * 2. take the lease on the key (one atomic claim; held elsewhere: try again later);
 * 3. read the record again; `sending` means an earlier attempt died between calling the
 *    platform and recording the outcome: ask the deliverer whether the message with
 *    this key arrived (`alertDelivered`) and, if so, record `sent` without sending;
 * 4. record `sending`, send (within the lease, bounded), record `sent`.
 * A failure after 4's `sending` leaves it there, so the next attempt asks first.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Advisor } from '../advisor/create-advisor.js';
import { classifyDeliveryError } from '../reminders/classify-delivery-error.js';
import type { TripRecord } from '../reminders/trip-records.js';
import type { Deliverer, Platform } from '../reminders/types.js';
import type { AlertStore } from './alert-store.js';
import type { AlertDelivery, AlertRecord, DestinationChange } from './types.js';

/** What one alert attempt needs; every outbound call goes through the deliverers the doors registered. */
export interface AlertTripDeps {
  store: AlertStore;
  deliverer(platform: Platform): Deliverer | undefined;
  pace(): Promise<void>;
  logger: Logger;
  clock: () => Date;
  leaseMs: number;
  /** Longest wait for one platform call; the lease must outlast it. */
  deliveryTimeoutMs: number;
  maxAttempts: number;
  /** Longest Retry-After waited out within a pass; longer ones end the attempt (retried later). */
  maxRateLimitWaitMs: number;
  signal: AbortSignal;
}

/** `held`: another worker has the lease; `retry`: try again on a later pass; the others are settled. */
export type TripOutcome = 'sent' | 'recovered' | 'done-before' | 'failed' | 'held' | 'retry';

const PLATFORMS: Platform[] = ['slack', 'teams'];

async function resolve(deps: AlertTripDeps, trip: TripRecord): Promise<{ platform: Platform; userId: string } | { failed: string }> {
  const t = trip.traveller;
  if ('platform' in t) return { platform: t.platform, userId: t.userId };
  for (const platform of PLATFORMS) {
    const d = deps.deliverer(platform);
    const userId = d?.resolveEmail ? await d.resolveEmail(t.email) : null;
    if (userId) return { platform, userId };
  }
  return { failed: 'no Slack or Teams user has this email' };
}

function bounded<T>(ms: number, call: () => Promise<T>): Promise<T> {
  return Promise.race([
    call(),
    sleep(ms, undefined, { ref: false }).then(() => {
      throw new Error(`no answer from the platform within ${ms} ms`);
    }),
  ]);
}

/** Runs the protocol above for one trip and one change key; never throws for a platform error, only for the store. */
export async function alertTrip(
  deps: AlertTripDeps,
  trip: TripRecord,
  key: string,
  changes: { destinations: DestinationChange[]; tags: string[] },
  advisor: Pick<Advisor, 'answerForCountries'>,
): Promise<TripOutcome> {
  const { store } = deps;
  const settled = (r: AlertRecord | null) => r !== null && r.state !== 'sending';
  if (settled(await store.record(key))) return 'done-before';
  if (!(await store.lease(key, deps.leaseMs, deps.deliveryTimeoutMs * 2))) return 'held';
  const before = await store.record(key);
  if (settled(before)) return 'done-before';

  const now = deps.clock();
  const base: AlertRecord = {
    key, tripId: trip.id, traveller: trip.traveller, changes: changes.tags, state: 'sending',
    attempts: before?.attempts ?? 0, firstTriedAt: before?.firstTriedAt ?? now.toISOString(), expiresAt: trip.expiresAt,
  };
  const fail = async (reason: string): Promise<TripOutcome> => {
    await store.putRecord({ ...base, state: 'failed', reason }, now);
    deps.logger.warn({ tripId: trip.id, reason }, 'risk alert failed');
    return 'failed';
  };
  const who = await resolve(deps, trip);
  if ('failed' in who) return fail(who.failed);
  const deliverer = deps.deliverer(who.platform);
  if (!deliverer?.deliverAlert) return fail(`${who.platform} cannot receive alerts on this server`);

  const codes = changes.destinations.map((d) => d.countryCode);
  const answer = await advisor.answerForCountries(codes, {
    intent: 'trip',
    trip: { start: trip.start, end: trip.end, said: null, startInferred: false, endInferred: false },
    summary: false,
  });
  const alert: AlertDelivery = { idempotencyKey: key, tripId: trip.id, trip: { start: trip.start, end: trip.end }, destinations: changes.destinations, answer };
  const sent = async (recovered: boolean): Promise<TripOutcome> => {
    await store.putRecord({ ...base, state: 'sent', sentAt: deps.clock().toISOString(), reason: undefined }, now);
    deps.logger.info({ tripId: trip.id, recovered }, recovered ? 'risk alert found delivered after a restart' : 'risk alert sent');
    return recovered ? 'recovered' : 'sent';
  };

  if (before?.state === 'sending' && deliverer.alertDelivered) {
    try {
      if (await bounded(deps.deliveryTimeoutMs, () => deliverer.alertDelivered!(who.userId, alert))) return sent(true);
    } catch (error) {
      deps.logger.info({ tripId: trip.id, reason: classifyDeliveryError(error).reason }, 'risk alert: could not check an earlier attempt; will retry');
      return 'retry';
    }
  }
  for (let attempts = base.attempts + 1; ; attempts++) {
    if (deps.signal.aborted) return 'retry';
    await deps.pace();
    // Only while our lease still covers the whole call. Lapsed (even if just taken again):
    // another worker may have acted meanwhile, so start over with step 1 on the next pass.
    if ((await store.lease(key, deps.leaseMs, deps.deliveryTimeoutMs)) !== 'ours') return 'retry';
    base.attempts = attempts;
    await store.putRecord(base, now);
    try {
      await bounded(deps.deliveryTimeoutMs, () => deliverer.deliverAlert!(who.userId, alert));
      return sent(false);
    } catch (error) {
      const c = classifyDeliveryError(error);
      if (c.type === 'permanent') return fail(c.reason);
      if (c.type === 'rate-limited' && c.retryAfterMs <= deps.maxRateLimitWaitMs) {
        // A 429 did not deliver: wait it out and try again (the record stays `sending`).
        await sleep(c.retryAfterMs, undefined, { signal: deps.signal }).catch(() => undefined);
        continue;
      }
      if (c.type === 'transient' && attempts >= deps.maxAttempts) return fail(`${c.reason} (after ${attempts} attempts)`);
      deps.logger.info({ tripId: trip.id, attempts, reason: c.reason }, 'risk alert will be retried');
      return 'retry';
    }
  }
}
