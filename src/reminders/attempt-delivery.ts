/**
 * One delivery attempt of one reminder, shared by the in-process scheduler and the
 * BullMQ worker. The reminder record is the idempotency record: `sending` is stored
 * before the platform is called and `sent` after. Finding `sending` on entry means a
 * crash mid-delivery: the deliverer is asked whether the message arrived (by its
 * idempotency key) before anything is sent again, so nothing is lost and nothing doubles.
 */
import type { Logger } from 'pino';
import type { Advisor } from '../advisor/create-advisor.js';
import { backoffMs, classifyDeliveryError } from './classify-delivery-error.js';
import type { TripStore } from './trip-store.js';
import { toReminderView, toTripView, type ReminderRecord, type TripRecord } from './trip-records.js';
import type { Deliverer, Platform } from './types.js';

export interface DeliveryDeps {
  store: TripStore;
  advisor: Pick<Advisor, 'answerForCountries'>;
  deliverers: Map<Platform, Deliverer>;
  logger: Logger;
  /** Transient failures before a reminder is marked failed. */
  maxAttempts: number;
  backoffBaseMs: number;
  /** Until when (ms since the epoch, injected clock) a platform is paused after a 429; 0 or less when it is not. */
  pausedUntil?: (platform: Platform) => number;
  /** Runs the platform call in the pace (REMINDERS_PER_SECOND): the in-process pacer, or BullMQ's schedule in Redis. */
  pace?: <T>(send: () => Promise<T>) => Promise<T>;
}

export type AttemptOutcome =
  | { type: 'sent'; recovered: boolean }
  | { type: 'skipped' }
  /** `retryAfterMs`: a 429's Retry-After, for a scheduler that counts the wait from when the 429 came (BullMQ). */
  | { type: 'retry'; at: Date; rateLimited: boolean; platform?: Platform; retryAfterMs?: number }
  /** Its platform is paused (a 429 on another delivery): nothing was sent, the record is `scheduled` again; try again at `at`. */
  | { type: 'deferred'; at: Date; platform: Platform }
  | { type: 'failed'; reason: string };

/** The key a deliverer attaches to the message; MUST stay in sync with deliverers' `alreadyDelivered`. */
export const idempotencyKeyOf = (r: Pick<ReminderRecord, 'id' | 'generation'>): string => `${r.id}-${r.generation}`;

async function resolveTraveller(
  deps: DeliveryDeps,
  trip: TripRecord,
  now: Date,
): Promise<{ platform: Platform; userId: string } | { failed: string }> {
  const t = trip.traveller;
  if ('platform' in t) return { platform: t.platform, userId: t.userId };
  for (const d of deps.deliverers.values()) {
    if (!d.resolveEmail) continue;
    const userId = await d.resolveEmail(t.email);
    if (!userId) continue;
    // Keep the minimum: once resolved, the email is dropped from the record.
    trip.traveller = { platform: d.platform, userId };
    await deps.store.putTrip(trip, now);
    return { platform: d.platform, userId };
  }
  const where = [...deps.deliverers.values()].filter((d) => d.resolveEmail).map((d) => d.platform);
  return { failed: where.length ? `no ${where.join(' or ')} user has this email` : 'no chat platform is configured to look up emails' };
}

