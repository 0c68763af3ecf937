/**
 * Proves an idempotency key creates exactly one trip across replicas: two service
 * instances sharing real Redis (127.0.0.1:6379) or real PostgreSQL (127.0.0.1:5432,
 * database "test") race the same key many times at once and end with one trip; the
 * same key with a different trip is refused when the caller asks for it (the HTTP
 * API does), and still replays by default (Slack's message and button share a key).
 * A claim left by a replica that crashed before writing its trip frees itself, and a
 * key whose trip has expired is taken over by one new trip.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IdempotencyConflictError } from '../../src/errors.js';
import { tripFingerprint } from '../../src/reminders/create-reminder-service.js';
import type { NewTrip } from '../../src/reminders/types.js';
import { claimOnce } from '../../src/store/claim-once.js';
import { closeAfterEach, makeHarness, SHARED_STORES, type Harness } from './reminders-harness.js';

const open: Harness[] = closeAfterEach();
const STORES = SHARED_STORES;
const base: NewTrip = {
  traveller: { email: 'ana@example.com' }, destinations: ['KZ', 'KG'], start: '2026-12-08', end: '2026-12-12',
  createdBy: 'api', source: 'api', keyReuse: 'reject-different',
};

describe.each(Object.entries(STORES))('idempotency keys on a shared %s store', (_name, url) => {
  function replicas(options: Parameters<typeof makeHarness>[1] = {}): [Harness, Harness] {
    const namespace = `idem-${randomUUID().slice(0, 8)}`;
    // What is tested is the race, not the store's deadline: a generous bound keeps a loaded CI machine from failing it.
    const a = makeHarness({ STORE_URL: url, STORE_TIMEOUT_MS: '15000' }, { namespace, ...options });
    const b = makeHarness({ STORE_URL: url, STORE_TIMEOUT_MS: '15000' }, { namespace, ...options });
    open.push(a, b);
    return [a, b];
  }

  it('two replicas racing one key 20 times create exactly one trip, and all callers get it', async () => {
    const [a, b] = replicas();
    const got = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).service.createTrip({ ...base, idempotencyKey: 'api:booking-1' })));
    expect(new Set(got.map((t) => t.id)).size).toBe(1);
    expect(got.filter((t) => !t.replayed)).toHaveLength(1);
    const all = await a.service.listTrips();
    expect(all.map((t) => t.id)).toEqual([got[0]!.id]);
    expect(all[0]!.reminders).toHaveLength(3);
  });

  it('the same key with a different trip is refused (different-request), the same trip in another order replays', async () => {
    const [a, b] = replicas();
    const first = await a.service.createTrip({ ...base, idempotencyKey: 'api:booking-2' });
    const other = b.service.createTrip({ ...base, end: '2026-12-20', idempotencyKey: 'api:booking-2' });
    await expect(other).rejects.toBeInstanceOf(IdempotencyConflictError);
    await expect(other).rejects.toMatchObject({ reason: 'different-request' });
    const same = await b.service.createTrip({ ...base, destinations: ['KG', 'KZ'], traveller: { email: ' Ana@Example.com' }, idempotencyKey: 'api:booking-2' });
    expect(same).toMatchObject({ id: first.id, replayed: true });
    // Without reject-different (Slack's message and button), a reused key replays the first trip.
    const lenient = await b.service.createTrip({ ...base, end: '2026-12-20', keyReuse: 'replay', idempotencyKey: 'api:booking-2' });
    expect(lenient.id).toBe(first.id);
    expect(await a.service.listTrips()).toHaveLength(1);
  });

  it('once the trip a key named has expired, racing replicas point the key at exactly one new trip', async () => {
    const [a, b] = replicas();
    const old = await a.service.createTrip({ ...base, idempotencyKey: 'api:booking-4' });
    a.clock.set('2027-01-12T00:00:00Z');
    b.clock.set('2027-01-12T00:00:00Z');
    const later = { ...base, start: '2027-02-01', end: '2027-02-03', keyReuse: 'replay' as const, idempotencyKey: 'api:booking-4' };
    const got = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).service.createTrip(later)));
    expect(new Set(got.map((t) => t.id)).size).toBe(1);
    expect(got[0]!.id).not.toBe(old.id);
    expect((await b.service.listTrips()).map((t) => t.id)).toEqual([got[0]!.id]);
  });

  it('a claim left by a replica that died before writing its trip frees itself after keyClaimTtlMs', async () => {
    const [a, b] = replicas({ keyClaimTtlMs: 1, keyWaitMs: 0 });
    // What a crashed replica leaves: the claim, no trip.
    const store = a.stores.find((s) => s.namespace?.endsWith('-keys'))!;
    expect(await claimOnce(store, 'api:booking-3', 1, () => new Date(), { tripId: 'never-written', hash: tripFingerprint(base), pending: true })).toBe(true);
    let trip = null;
    for (let i = 0; i < 50 && !trip; i++) trip = await b.service.createTrip({ ...base, idempotencyKey: 'api:booking-3' }).catch((e: unknown) => {
      if (e instanceof IdempotencyConflictError && e.reason === 'in-progress') return null;
      throw e;
    });
    expect(trip).not.toBeNull();
    expect(trip!.replayed).toBeUndefined();
    expect((await a.service.listTrips()).map((t) => t.id)).toEqual([trip!.id]);
  });
});
