/**
 * The durable reminder service behind the port in ./types.ts: trips and their
 * reminders in the keyv store from STORE_URL, delivered by the in-process scheduler
 * (embedded default) or by BullMQ when REDIS_URL is set, through the deliverers the
 * Slack and Teams doors register. Everything time-related reads the injected clock.
 */
import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as wait } from 'node:timers/promises';
import type Keyv from 'keyv';
import type { Logger } from 'pino';
import type { Advisor } from '../advisor/create-advisor.js';
import type { Config } from '../config.js';
import { IdempotencyConflictError, InputError, InvalidTripError, StoreUnavailableError } from '../errors.js';
import { checkTripDates, tripDateLimits } from './check-trip-dates.js';
import type { DeliveryDeps } from './attempt-delivery.js';
import type { BullmqScheduler } from './bullmq-scheduler.js';
import { createLocalScheduler, type LocalScheduler } from './local-scheduler.js';
import { createRateLimiter } from './create-rate-limiter.js';
import { expiryOf, planReminders } from './plan-reminders.js';
import { sameTraveller, toTripView, type ReminderRecord, type TripRecord } from './trip-records.js';
import { authorizeTripAction, snoozeEffect } from './trip-actions.js';
import { createTripStore } from './trip-store.js';
import { stableId } from './stable-id.js';
import type { Deliverer, NewTrip, Platform, ReminderService, TripView } from './types.js';

/**
 * Exactly what the reminder service uses, named, so it sits below the app in the layers
 * (docs/architecture.md) and a test or the CLI import gives it these and nothing more.
 * The app's context satisfies it as it is.
 */
export interface ReminderServiceDeps {
  config: Pick<
    Config,
    'REMINDERS_PER_SECOND' | 'REDIS_URL' | 'STORE_TIMEOUT_MS' | 'DEFAULT_TIMEZONE' | 'TRIP_RETENTION_DAYS' | 'BRIEFING_DAYS_BEFORE' | 'TRIP_HORIZON_DAYS' | 'TRIP_MAX_DAYS'
  >;
  /** Composes each reminder's Answer; `content` tells when a reload made cached answers stale. */
  advisor: Pick<Advisor, 'content' | 'answerForCountries'>;
  logger: Logger;
  clock: () => Date;
  /** A keyv store in its own namespace (trips, reminders, idempotency keys). */
  store<T = unknown>(namespace: string): Keyv<T>;
}

export interface ReminderServiceOptions {
  /** Default: BullMQ when REDIS_URL is set, else in-process. */
  scheduler?: 'local' | 'bullmq';
  /** Run a delivery worker here (false: only store and enqueue, as the CLI import does). Default true. */
  worker?: boolean;
  /** keyv namespace prefix. Default "reminders". */
  namespace?: string;
  /** BullMQ Redis key prefix. Default "travel-advisor". */
  queuePrefix?: string;
  concurrency?: number;
  /** Delivery pace: `max` deliveries per `durationMs`. Default REMINDERS_PER_SECOND per second. */
  limiter?: { max: number; durationMs: number };
  maxAttempts?: number;
  backoffBaseMs?: number;
  tickMs?: number;
  rescanMs?: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /**
   * How long an idempotency claim stays `pending` before another request may take it
   * (the claimer crashed before writing the trip). Default 60 s.
   */
  keyClaimTtlMs?: number;
  /** How long a request waits for another replica to finish the trip its key names. Default 10 s. */
  keyWaitMs?: number;
}

/**
 * Reminders to the same places on the same dates get the same Answer (for as long as the
 * same content is served), so a desk's group trip is composed once, not per traveller.
 * A content reload (src/app/reload-content.ts) empties the cache.
 */