export async function attemptDelivery(deps: DeliveryDeps, reminderId: string, generation: number | undefined, now: Date): Promise<AttemptOutcome> {
  const rec = await deps.store.getReminder(reminderId);
  if (!rec || (rec.status !== 'scheduled' && rec.status !== 'sending')) return { type: 'skipped' };
  if (generation !== undefined && rec.generation !== generation) return { type: 'skipped' };
  const trip = await deps.store.getTrip(rec.tripId);
  // Expired trips (past TRIP_RETENTION_DAYS) are never delivered, even before the sweep deletes them.
  if (!trip || trip.cancelledAt || Date.parse(trip.expiresAt) <= now.getTime()) return { type: 'skipped' };

  const save = async (patch: Partial<ReminderRecord>) => {
    Object.assign(rec, patch);
    await deps.store.putReminder(rec, now);
  };
  const fail = async (reason: string): Promise<AttemptOutcome> => {
    await save({ status: 'failed', reason, retryAt: undefined });
    deps.logger.warn({ reminderId: rec.id, kind: rec.kind, reason }, 'reminder delivery failed');
    return { type: 'failed', reason };
  };
  const retryOrFail = async (error: unknown, platform?: Platform): Promise<AttemptOutcome> => {
    const c = classifyDeliveryError(error);
    if (c.type === 'permanent') return fail(c.reason);
    if (c.type === 'rate-limited') {
      const at = new Date(now.getTime() + c.retryAfterMs);
      await save({ status: 'scheduled', retryAt: at.toISOString() });
      return { type: 'retry', at, rateLimited: true, platform, retryAfterMs: c.retryAfterMs };
    }
    const attempts = rec.attempts + 1;
    if (attempts >= deps.maxAttempts) return fail(`${c.reason} (after ${attempts} attempts)`);
    const at = new Date(now.getTime() + backoffMs(attempts, deps.backoffBaseMs));
    await save({ status: 'scheduled', attempts, retryAt: at.toISOString(), reason: c.reason });
    deps.logger.info({ reminderId: rec.id, attempts, reason: c.reason }, 'reminder delivery will be retried');
    return { type: 'retry', at, rateLimited: false, platform };
  };

  let who: Awaited<ReturnType<typeof resolveTraveller>>;
  try {
    who = await resolveTraveller(deps, trip, now);
  } catch (error) {
    return retryOrFail(error);
  }
  if ('failed' in who) return fail(who.failed);
  const deliverer = deps.deliverers.get(who.platform);
  if (!deliverer) return fail(`${who.platform} is not configured on this server`);
  // A 429 pauses its own platform only: Teams deliveries go on while Slack's Retry-After runs.
  const paused = () => {
    const until = deps.pausedUntil?.(who.platform) ?? 0;
    return until > now.getTime() ? ({ type: 'deferred', at: new Date(until), platform: who.platform } as const) : null;
  };
  const before = paused();
  if (before) return before;

  const reminders = await deps.store.getReminders(trip.reminderIds);
  const answer = await deps.advisor.answerForCountries(trip.destinations, {
    intent: 'trip',
    trip: { start: trip.start, end: trip.end, said: null, startInferred: false, endInferred: false },
  });
  const delivery = {
    trip: toTripView(trip, reminders),
    reminder: toReminderView({ ...rec, status: 'scheduled' }),
    answer,
    idempotencyKey: idempotencyKeyOf(rec),
  };

  if (rec.status === 'sending' && deliverer.alreadyDelivered) {
    try {
      if (await deliverer.alreadyDelivered(who.userId, delivery)) {
        await save({ status: 'sent', sentAt: rec.sentAt ?? now.toISOString(), retryAt: undefined, reason: undefined });
        deps.logger.info({ reminderId: rec.id }, 'in-flight reminder found delivered after restart');
        return { type: 'sent', recovered: true };
      }
    } catch (error) {
      return retryOrFail(error, who.platform);
    }
  }

  // Recorded before the wait for the pace, so that the slot is held by the platform call alone
  // (create-rate-limiter.ts: a slot counts until its call settled); a crash while waiting leaves
  // `sending`, which the next attempt checks with the platform before sending.
  await save({ status: 'sending' });
  const send = async (): Promise<AttemptOutcome | { error: unknown } | null> => {
    const during = deps.pace ? paused() : null;
    if (during) return during;
    try {
      await deliverer.deliver(who.userId, delivery);
      return null;
    } catch (error) {
      return { error };
    }
  };
  const stopped = deps.pace ? await deps.pace(send) : await send();
  if (stopped && 'error' in stopped) return retryOrFail(stopped.error, who.platform);
  if (stopped) {
    // Its platform was paused while this one waited for the pace: nothing was sent.
    await save({ status: 'scheduled' });
    return stopped;
  }
  await save({ status: 'sent', sentAt: now.toISOString(), retryAt: undefined, reason: undefined });
  deps.logger.debug({ reminderId: rec.id, kind: rec.kind }, 'reminder sent');
  return { type: 'sent', recovered: false };
}
