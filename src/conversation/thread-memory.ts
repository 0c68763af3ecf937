/**
 * What a conversation thread remembers between turns, so a follow-up needs no repeating:
 * the destinations and trip dates of the last answer, and the trip the thread planned.
 * Never the message text, never the words the dates came from (`trip.said`): country
 * codes, ISO dates and a trip id only. Kept in the store (SQLite, Redis or Postgres, so
 * every replica reads the same thread) under a SHA-256 of the door's thread key, and
 * forgotten after `ttlMs` (THREAD_MEMORY_HOURS). A store that fails is an answer without
 * memory, never an error: reading gives nothing and writing is skipped, and the caller
 * is told so it can log it once.
 */
import { createHash } from 'node:crypto';
import type Keyv from 'keyv';
import { z } from 'zod';
import { StoreUnavailableError } from '../errors.js';
import type { ThreadRef } from './types.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One thread's memory, as stored. */
export const threadMemorySchema = z.object({
  destinations: z.array(z.string().regex(/^[A-Z]{2}$/)).max(60),
  trip: z.object({ start: isoDate.nullable(), end: isoDate.nullable(), startInferred: z.boolean(), endInferred: z.boolean() }).nullable(),
  /** The trip planned in this thread ("remind me"), which "I've done the checklist" then acknowledges. */
  tripId: z.string().max(200).nullable(),
});
export type ThreadMemory = z.infer<typeof threadMemorySchema>;

export interface ThreadMemoryStore {
  /** The thread's memory (not read for a `fresh` thread), else its parent's; null when neither has any (or the store failed). */
  recall(thread: ThreadRef): Promise<ThreadMemory | null>;
  /** Replaces the thread's (and its parent's) memory; a store failure is swallowed. */
  remember(thread: ThreadRef, memory: ThreadMemory): Promise<void>;
}

const hashed = (key: string) => `t-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;

/** `onStoreDown`: told when the store failed (the turn goes on without memory). */
export function createThreadMemory(store: Keyv<unknown>, ttlMs: number, onStoreDown: (error: StoreUnavailableError) => void = () => undefined): ThreadMemoryStore {
  async function read(key: string): Promise<ThreadMemory | null> {
    const parsed = threadMemorySchema.safeParse(await store.get(hashed(key)));
    return parsed.success ? parsed.data : null;
  }
  async function tolerant<T>(step: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      onStoreDown(error);
      return fallback;
    }
  }
  return {
    recall: (thread) => tolerant(async () => (thread.fresh ? null : await read(thread.key)) ?? (thread.parent ? await read(thread.parent) : null), null),
    async remember(thread, memory) {
      const kept = threadMemorySchema.parse(memory);
      await tolerant(async () => {
        for (const key of [thread.key, thread.parent]) if (key) await store.set(hashed(key), kept, ttlMs);
      }, undefined);
    },
  };
}
