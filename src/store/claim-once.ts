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
import { groupCommit, statementsByRows } from './group-commit.js';
import { withStoreDeadline } from './with-deadline.js';

interface RedisLikeAdapter {
  namespace?: string;
  getClient(): Promise<{ set(key: string, value: string, options: { NX: true; PX: number }): Promise<string | null> }>;
  createKeyPrefix(key: string, namespace?: string): string;
}

export interface SqlAdapter {
  opts: { dialect?: string; table?: string; schema?: string };
  query(sql: string, ...params: unknown[]): Promise<unknown[]>;
}

function redisAdapter(store: Keyv): RedisLikeAdapter | null {
  const adapter = store.store as Partial<RedisLikeAdapter> | undefined;
  return adapter && typeof adapter.getClient === 'function' && typeof adapter.createKeyPrefix === 'function'
    ? (adapter as RedisLikeAdapter)
    : null;
}

/** The SQL adapter under a keyv store (SQLite or Postgres), or null for any other. */
export function sqlAdapter(store: Keyv): (SqlAdapter & { dialect: 'sqlite' | 'postgres' }) | null {
  const adapter = store.store as Partial<SqlAdapter> | undefined;
  const dialect = adapter?.opts?.dialect;
  if (typeof adapter?.query !== 'function' || (dialect !== 'sqlite' && dialect !== 'postgres')) return null;
  const sql = adapter as SqlAdapter;
  return { opts: sql.opts, query: (text, ...params) => sql.query(text, ...params), dialect };
}

/** The key as keyv stores it (namespace prefix), so keyv reads see our claims. */
export function storedKey(store: Keyv, key: string): string {
  return store.useKeyPrefix && store.namespace ? `${store.namespace}:${key}` : key;
}

async function claimPostgres(adapter: SqlAdapter, key: string, value: string, nowMs: number): Promise<boolean> {
  const qualified = qualifiedTable(adapter);
  const rows = await adapter.query(
    `INSERT INTO ${qualified} (key, value) VALUES ($1, $2)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
     WHERE (${qualified}.value::json->>'expires')::bigint < $3
     RETURNING key`,
    [key, value, nowMs],
  );
  return rows.length > 0;
}

/** The Postgres adapter's keyv table with its schema ("public.keyv"). */
export const qualifiedTable = (adapter: SqlAdapter): string => `${adapter.opts.schema ?? 'public'}.${tableName(adapter)}`;

/** The adapter's keyv table, checked to be a plain identifier (it is written into SQL). */
export function tableName(adapter: SqlAdapter): string {
  const ident = /^[A-Za-z_][A-Za-z0-9_]*$/;
  const table = adapter.opts.table ?? 'keyv';
  const schema = adapter.opts.schema;
  if (!ident.test(table) || (schema !== undefined && !ident.test(schema))) throw new Error(`unexpected keyv table name ${table}`);
  return table;
}

interface PendingClaim {
  key: string;
  value: string;
  nowMs: number;
}

/**
 * Claims on the embedded SQLite store go by group commit (group-commit.ts): one multi-row
 * `INSERT … ON CONFLICT … RETURNING` per batch, where each row still wins or loses on its
 * own, atomically. A key claimed again while its claim is on the way waits for it.
 */
function sqliteBatcher(adapter: SqlAdapter): (key: string, value: string, nowMs: number) => Promise<boolean> {
  const table = tableName(adapter);
  const statement = statementsByRows(
    (values) => `INSERT INTO ${table} (key, value) VALUES ${values}
       ON CONFLICT(key) DO UPDATE SET value = excluded.value
       WHERE json_extract(${table}.value, '$.expires') < ?
       RETURNING key`,
  );
  const commit = groupCommit<PendingClaim, boolean>(async (batch) => {
    const params: unknown[] = [];
    // The earliest clock reading of the batch decides expiry: never takes a live claim.
    let nowMs = Infinity;
    for (const c of batch) {
      params.push(c.key, c.value);
      if (c.nowMs < nowMs) nowMs = c.nowMs;
    }
    params.push(nowMs);
    const rows = (await adapter.query(statement(batch.length), ...params)) as Array<{ key: string }>;
    const won = new Set(rows.map((r) => r.key));
    return batch.map((c) => won.has(c.key));
  });

  // A key already on its way waits for that claim to settle, then asks the store itself:
  // one statement never carries the same key twice, and the store stays the only judge.
  const inFlight = new Map<string, Promise<boolean>>();
  const submit = (key: string, value: string, nowMs: number): Promise<boolean> => {
    const earlier = inFlight.get(key);
    const claim = earlier
      ? earlier.then(
          () => submit(key, value, nowMs),
          () => submit(key, value, nowMs),
        )
      : commit.submit({ key, value, nowMs });
    if (!earlier) {
      inFlight.set(key, claim);
      const done = () => {
        if (inFlight.get(key) === claim) inFlight.delete(key);
      };
      claim.then(done, done);
    }
    return claim;
  };
  return submit;
}

const sqliteBatchers = new WeakMap<object, (key: string, value: string, nowMs: number) => Promise<boolean>>();

const inFlight = new WeakMap<Keyv, Set<string>>();

/**
 * Returns true for exactly one caller per key and TTL window. `claimValue` (default 1,
 * JSON-serialisable) is what `store.get(key)` reads back while the claim lasts, so
 * losers can see what the winner claimed it for; it is also a "write if absent" for
 * records with a deterministic key. A store created by createStore bounds the call:
 * a failure or a store that does not answer in time rejects with StoreUnavailableError.
 */
export async function claimOnce(
  store: Keyv,
  key: string,
  ttlMs: number,
  now: () => Date = () => new Date(),
  claimValue: unknown = 1,
): Promise<boolean> {
  return withStoreDeadline(store, () => claim(store, key, ttlMs, now, claimValue));
}

async function claim(store: Keyv, key: string, ttlMs: number, now: () => Date, claimValue: unknown): Promise<boolean> {
  const nowMs = now().getTime();
  // Keyv's own format and serializer (which escapes strings starting with ":"), so store.get(key) sees the claim too.
  const record = { value: claimValue, expires: nowMs + ttlMs };
  const serialized = typeof store.serializeData === 'function' ? await store.serializeData(record) : undefined;
  const value = typeof serialized === 'string' ? serialized : JSON.stringify(record);
  const redis = redisAdapter(store);
  if (redis) {
    const client = await redis.getClient();
    return (await client.set(redis.createKeyPrefix(key, redis.namespace), value, { NX: true, PX: ttlMs })) === 'OK';
  }
  const sql = sqlAdapter(store);
  if (sql?.dialect === 'postgres') return claimPostgres(sql, storedKey(store, key), value, nowMs);
  if (sql) {
    // One batcher per adapter (connection): keyv instances sharing it share its batches.
    const adapter = store.store as object;
    let claim = sqliteBatchers.get(adapter);
    if (!claim) sqliteBatchers.set(adapter, (claim = sqliteBatcher(sql)));
    return claim(storedKey(store, key), value, nowMs);
  }

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
