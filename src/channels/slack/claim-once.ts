/**
 * "Set if absent" on a keyv store: the first caller to claim a key within its TTL
 * wins, every later caller loses. Slack retries an event (same `event_id`) when our
 * ack is late, and several replicas may each receive a copy; only the winner answers.
 *
 * On Redis the claim is one atomic `SET key value NX PX ttl`, so replicas sharing the
 * store never both win. On other stores (SQLite, Postgres) it is get-then-set guarded
 * by an in-process lock: exact within one process, a narrow race across processes.
 */
import type Keyv from 'keyv';

interface RedisLikeAdapter {
  namespace?: string;
  getClient(): Promise<{ set(key: string, value: string, options: { NX: true; PX: number }): Promise<string | null> }>;
  createKeyPrefix(key: string, namespace?: string): string;
}

function redisAdapter(store: Keyv): RedisLikeAdapter | null {
  const adapter = store.store as Partial<RedisLikeAdapter> | undefined;
  return adapter && typeof adapter.getClient === 'function' && typeof adapter.createKeyPrefix === 'function'
    ? (adapter as RedisLikeAdapter)
    : null;
}

const inFlight = new WeakMap<Keyv, Set<string>>();

/** Returns true for exactly one caller per key and TTL window. */
export async function claimOnce(store: Keyv, key: string, ttlMs: number, now: () => Date = () => new Date()): Promise<boolean> {
  const redis = redisAdapter(store);
  if (redis) {
    const client = await redis.getClient();
    // Same value format keyv writes, so store.get(key) sees the claim too.
    const value = JSON.stringify({ value: 1, expires: now().getTime() + ttlMs });
    return (await client.set(redis.createKeyPrefix(key, redis.namespace), value, { NX: true, PX: ttlMs })) === 'OK';
  }
  let pending = inFlight.get(store);
  if (!pending) inFlight.set(store, (pending = new Set()));
  if (pending.has(key)) return false;
  pending.add(key);
  try {
    if ((await store.get(key)) !== undefined) return false;
    await store.set(key, 1, ttlMs);
    return true;
  } finally {
    pending.delete(key);
  }
}
