/**
 * Where alerts keep their state, in keyv on STORE_URL (shared by every replica):
 * - `<prefix>-content`: "the content last seen", one record holding every
 *   destination's fingerprint and the generation of the last announced change. One
 *   record, so it moves from one content to the next in a single write.
 * - `<prefix>-leases`: short claims (claimOnce: one atomic statement on the store's
 *   server) that one worker, in one replica, is alerting one trip about one change.
 * - `<prefix>-sent`: the durable record per trip and change (`sending` before the
 *   platform is called, `sent` or `failed` after), kept as long as the trip.
 */
import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import { claimOnce } from '../store/claim-once.js';
import type { AlertRecord, DestinationFingerprint } from './types.js';

/** "The content last seen": what travellers were last told about, per destination, as one record. */
export interface LastSeen {
  version: 1;
  /** Bumped each time a change that matters was announced; part of every alert key. */
  generation: number;
  destinations: Record<string, DestinationFingerprint>;
  updatedAt: string;
}

/** The alerts' state in the shared store, so replicas and restarts agree on who was told. */
export interface AlertStore {
  lastSeen(): Promise<LastSeen | null>;
  putLastSeen(value: LastSeen): Promise<void>;
  record(key: string): Promise<AlertRecord | null>;
  putRecord(record: AlertRecord, now: Date): Promise<void>;
  /**
   * The lease on `key`: `claimed` now (one atomic claim across replicas), `ours` when
   * this process took it earlier and at least `needMs` of it is left, null otherwise
   * (another worker holds it). A lease ends by itself `leaseMs` after it was taken
   * (real time, like keyv's TTLs).
   */
  lease(key: string, leaseMs: number, needMs: number): Promise<'claimed' | 'ours' | null>;
  records(): AsyncIterable<AlertRecord>;
  stores: Keyv[];
}

const LAST_SEEN = 'last-seen';

/** Milliseconds until `expiresAt`, at least one minute (keyv reads 0 as "forever"). */
const ttl = (expiresAt: string, now: Date) => Math.max(60_000, Date.parse(expiresAt) - now.getTime());

/** `prefix` keeps tests (and several apps on one server) apart; default "alerts". */
export function createAlertStore(options: { store<T>(namespace: string): Keyv<T>; prefix?: string }): AlertStore {
  const prefix = options.prefix ?? 'alerts';
  const content = options.store<LastSeen>(`${prefix}-content`);
  const leases = options.store<{ owner: string; until: number }>(`${prefix}-leases`);
  const sent = options.store<AlertRecord>(`${prefix}-sent`);
  // This process's identity in leases: a restarted process is someone else, and waits for the lease to end.
  const owner = randomUUID();
  return {
    stores: [content, leases, sent] as Keyv[],
    async lastSeen() {
      return (await content.get(LAST_SEEN)) ?? null;
    },
    async putLastSeen(value) {
      await content.set(LAST_SEEN, value);
    },
    async record(key) {
      return (await sent.get(key)) ?? null;
    },
    async putRecord(record, now) {
      await sent.set(record.key, record, ttl(record.expiresAt, now));
    },
    async lease(key, leaseMs, needMs) {
      const now = Date.now();
      if (await claimOnce(leases as Keyv, key, leaseMs, () => new Date(now), { owner, until: now + leaseMs })) return 'claimed';
      const held = await leases.get(key);
      return held?.owner === owner && held.until - Date.now() >= needMs ? 'ours' : null;
    },
    async *records() {
      if (!sent.iterator) throw new Error('this keyv store cannot be iterated; use SQLite, Redis or Postgres');
      for await (const [, value] of sent.iterator(undefined) as AsyncIterable<[string, AlertRecord]>) if (value) yield value;
    },
  };
}
