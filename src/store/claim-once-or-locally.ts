/**
 * claimOnce for de-duplication that must not stop the service when the shared store is
 * down: Slack's replay guard and event de-duplication. While the store fails
 * (StoreUnavailableError, within STORE_TIMEOUT_MS) claims are kept in this process
 * instead, so a request is still refused the second time on this replica, and chat keeps
 * being answered (answering needs no store). Across replicas the guarantee is back as
 * soon as the store is. Never use it for what must be exactly-once across replicas
 * (trip idempotency keys): those must fail instead.
 *
 * Claims are written once and never read again, so on SQLite and PostgreSQL (where keyv
 * deletes an expired entry only when it is read) the claims' namespace is swept of expired
 * ones at most every SWEEP_INTERVAL_MS per store, on the injected clock, in the background
 * of a claim (sweep-expired-claims.ts).
 */
import type Keyv from 'keyv';
import { StoreUnavailableError } from '../errors.js';
import { claimOnce } from './claim-once.js';
import { sweepExpiredClaims } from './sweep-expired-claims.js';

/** How often a store's expired claims are deleted (the first claim of a process sweeps at once). */
export const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

export type Claim = (store: Keyv, key: string, ttlMs: number, now?: () => Date) => Promise<boolean>;

/**
 * A claim function with its own in-process memory (at most `limit` keys, oldest dropped
 * first); `onFallback` is told at most once a minute, `onSweepError` of a failed sweep.
 */
export function claimOnceOrLocally(options: { onFallback?: () => void; onSweepError?: (error: unknown) => void; limit?: number } = {}): Claim {
  const limit = options.limit ?? 50_000;
  const local = new Map<string, number>();
  const swept = new WeakMap<Keyv, number>();
  let told = 0;
  return async (store, key, ttlMs, now = () => new Date()) => {
    const nowMs = now().getTime();
    const last = swept.get(store);
    if (last === undefined || nowMs - last >= SWEEP_INTERVAL_MS) {
      swept.set(store, nowMs);
      void sweepExpiredClaims(store, nowMs).catch((error: unknown) => options.onSweepError?.(error));
    }
    try {
      return await claimOnce(store, key, ttlMs, now);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      // Once a minute at most: an outage would otherwise log every request.
      if (Date.now() - told > 60_000) {
        told = Date.now();
        options.onFallback?.();
      }
      const until = local.get(key);
      if (until !== undefined && until > nowMs) return false;
      local.delete(key);
      local.set(key, nowMs + ttlMs);
      if (local.size > limit) local.delete(local.keys().next().value!);
      return true;
    }
  };
}
