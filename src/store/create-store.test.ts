/**
 * Proves each STORE_URL kind stores, expires and survives a reconnect, against the real
 * servers of this machine: embedded SQLite file, Redis 127.0.0.1:6379, PostgreSQL db "test";
 * that writes made at once (which SQLite sends together, one statement per batch) are each
 * kept, the later of two to one key winning; and that a write the file refuses is an error
 * for each of its callers, never reported saved.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStoreBackend, createStore, describeStore } from './create-store.js';

const dataDir = mkdtempSync(join(tmpdir(), 'ta-store-'));
const kinds = [
  ['embedded SQLite', undefined],
  ['Redis', 'redis://127.0.0.1:6379'],
  ['PostgreSQL', 'postgres://postgres@127.0.0.1:5432/test'],
] as const;

describe.each(kinds)('keyv store on %s', (_name, url) => {
  const config = { STORE_URL: url, DATA_DIR: dataDir };
  const namespace = `store-test-${process.pid}-${Date.now()}`;
  beforeAll(() => loadStoreBackend(config));

  it('keeps values across a new connection (a restart)', async () => {
    const a = createStore<{ n: number }>(config, namespace);
    await a.set('k', { n: 42 });
    await a.disconnect();
    const b = createStore<{ n: number }>(config, namespace);
    expect(await b.get('k')).toEqual({ n: 42 });
    await b.delete('k');
    await b.disconnect();
  });

  it('expires values after their TTL', async () => {
    const s = createStore<string>(config, namespace);
    await s.set('short', 'v', 50);
    await new Promise((r) => setTimeout(r, 120));
    expect(await s.get('short')).toBeUndefined();
    await s.disconnect();
  });

  it('keeps namespaces apart', async () => {
    const a = createStore<string>(config, `${namespace}-a`);
    const b = createStore<string>(config, `${namespace}-b`);
    await a.set('same', 'a');
    expect(await b.get('same')).toBeUndefined();
    await a.delete('same');
    // @keyv/postgres shares one pool per URL: closing it once closes it for both.
    await a.disconnect();
    if (url === undefined || !url.startsWith('postgres')) await b.disconnect();
  });

  it('keeps each of many writes made at once, the later of two to one key winning', async () => {
    const s = createStore<{ n: number }>(config, `${namespace}-burst`);
    await Promise.all([...Array.from({ length: 300 }, (_, n) => s.set(`k${n}`, { n })), s.set('k7', { n: -7 })]);
    const read = await Promise.all(Array.from({ length: 300 }, (_, n) => s.get(`k${n}`)));
    expect(read).toEqual(Array.from({ length: 300 }, (_, n) => ({ n: n === 7 ? -7 : n })));
    await s.clear();
    if (url === undefined || !url.startsWith('postgres')) await s.disconnect();
  });
});

it('on SQLite, two writes of a key in one statement keep their order, a delete waits for the writes before it, and a disconnect loses none still queued', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ta-store-order-'));
  const s = createStore<number>({ STORE_URL: undefined, DATA_DIR: dir }, 'order');
  // The first write goes alone; the rest queue behind it and go as one statement, k7 twice in it.
  const writes = [s.set('k0', 0), s.set('k7', 7), s.set('k7', -7), ...Array.from({ length: 300 }, (_, n) => n).filter((n) => n !== 0 && n !== 7).map((n) => s.set(`k${n}`, n))];
  // Once keyv has handed them to the adapter (one turn), a delete and a disconnect come after them.
  await new Promise((r) => setImmediate(r));
  const gone = s.delete('k299');
  await s.disconnect();
  await Promise.all([...writes, gone]);
  const again = createStore<number>({ STORE_URL: undefined, DATA_DIR: dir }, 'order');
  const read = await Promise.all(Array.from({ length: 300 }, (_, n) => again.get(`k${n}`)));
  expect(read).toEqual(Array.from({ length: 300 }, (_, n) => (n === 299 ? undefined : n === 7 ? -7 : n)));
  await again.disconnect();
});

it('rejects every write of a batch the SQLite file refuses, and saves the next ones', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ta-store-ro-'));
  const s = createStore<string>({ STORE_URL: undefined, DATA_DIR: dir }, 'refused');
  await s.set('before', 'kept');
  // A trigger makes the file refuse rows while it exists, as a full disk or a lock would.
  const query = (s.store as unknown as { query(sql: string): Promise<unknown> }).query;
  await query(`CREATE TRIGGER refuse BEFORE INSERT ON keyv WHEN NEW.key LIKE 'refused:bad%' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
  const outcomes = await Promise.allSettled([s.set('ok1', 'a'), s.set('bad', 'b'), s.set('ok2', 'c')]);
  // Writes in the refused statement fail with it; none is reported saved while it is missing.
  for (const [i, o] of outcomes.entries()) if (o.status === 'fulfilled') expect(await s.get(['ok1', 'bad', 'ok2'][i]!)).toBeDefined();
  expect(outcomes[1]!.status).toBe('rejected');
  expect(await s.get('bad')).toBeUndefined();
  await query('DROP TRIGGER refuse');
  await s.set('after', 'saved');
  expect(await s.get('after')).toBe('saved');
  expect(await s.get('before')).toBe('kept');
  await s.disconnect();
});

it('describes the store without credentials', () => {
  expect(describeStore({ STORE_URL: 'postgres://user:secret@db/x', DATA_DIR: 'data' })).toBe('postgres');
  expect(describeStore({ STORE_URL: undefined, DATA_DIR: '/tmp/d' })).toBe('sqlite (/tmp/d/store.sqlite)');
});
