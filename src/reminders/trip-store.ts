/**
 * The reminders' storage over keyv (SQLite, Redis or Postgres from STORE_URL): trips,
 * reminder records and idempotency keys, each in its own namespace, each written with
 * a TTL that ends TRIP_RETENTION_DAYS after the return. SQLite never purges expired
 * rows by itself, so `sweep` deletes them.
 */
import type Keyv from 'keyv';
import { claimOnce } from '../store/claim-once.js';
import type { ReminderRecord, TripRecord } from './trip-records.js';

/**
 * What an idempotency key points to: the trip, and a SHA-256 of the normalised request
 * that created it, so a key reused for a different trip can be told apart from a retry.
 * `pending` while the claiming request is still writing the trip.
 */
export interface KeyRecord {
  tripId: string;
  hash?: string;
  pending?: true;
}

export interface TripStore {
  getTrip(id: string): Promise<TripRecord | null>;
  putTrip(t: TripRecord, now: Date): Promise<void>;
  getReminder(id: string): Promise<ReminderRecord | null>;
  getReminders(ids: string[]): Promise<ReminderRecord[]>;
  putReminder(r: ReminderRecord, now: Date): Promise<void>;
  /**
   * Write-if-absent for records with a stable id (stable-id.ts): true when this call
   * stored it, false when a record with that id is already there (written by an
   * earlier, interrupted attempt or by a concurrent one), which is then left untouched:
   * a reminder already sent is never reset to `scheduled`. Atomic on the store's server.
   */
  insertTrip(t: TripRecord, now: Date): Promise<boolean>;
  insertReminder(r: ReminderRecord, now: Date): Promise<boolean>;
  /** Removes a trip's records (an empty id: only the reminders), for a create that failed half-way. */
  deleteTrip(t: Pick<TripRecord, 'id' | 'reminderIds'>): Promise<void>;
  /** One read from the store, for health checks; rejects (StoreUnavailableError) when it is down. */
  ping(): Promise<void>;
  keyRecord(key: string): Promise<KeyRecord | null>;
  /**
   * Atomically claims `key` for a trip about to be written (true for exactly one caller
   * across every replica sharing the store, see claimOnce). The claim is `pending` and
   * lasts `ttlMs`: if the claimer crashes before `putKey`, the key frees itself.
   * `replacing`: the key still names a trip that is gone (expired); one caller wins the
   * right to point it at a new trip, as one atomic claim on "<key> after <old trip id>".
   */
  claimKey(key: string, claim: { tripId: string; hash: string }, ttlMs: number, now: Date, replacing?: string): Promise<boolean>;
  /** Makes a claim final, for as long as the trip is kept. */
  putKey(key: string, record: KeyRecord, expiresAt: string, now: Date): Promise<void>;

  trips(): AsyncIterable<TripRecord>;
  reminders(): AsyncIterable<ReminderRecord>;
  /** Deletes every trip (and its reminders) past its expiry; returns how many. */
  sweep(now: Date): Promise<number>;
  /** All namespaces, so tests and close() can release them. */
  stores: Keyv[];
}

export interface TripStoreOptions {
  store<T>(namespace: string): Keyv<T>;
  /** Namespace prefix, so tests (and several apps on one server) keep apart. Default "reminders". */
  prefix?: string;
}

/** Milliseconds left until `expiresAt`, never below one minute (keyv treats 0 as "forever"). */
function ttl(expiresAt: string, now: Date): number {
  return Math.max(60_000, Date.parse(expiresAt) - now.getTime());
}

async function* values<T>(kv: Keyv<T>): AsyncIterable<T> {
  if (!kv.iterator) throw new Error('this keyv store cannot be iterated; use SQLite, Redis or Postgres');
  for await (const [, value] of kv.iterator(undefined) as AsyncIterable<[string, T]>) if (value) yield value;
}

export function createTripStore(options: TripStoreOptions): TripStore {
  const prefix = options.prefix ?? 'reminders';
  const trips = options.store<TripRecord>(`${prefix}-trips`);
  const reminders = options.store<ReminderRecord>(`${prefix}-state`);
  // Older records hold the trip id alone (a string).
  const keys = options.store<KeyRecord | string>(`${prefix}-keys`);
  const live = <T extends { expiresAt: string }>(v: T | undefined, now = Date.now()): T | null =>
    v && Date.parse(v.expiresAt) > now ? v : null;

  return {
    stores: [trips, reminders, keys] as Keyv[],
    async getTrip(id) {
      return (await trips.get(id)) ?? null;
    },
    async putTrip(t, now) {
      await trips.set(t.id, t, ttl(t.expiresAt, now));
    },
    async getReminder(id) {
      return (await reminders.get(id)) ?? null;
    },
    async getReminders(ids) {
      if (!ids.length) return [];
      const got = await reminders.getMany(ids);
      return got.filter((r): r is ReminderRecord => Boolean(r));
    },
    async putReminder(r, now) {
      await reminders.set(r.id, r, ttl(r.expiresAt, now));
    },
    async insertTrip(t, now) {
      // A lease in real time, like keyv's own TTLs (which read Date.now()), ending when the trip expires.
      return claimOnce(trips as Keyv, t.id, ttl(t.expiresAt, now), () => new Date(), t);
    },
    async insertReminder(r, now) {
      return claimOnce(reminders as Keyv, r.id, ttl(r.expiresAt, now), () => new Date(), r);
    },
    async deleteTrip(t) {
      if (t.reminderIds.length) await reminders.deleteMany(t.reminderIds);
      if (t.id) await trips.delete(t.id);
    },
    async ping() {
      await keys.get('health-probe');
    },
    async keyRecord(key) {
      const v = await keys.get(key);
      if (v === undefined || v === null) return null;
      return typeof v === 'string' ? { tripId: v } : v;
    },
    async claimKey(key, claim, ttlMs, now, replacing) {
      const pending = { ...claim, pending: true as const };
      if (replacing === undefined) return claimOnce(keys as Keyv, key, ttlMs, () => now, pending);
      if (!(await claimOnce(keys as Keyv, `${key} after ${replacing}`, ttlMs, () => now, pending))) return false;
      await keys.set(key, pending, ttlMs);
      return true;
    },
    async putKey(key, record, expiresAt, now) {
      const { pending: _done, ...final } = record;
      await keys.set(key, final, ttl(expiresAt, now));
    },

    trips: () => values(trips),
    reminders: () => values(reminders),
    async sweep(now) {
      const gone: TripRecord[] = [];
      for await (const t of values(trips)) if (!live(t, now.getTime())) gone.push(t);
      for (const t of gone) {
        await reminders.deleteMany(t.reminderIds);
        await trips.delete(t.id);
      }
      // Iterating drops idempotency keys whose keyv TTL has passed (SQLite keeps them otherwise).
      for await (const _ of values(keys)) void _;
      return gone.length;
    },
  };
}