function memoAnswers(advisor: ReminderServiceDeps['advisor'], size = 256): Advisor['answerForCountries'] {
  const cache = new Map<string, ReturnType<Advisor['answerForCountries']>>();
  let content = advisor.content;
  return (codes, o) => {
    if (advisor.content !== content) {
      cache.clear();
      content = advisor.content;
    }
    const key = JSON.stringify([codes, o]);
    let hit = cache.get(key);
    if (hit) {
      cache.delete(key);
    } else {
      hit = advisor.answerForCountries(codes, o);
      hit.catch(() => cache.delete(key));
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(key, hit);
    return hit;
  };
}

/** SHA-256 of the trip a key stands for: traveller, destinations (as a set) and dates. */
export function tripFingerprint(t: Pick<NewTrip, 'traveller' | 'destinations' | 'start' | 'end'>): string {
  const who = 'platform' in t.traveller ? [t.traveller.platform, t.traveller.userId] : ['email', t.traveller.email.trim().toLowerCase()];
  return createHash('sha256').update(JSON.stringify([who, [...new Set(t.destinations)].sort(), t.start, t.end])).digest('hex');
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/**
 * Deliveries in flight at once, by default. The pacer, not this, sets the pace, but only
 * while some delivery is always waiting for the next slot: a slot nobody asks for is lost
 * (GCRA, no burst). A delivery spends 50–400 ms outside the pacer (store round trips, an
 * email lookup, the platform call, a loaded machine), so 400 ms of the pace are kept in
 * flight, at least 8 and at most 64: 36 at 90/s, with which the reminders benchmark found
 * the schedule idle 14–43 times in 10,000 deliveries at load 5–15 (issue 18).
 */
function deliveryConcurrency(limiter: { max: number; durationMs: number }): number {
  return Math.min(64, Math.max(8, Math.ceil((limiter.max / limiter.durationMs) * 400)));
}

export function createReminderService(ctx: ReminderServiceDeps, options: ReminderServiceOptions = {}): ReminderService {
  const { config, clock, logger } = ctx;
  const store = createTripStore({ store: (ns) => ctx.store(ns), prefix: options.namespace });
  const deliverers = new Map<Platform, Deliverer>();
  const deps: DeliveryDeps = {
    store,
    advisor: { answerForCountries: memoAnswers(ctx.advisor) },
    deliverers,
    logger,
    maxAttempts: options.maxAttempts ?? 5,
    backoffBaseMs: options.backoffBaseMs ?? 30_000,
  };
  const limiter = options.limiter ?? { max: config.REMINDERS_PER_SECOND, durationMs: 1000 };
  // One pace for this process's reminders and risk-change alerts (on BullMQ the queue's, in Redis, instead).
  const pacer = createRateLimiter(limiter.max, limiter.durationMs);
  const kind = options.scheduler ?? (config.REDIS_URL ? 'bullmq' : 'local');
  let local: LocalScheduler | null = null;
  // BullMQ (and ioredis) is imported only when REDIS_URL asks for it: it cost every start
  // 150 ms without. Every call that reaches it is async and awaits it; `every` queues behind it.
  let bull: Promise<BullmqScheduler> | null = null;
  if (kind === 'bullmq') {
    if (!config.REDIS_URL) throw new InputError('the BullMQ scheduler needs REDIS_URL');
    const redisUrl = config.REDIS_URL;
    bull = import('./bullmq-scheduler.js').then(({ createBullmqScheduler }) => createBullmqScheduler({
      deps, clock, logger, redisUrl,
      prefix: options.queuePrefix ?? 'travel-advisor',
      worker: options.worker ?? true,
      concurrency: options.concurrency ?? deliveryConcurrency(limiter),
      limiter,
      lockDurationMs: options.lockDurationMs,
      stalledIntervalMs: options.stalledIntervalMs,
      timeoutMs: config.STORE_TIMEOUT_MS,
    }));
    // A scheduler that cannot be built fails start(); until then the rejection is held, not unhandled.
    bull.catch(() => undefined);
  } else {
    local = createLocalScheduler({
      deps, clock, logger,
      concurrency: options.concurrency ?? deliveryConcurrency(limiter),
      limiter,
      pacer,
      tickMs: options.tickMs ?? 15_000,
      rescanMs: options.rescanMs ?? 60_000,
    });
  }
  const keyLocks = new Map<string, Promise<TripView>>();
  let lastSweep = 0;
  let sweeper: NodeJS.Timeout | null = null;

  async function schedule(r: ReminderRecord): Promise<void> {
    if (local) local.track(r);
    else await (await bull!).enqueue(r);
  }

  async function load(id: string): Promise<{ trip: TripRecord; reminders: ReminderRecord[] } | null> {
    const trip = await store.getTrip(id);
    if (!trip || Date.parse(trip.expiresAt) <= clock().getTime()) return null;
    return { trip, reminders: await store.getReminders(trip.reminderIds) };
  }

  async function view(id: string): Promise<TripView | null> {
    const got = await load(id);
    return got ? toTripView(got.trip, got.reminders) : null;
  }

  /**
   * Decides which trip id a keyed request writes, or returns the trip its key already
   * names (`replay`). Exactly one request claims a fresh key (atomically, across
   * replicas); the trip id is derived from the key (stableId), so the same key always
   * means the same records. A request finding the key claimed but not yet final for
   * the SAME trip (a retry, a re-run after a crash, a racing replica) does not wait: it
   * writes the same records too (write-if-absent, so whoever is first wins and nothing
   * doubles) and finishes the job. Only a claim for a DIFFERENT trip makes it wait.
   */
  async function claimKey(t: NewTrip, hash: string): Promise<{ replay: TripView } | { id: string }> {
    const key = t.idempotencyKey!;
    const deadline = Date.now() + (options.keyWaitMs ?? 10_000);
    for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
      const rec = await store.keyRecord(key);
      let replacing: string | undefined;
      if (rec) {
        if (t.keyReuse === 'reject-different' && rec.hash !== undefined && rec.hash !== hash)
          throw new IdempotencyConflictError('different-request', 'This idempotency key was already used for a different trip; send a new key for a new trip');
        if (rec.pending && rec.hash === hash) return { id: rec.tripId };
        const found = await view(rec.tripId);
        if (found) return { replay: { ...found, replayed: true } };
        if (!rec.pending) replacing = rec.tripId; // its trip has expired: the key may name a new one
        else if (Date.now() >= deadline)
          throw new IdempotencyConflictError('in-progress', 'A request with this idempotency key is still being processed; retry in a moment');
        else {
          await wait(pause);
          continue;
        }
      }
      const id = replacing === undefined ? stableId('trip', key) : stableId('trip', key, 'after', replacing);
      // A lease in real time, like keyv's own TTLs (which read Date.now()), not the trip clock.
      if (await store.claimKey(key, { tripId: id, hash }, options.keyClaimTtlMs ?? 60_000, new Date(), replacing)) return { id };
    }
  }

  async function create(t: NewTrip): Promise<TripView> {
    const problems: string[] = [];
    if (!t.destinations.length) problems.push('destinations: at least one country is needed');
    for (const d of t.destinations) if (!/^[A-Z]{2}$/.test(d)) problems.push(`destinations: "${d}" is not an ISO 3166-1 alpha-2 code`);
    if (!validDate(t.start)) problems.push('start: expected a date YYYY-MM-DD');
    if (t.end !== null && !validDate(t.end)) problems.push('end: expected a date YYYY-MM-DD');
    const now = clock();
    const zone = config.DEFAULT_TIMEZONE;
    // The same date bounds as the API's, for every way a trip is planned (check-trip-dates.ts).
    if (validDate(t.start) && (t.end === null || validDate(t.end))) problems.push(...checkTripDates(t, tripDateLimits(config, now)));
    const expiresAt = problems.length ? now : expiryOf(t.start, t.end, config.TRIP_RETENTION_DAYS, zone);
    if (!problems.length && expiresAt <= now) problems.push(`end: the trip ended more than ${config.TRIP_RETENTION_DAYS} days ago`);
    if (problems.length) throw new InvalidTripError(problems);

    const hash = tripFingerprint(t);
    let id: string = randomUUID();
    if (t.idempotencyKey) {
      const claim = await claimKey(t, hash);
      if ('replay' in claim) return claim.replay;
      id = claim.id;
    }
    const keyed = t.idempotencyKey !== undefined;
    const plan = planReminders(t.start, t.end, { briefingDaysBefore: config.BRIEFING_DAYS_BEFORE, timeZone: zone, now });
    let reminders: ReminderRecord[] = plan.map((p) => ({
      id: keyed ? stableId('reminder', id, p.kind) : randomUUID(), tripId: id, kind: p.kind, dueAt: p.dueAt.toISOString(), status: 'scheduled',
      generation: 0, attempts: 0, expiresAt: expiresAt.toISOString(),
    }));
    const traveller = 'platform' in t.traveller ? { platform: t.traveller.platform, userId: t.traveller.userId } : { email: t.traveller.email.trim().toLowerCase() };
    let trip: TripRecord = {
      id, traveller, destinations: [...new Set(t.destinations)], start: t.start, end: t.end, createdBy: t.createdBy, source: t.source,
      createdAt: now.toISOString(), expiresAt: expiresAt.toISOString(), reminderIds: reminders.map((r) => r.id),
    };
    // Reminders first: a crash before the trip is stored leaves records the scheduler skips
    // (and, for a keyed trip, that the next attempt completes rather than duplicates). What
    // this call wrote is taken back when it fails: nothing answered 503 is listed or delivered.
    const written = { tripId: null as string | null, reminderIds: [] as string[] };
    let replayed = false;
    try {
      if (keyed) {
        for (const r of reminders) if (await store.insertReminder(r, now)) written.reminderIds.push(r.id);
        if (await store.insertTrip(trip, now)) written.tripId = id;
        else {
          // Stored by an earlier, interrupted attempt or by a racing one: finish that trip, as stored.
          replayed = true;
          const stored = await load(id);
          if (!stored) throw new StoreUnavailableError('store', 'error', { cause: new Error('the trip was stored and is gone again') });
          ({ trip, reminders } = stored);
        }
      } else {
        for (const r of reminders) {
          written.reminderIds.push(r.id);
          await store.putReminder(r, now);
        }
        written.tripId = id;
        await store.putTrip(trip, now);
      }
      for (const r of reminders) if (r.status === 'scheduled') await schedule(r);
      if (t.idempotencyKey) await store.putKey(t.idempotencyKey, { tripId: id, hash }, trip.expiresAt, now);
    } catch (error) {
      // Only what this call created. A keyed trip loses just its trip record: its reminders
      // (stable ids, inert without the trip) are reused by the retry, and records a racing
      // request with the same key stored are left to it.
      const undo = keyed ? { id: written.tripId ?? '', reminderIds: [] } : { id: written.tripId ?? '', reminderIds: written.reminderIds };
      if (undo.id || undo.reminderIds.length) await store.deleteTrip(undo).catch(() => undefined);
      logger.warn({ tripId: id, source: t.source, err: { name: (error as Error)?.name, code: (error as { code?: string })?.code } }, 'trip not saved');
      throw error;
    }
    if (!replayed) logger.info({ tripId: id, source: t.source, reminders: reminders.length }, 'trip created');
    if (reminders.some((r) => r.status === 'scheduled' && Date.parse(r.dueAt) <= now.getTime())) local?.nudge();
    return { ...toTripView(trip, reminders), ...(replayed ? { replayed: true } : {}) };
  }

  const service: ReminderService = {
    async createTrip(t) {
      if (!t.idempotencyKey) return create(t);
      // Two requests with one key at once in this process: the second waits and gets the first's trip.
      // (It then reads the key like any replica would, so a different trip is still refused.)
      const pending = keyLocks.get(t.idempotencyKey);
      if (pending) return pending.then(() => create(t), () => create(t));
      const p = create(t).finally(() => keyLocks.delete(t.idempotencyKey!));
      keyLocks.set(t.idempotencyKey, p);
      return p;
    },
    getTrip: view,
    async cancelTrip(id) {
      const got = await load(id);
      if (!got) return null;
      const now = clock();
      for (const r of got.reminders) {
        if (r.status !== 'scheduled') continue;
        r.status = 'cancelled';
        await store.putReminder(r, now);
        if (local) local.track(r);
        else await (await bull!).cancel(r);
      }
      got.trip.cancelledAt = now.toISOString();
      await store.putTrip(got.trip, now);
      logger.info({ tripId: id }, 'trip cancelled');
      return toTripView(got.trip, got.reminders);
    },
    async listTrips(filter = {}) {
      const now = clock().getTime();
      const out: TripView[] = [];
      for await (const trip of store.trips()) {
        if (Date.parse(trip.expiresAt) <= now) continue;
        if (filter.traveller && !sameTraveller(trip.traveller, filter.traveller)) continue;
        const v = toTripView(trip, await store.getReminders(trip.reminderIds));
        if (filter.status === 'acknowledged' ? !v.acknowledgedAt : filter.status && !v.reminders.some((r) => r.status === filter.status)) continue;
        out.push(v);
      }
      return out.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
    },
    async acknowledge(input) {
      let tripId = input.tripId;
      if (!tripId) {
        const mine = (await service.listTrips({ traveller: input.traveller })).filter((t) => t.reminders.some((r) => r.status === 'sent'));
        tripId = mine.sort((a, b) => b.start.localeCompare(a.start))[0]?.id;
      }
      const got = tripId ? await load(tripId) : null;
      if (!got) return null;
      await authorizeTripAction(got.trip, input.traveller);
      const now = clock();
      const target =
        got.reminders.find((r) => r.id === input.reminderId) ??
        [...got.reminders].filter((r) => r.status === 'sent').sort((a, b) => b.dueAt.localeCompare(a.dueAt))[0] ??
        got.reminders.find((r) => r.kind === 'briefing');
      if (target && !target.acknowledgedAt) {
        // Acknowledged before it went out: nothing left to send for it.
        if (target.status === 'scheduled' || target.status === 'sent') target.status = 'acknowledged';
        target.acknowledgedAt = now.toISOString();
        await store.putReminder(target, now);
        local?.track(target);
        logger.info({ tripId: got.trip.id, kind: target.kind }, 'checklist acknowledged');
      }
      return toTripView(got.trip, got.reminders);
    },
    async snooze(input) {
      const got = await load(input.tripId);
      const r = got?.reminders.find((x) => x.id === input.reminderId);
      if (!got || !r) return null;
      await authorizeTripAction(got.trip, input.traveller);
      const effect = snoozeEffect(got.trip, r);
      const now = clock();
      const until = input.until > now ? input.until : now;
      // A new generation either way: the old queued job (if any) no longer matches and is skipped.
      Object.assign(r, { status: 'scheduled', dueAt: until.toISOString(), generation: r.generation + 1, attempts: 0, retryAt: undefined, reason: undefined });
      await store.putReminder(r, now);
      await schedule(r);
      logger.info({ tripId: got.trip.id, kind: r.kind, effect }, 'reminder snoozed');
      return toTripView(got.trip, got.reminders);
    },
    registerDeliverer(d) {
      deliverers.set(d.platform, d);
    },
    deliverer: (platform) => deliverers.get(platform),
    // With BullMQ, alerts draw from the queue's schedule in Redis, one pace with every worker's reminders.
    pace: async () => (bull ? (await bull).pace() : pacer.take()),
    every(name, everyMs, run) {
      if (local) local.every(name, everyMs, run);
      else void bull!.then((b) => b.every(name, everyMs, run), () => undefined);
    },
    async runDue(now = clock()) {
      let result = { sent: 0, failed: 0, retried: 0 };
      if (local) result = await local.runDue(now);
      if (now.getTime() - lastSweep >= 3_600_000) {
        lastSweep = now.getTime();
        const swept = await store.sweep(now);
        if (swept) logger.info({ swept }, 'expired trips deleted');
      }
      return result;
    },
    async start() {
      if (local) await local.start();
      else {
        await (await bull!).start();
        // The queue delivers; this process still deletes expired trip data now and then.
        sweeper = setInterval(() => void service.runDue!().catch((error: unknown) => logger.error({ err: error }, 'trip sweep failed')), 15 * 60_000);
        sweeper.unref();
      }
    },
    async stop(budgetMs = 5000) {
      if (sweeper) clearInterval(sweeper);
      sweeper = null;
      if (local) await local.stop();
      else await (await bull!).stop(budgetMs);
    },
    async health() {
      const state = (p: Promise<unknown>) => p.then(() => 'ok' as const, () => 'down' as const);
      const queue = bull ? await bull : null;
      const [storeState, redisState] = await Promise.all([state(store.ping()), queue ? state(queue.ping()) : Promise.resolve(undefined)]);
      const running = local ? local.running() : queue!.workerRunning();
      return {
        store: storeState,
        ...(redisState ? { redis: redisState } : {}),
        queue: running && redisState !== 'down' ? 'ok' : 'down',
      };
    },
  };
  return service;
}
