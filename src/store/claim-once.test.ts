/**
 * claimOnce gives an event to exactly one taker, atomically on the store's server:
 * concurrent claims on the embedded SQLite store, on Postgres, and from two store
 * instances sharing Redis (as two replicas would); an expired claim can be taken again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Keyv from 'keyv';
import { createStore, loadStoreBackend } from './create-store.js';
import { claimOnce } from './claim-once.js';

const dir = mkdtempSync(join(tmpdir(), 'claim-once-'));
const stores: Keyv[] = [];
beforeAll(async () => {
  await loadStoreBackend({ STORE_URL: 'redis://127.0.0.1:6379' });
  await loadStoreBackend({ STORE_URL: 'postgres://postgres@127.0.0.1:5432/test' });
});

function store(config: Parameters<typeof createStore>[0], namespace: string): Keyv {
  const s = createStore(config, namespace);
  stores.push(s);
  return s;
}

afterAll(async () => {
  await Promise.all(stores.map((s) => s.disconnect().catch(() => undefined)));
  rmSync(dir, { recursive: true, force: true });
});

const t0 = new Date('2026-11-23T10:00:00Z');
const at = (ms: number) => () => new Date(t0.getTime() + ms);

describe('claimOnce', () => {
  it('lets one of many concurrent claims win on the embedded SQLite store, across two store instances', async () => {
    const a = store({ DATA_DIR: dir }, 'claim-test');
    const b = store({ DATA_DIR: dir }, 'claim-test');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => claimOnce(i % 2 ? a : b, 'Ev1', 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await claimOnce(a, 'Ev1', 60_000)).toBe(false);
    expect(await claimOnce(a, 'Ev2', 60_000)).toBe(true);
    // The claim is visible through keyv itself.
    expect(await b.get('Ev1')).toBe(1);
  });

  it('takes an expired SQLite claim again (TTL measured on the injected clock)', async () => {
    const s = store({ DATA_DIR: dir }, 'claim-ttl');
    expect(await claimOnce(s, 'Ev1', 1000, at(0))).toBe(true);
    expect(await claimOnce(s, 'Ev1', 1000, at(999))).toBe(false);
    expect(await claimOnce(s, 'Ev1', 1000, at(1001))).toBe(true);
    expect(await claimOnce(s, 'Ev1', 1000, at(1500))).toBe(false);
  });


  it('gives each key to exactly one taker when hundreds of claims on SQLite overlap (batched statements)', async () => {
    const a = store({ DATA_DIR: dir }, 'claim-burst');
    const b = store({ DATA_DIR: dir }, 'claim-burst');
    await claimOnce(a, 'Ev-taken', 60_000);
    // 300 distinct keys, each claimed three times at once, from two connections.
    const keys = Array.from({ length: 300 }, (_, i) => `Ev-burst-${i}`);
    const claims = keys.flatMap((key, i) => [a, b, a].map((s) => claimOnce(s, key, 60_000).then((won) => ({ key, won }))));
    const taken = await Promise.all([...claims, claimOnce(a, 'Ev-taken', 60_000).then((won) => ({ key: 'Ev-taken', won }))]);
    const winners = new Map<string, number>();
    for (const { key, won } of taken) if (won) winners.set(key, (winners.get(key) ?? 0) + 1);
    expect([...winners.keys()].sort()).toEqual([...keys].sort());
    expect([...winners.values()].every((n) => n === 1)).toBe(true);
    expect(await b.get('Ev-burst-299')).toBe(1);
  });

  it('reports a SQLite failure to every claim waiting in the same batch', async () => {
    const s = store({ DATA_DIR: join(dir, 'closed') }, 'claim-fail');
    expect(await claimOnce(s, 'Ev1', 60_000)).toBe(true);
    await s.disconnect();
    const results = await Promise.allSettled([claimOnce(s, 'Ev2', 60_000), claimOnce(s, 'Ev3', 60_000), claimOnce(s, 'Ev2', 60_000)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
  });
  it('lets one claim win on Postgres and takes an expired one again', async () => {
    const namespace = `claim-${randomUUID()}`;
    const a = store({ DATA_DIR: dir, STORE_URL: 'postgres://postgres@127.0.0.1:5432/test' }, namespace);
    const b = store({ DATA_DIR: dir, STORE_URL: 'postgres://postgres@127.0.0.1:5432/test' }, namespace);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => claimOnce(i % 2 ? a : b, 'Ev1', 60_000, at(0))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await claimOnce(a, 'Ev1', 60_000, at(60_001))).toBe(true);
    await a.clear();
  });

  it('lets one replica win when two share Redis, and the claim expires with its TTL', async () => {
    const namespace = `slack-dedupe-test-${randomUUID()}`;
    const a = store({ DATA_DIR: dir, STORE_URL: 'redis://127.0.0.1:6379' }, namespace);
    const b = store({ DATA_DIR: dir, STORE_URL: 'redis://127.0.0.1:6379' }, namespace);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => claimOnce(i % 2 ? a : b, 'Ev1', 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await b.get('Ev1')).toBe(1);
    // A 1 ms TTL: Redis expires the key on its own clock; a later claim wins again.
    expect(await claimOnce(a, 'Ev-short', 1)).toBe(true);
    let again = false;
    for (let i = 0; i < 50 && !again; i++) again = await claimOnce(b, 'Ev-short', 1);
    expect(again).toBe(true);
    await a.clear();
  });

  it.each([
    ['SQLite', {}],
    ['Postgres', { STORE_URL: 'postgres://postgres@127.0.0.1:5432/test' }],
    ['Redis', { STORE_URL: 'redis://127.0.0.1:6379' }],
  ])('stores the claim value on %s so losers read what the winner claimed', async (_name, extra) => {
    const s = store({ DATA_DIR: dir, ...extra }, `claim-value-${randomUUID()}`);
    expect(await claimOnce(s, 'K1', 60_000, () => new Date(), { tripId: 't-1', hash: 'abc' })).toBe(true);
    expect(await claimOnce(s, 'K1', 60_000, () => new Date(), { tripId: 't-2', hash: 'def' })).toBe(false);
    expect(await s.get('K1')).toEqual({ tripId: 't-1', hash: 'abc' });
    await s.clear();
  });

  it('falls back to get-then-set under an in-process lock for other stores', async () => {
    const s = new Keyv({ namespace: 'mem' });
    const results = await Promise.all(Array.from({ length: 10 }, () => claimOnce(s, 'Ev1', 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
