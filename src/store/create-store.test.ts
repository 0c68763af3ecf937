/**
 * Proves each STORE_URL kind stores, expires and survives a reconnect, against the real
 * servers of this machine: embedded SQLite file, Redis 127.0.0.1:6379, PostgreSQL db "test".
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
});

it('describes the store without credentials', () => {
  expect(describeStore({ STORE_URL: 'postgres://user:secret@db/x', DATA_DIR: 'data' })).toBe('postgres');
  expect(describeStore({ STORE_URL: undefined, DATA_DIR: '/tmp/d' })).toBe('sqlite (/tmp/d/store.sqlite)');
});
