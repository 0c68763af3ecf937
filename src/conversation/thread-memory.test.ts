/**
 * A thread that a turn starts (`fresh`: a top-level Slack message, named by its own ts)
 * costs no store read of its own key: only its parent (the DM around it) is read, while a
 * reply in an existing thread still reads the thread first and the parent after.
 */
import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { createThreadMemory, type ThreadMemory } from './thread-memory.js';

const KG: ThreadMemory = { destinations: ['KG'], trip: null, tripId: null };
const UZ: ThreadMemory = { destinations: ['UZ'], trip: null, tripId: null };

function countingStore() {
  const store = new Keyv();
  let reads = 0;
  const get = store.get.bind(store);
  store.get = ((key: string) => ((reads += 1), get(key))) as typeof store.get;
  return { store, reads: () => reads };
}

describe('createThreadMemory', () => {
  it('reads only the parent for a fresh thread, the thread first otherwise', async () => {
    const { store, reads } = countingStore();
    const memory = createThreadMemory(store, 60_000);
    await memory.remember({ key: 'slack:T:D1' }, KG);
    await memory.remember({ key: 'slack:T:D1:1.1' }, UZ);
    // Even if something were kept under the fresh key, it is not read: one read, the parent's.
    expect(await memory.recall({ key: 'slack:T:D1:1.1', parent: 'slack:T:D1', fresh: true })).toEqual(KG);
    expect(reads()).toBe(1);
    expect(await memory.recall({ key: 'slack:T:D1:1.1', parent: 'slack:T:D1' })).toEqual(UZ);
    expect(reads()).toBe(2);
    // A fresh channel mention (no parent) reads nothing at all.
    expect(await memory.recall({ key: 'slack:T:C1:2.2', fresh: true })).toBeNull();
    expect(reads()).toBe(2);
    expect(await memory.recall({ key: 'slack:T:C1:3.3' })).toBeNull();
    expect(reads()).toBe(3);
  });
});
