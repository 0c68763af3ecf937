/**
 * Every call to the store or the reminder queue ends, one way or the other, within a
 * bound: a driver that waits for a reconnect (node-redis's offline queue, ioredis,
 * BullMQ's "wait until ready") or a server that accepts the connection but never
 * answers would otherwise hold an HTTP request, a Slack answer or a shutdown forever.
 * Failures and timeouts both become one typed error, StoreUnavailableError, so callers
 * have one thing to catch and can never mistake a failed write for a saved one.
 */
import type Keyv from 'keyv';
import { StoreUnavailableError } from '../errors.js';

/** Runs `call`; rejects with StoreUnavailableError when it fails or takes longer than `timeoutMs`. */
export async function withDeadline<T>(dependency: 'store' | 'queue', timeoutMs: number | undefined, call: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const work = (async () => call())().catch((error: unknown) => {
    throw error instanceof StoreUnavailableError ? error : new StoreUnavailableError(dependency, 'error', { cause: error });
  });
  if (!timeoutMs) return work;
  const late = new Promise<never>((_, reject) => {
    const arm = (extended: boolean) => {
      const due = performance.now() + timeoutMs;
      timer = setTimeout(() => {
        // Fired well after its time: this process was busy (a synchronous content reload, a
        // long GC), and the store's answer may be waiting in the poll phase, which runs after
        // timers. Its silence is ours, not the store's: give it the bound again, once.
        if (!extended && performance.now() - due > timeoutMs / 2) return arm(true);
        // Let I/O that already arrived settle the call before calling the store unavailable.
        setImmediate(() => reject(new StoreUnavailableError(dependency, 'timeout')));
      }, timeoutMs);
      // Not unref'd: the race below clears it as soon as the call settles, so it holds a process
      // open only while a call is pending. Unref'd, a driver that holds nothing open (a Redis
      // client between reconnects) let Node exit mid-await with code 13 and no summary.
    };
    arm(false);
  });
  // The late call may still settle; its outcome is no longer anyone's business.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

const deadlines = new WeakMap<object, number>();

/** Records the per-call bound of a store (createStore does), so code that talks to its adapter directly (claimOnce) honours it too. */
export function setStoreDeadline(store: Keyv, timeoutMs: number): void {
  deadlines.set(store, timeoutMs);
}

export function storeDeadline(store: Keyv): number | undefined {
  return deadlines.get(store);
}

/** Runs `call` within `store`'s recorded bound (setStoreDeadline), or unbounded when it has none. */
export function withStoreDeadline<T>(store: Keyv, call: () => Promise<T>): Promise<T> {
  const timeoutMs = storeDeadline(store);
  return timeoutMs === undefined ? call() : withDeadline('store', timeoutMs, call);
}
