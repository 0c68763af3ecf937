/**
 * "Set if absent" on a keyv store: the first caller to claim a key within its TTL
 * wins, every later caller loses. Slack retries an event (same `event_id`) when our
 * ack is late and several replicas may each receive a copy; two replicas may receive
 * the same trip `Idempotency-Key` at once. Only the winner acts.
 *
 * Each claim is one atomic statement on the store's own server, so replicas sharing
 * the store never both win: Redis `SET key value NX PX ttl`; SQLite and Postgres
 * `INSERT … ON CONFLICT DO UPDATE … WHERE <expired> RETURNING key` (an expired claim
 * can be taken again). Values use keyv's format, so `store.get(key)` sees the claim.
 * Any other store falls back to get-then-set under an in-process lock.
 */
import type Keyv from 'keyv';

interface RedisLikeAdapter {
  namespace?: string;
  getClient(): Promise<{ set(key: string, value: string, options: { NX: true; PX: number }): Promise<string | null> }>;
  createKeyPrefix(key: string, namespace?: string): string;
}

interface SqlAdapter {
  opts: { dialect?: string; table?: string; schema?: string };
  query(sql: string, ...params: unknown[]): Promise<unknown[]>;
}

function redisAdapter(store: Keyv): RedisLikeAdapter | null {
  const adapter = store.store as Partial<RedisLikeAdapter> | undefined;
  return adapter && typeof adapter.getClient === 'function' && typeof adapter.createKeyPrefix === 'function'
    ? (adapter as RedisLikeAdapter)
    : null;
}

function sqlAdapter(store: Keyv): (SqlAdapter & { dialect: 'sqlite' | 'postgres' }) | null {
  const adapter = store.store as Partial<SqlAdapter> | undefined;
  const dialect = adapter?.opts?.dialect;
  if (typeof adapter?.query !== 'function' || (dialect !== 'sqlite' && dialect !== 'postgres')) return null;
  const sql = adapter as SqlAdapter;
  return { opts: sql.opts, query: (text, ...params) => sql.query(text, ...params), dialect };
}

/** The key as keyv stores it (namespace prefix), so keyv reads see our claims. */
function storedKey(store: Keyv, key: string): string {
  return store.useKeyPrefix && store.namespace ? `${store.namespace}:${key}` : key;
}

async function claimSql(adapter: SqlAdapter & { dialect: 'sqlite' | 'postgres' }, key: string, value: string, nowMs: number): Promise<boolean> {
  const ident = /^[A-Za-z_][A-Za-z0-9_]*$/;
  const table = adapter.opts.table ?? 'keyv';
  const schema = adapter.opts.schema;
  if (!ident.test(table) || (schema !== undefined && !ident.test(schema))) throw new Error(`unexpected keyv table name ${table}`);
  if (adapter.dialect === 'sqlite') {
    const rows = await adapter.query(
      `INSERT INTO ${table} (key, value) VALUES (?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value
       WHERE json_extract(${table}.value, '$.expires') < ?
       RETURNING key`,
      key,
      value,
      nowMs,
    );
    return rows.length > 0;
  }
  const qualified = `${schema ?? 'public'}.${table}`;
  const rows = await adapter.query(
    `INSERT INTO ${qualified} (key, value) VALUES ($1, $2)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
     WHERE (${qualified}.value::json->>'expires')::bigint < $3
     RETURNING key`,
    [key, value, nowMs],
  );
  return rows.length > 0;
}

const inFlight = new WeakMap<Keyv, Set<string>>();

/**
 * Returns true for exactly one caller per key and TTL window. `claimValue` (default 1,
 * JSON-serialisable, no strings starting with ":") is what `store.get(key)` reads back
 * while the claim lasts, so losers can see what the winner claimed it for.
 */
export async function claimOnce(
  store: Keyv,
  key: string,
  ttlMs: number,
  now: () => Date = () => new Date(),
  claimValue: unknown = 1,
): Promise<boolean> {
  const nowMs = now().getTime();
  // Same value format keyv writes, so store.get(key) sees the claim too.
  const value = JSON.stringify({ value: claimValue, expires: nowMs + ttlMs });
  const redis = redisAdapter(store);
  if (redis) {
    const client = await redis.getClient();
    return (await client.set(redis.createKeyPrefix(key, redis.namespace), value, { NX: true, PX: ttlMs })) === 'OK';
  }
  const sql = sqlAdapter(store);
  if (sql) return claimSql(sql, storedKey(store, key), value, nowMs);

  let pending = inFlight.get(store);
  if (!pending) inFlight.set(store, (pending = new Set()));
  if (pending.has(key)) return false;
  pending.add(key);
  try {
    if ((await store.get(key)) !== undefined) return false;
    await store.set(key, claimValue, ttlMs);
    return true;
  } finally {
    pending.delete(key);
  }
}
