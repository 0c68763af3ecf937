/**
 * De-duplication claims (Slack event ids, request signatures, Teams activity ids) do not
 * pile up in the store for ever. keyv deletes an expired entry only when it is read, and a
 * claim is never read again, so on the embedded SQLite store and on PostgreSQL every claim
 * used to stay, one row per message. With the claim function the doors use
 * (claimOnceOrLocally) on a real store and an injected clock: a claim past its TTL is gone
 * from the raw table once the sweep interval has passed (read past keyv, which would hide
 * it), a live claim stays and still refuses its duplicate, and another namespace's expired
 * rows are left alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import { afterAll, describe, expect, it } from 'vitest';
import { claimOnce } from '../../src/store/claim-once.js';
import { claimOnceOrLocally, SWEEP_INTERVAL_MS } from '../../src/store/claim-once-or-locally.js';
import { closeStores } from '../../src/store/close-stores.js';
import { createStore } from '../../src/store/create-store.js';
import { rawRows } from '../insights/raw-rows.js';
import '../support/store-backends.js';

const dir = mkdtempSync(join(tmpdir(), 'expired-claims-'));
const opened: Keyv[] = [];
afterAll(async () => {
  await closeStores(opened, 1000);
  rmSync(dir, { recursive: true, force: true });
});

const t0 = new Date('2026-11-23T10:00:00Z').getTime();
const at = (ms: number) => () => new Date(t0 + ms);
const TTL = 60 * 60 * 1000;

const backends = [
  { name: 'SQLite', config: { DATA_DIR: dir } },
  { name: 'PostgreSQL', config: { DATA_DIR: dir, STORE_URL: 'postgres://postgres@127.0.0.1:5432/test' } },
];

describe.each(backends)('expired claims on $name', ({ config }) => {
  it('are deleted once the sweep interval has passed; a live claim stays and still de-duplicates', async () => {
    const ns = `claims-${randomUUID().slice(0, 8)}`;
    const other = `${ns}-other`;
    const store = createStore(config, ns);
    const otherStore = createStore(config, other);
    opened.push(store, otherStore);
    const keys = async (prefix: string) => (await rawRows(config, `${prefix}:`)).map(([k]) => k);

    const claim = claimOnceOrLocally();
    expect(await claim(store, 'Ev-old', TTL, at(0))).toBe(true);
    // Written with claimOnce alone (no sweep for that namespace): expired, but not ours to sweep.
    expect(await claimOnce(otherStore, 'Ev-other', TTL, at(0))).toBe(true);
    // Within the interval: nothing is swept yet, and the old claim still refuses its duplicate.
    expect(await claim(store, 'Ev-old', TTL, at(TTL - 1))).toBe(false);
    expect(await keys(ns)).toEqual([`${ns}:Ev-old`]);

    // Past the TTL and the interval: the next claim sweeps the expired one away.
    const later = TTL + SWEEP_INTERVAL_MS;
    expect(await claim(store, 'Ev-fresh', TTL, at(later))).toBe(true);
    await expect.poll(async () => (await keys(ns)).includes(`${ns}:Ev-old`), { timeout: 5_000, interval: 50 }).toBe(false);
    expect(await keys(ns)).toEqual([`${ns}:Ev-fresh`]);
    expect(await claim(store, 'Ev-fresh', TTL, at(later + 1000))).toBe(false);
    expect(await keys(other)).toEqual([`${other}:Ev-other`]);
  });
});
