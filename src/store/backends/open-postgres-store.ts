/**
 * A keyv store on PostgreSQL (STORE_URL=postgres://…), shared by replicas. Imported only
 * when STORE_URL names PostgreSQL. All stores of one URL share one pg pool, ended once, at
 * shutdown (close-stores.ts).
 *
 * The pool is ours, not @keyv/postgres's: its own pool has no 'error' listener, and pg
 * emits 'error' on the pool when the server ends an idle connection (a restart, a
 * failover, `pg_terminate_backend`, an idle timeout in a proxy). Unlistened, that killed
 * `travel-advisor worker` and reached the server's last-resort guard as a bug. Here the
 * pool's errors go to every store on it, whose 'error' listener logs the error's name and
 * code (create-store.ts; never its message or the URL); the next query opens a new
 * connection (test/security/store-connection-dropped.test.ts).
 */
import { createRequire } from 'node:module';
import Keyv from 'keyv';
import KeyvPostgres from '@keyv/postgres';
import type { OpenStore } from './open-store.js';

/** The part of a pg Pool used here (pg ships no types of its own; @keyv/postgres depends on pg). */
interface PgPool {
  query(sql: string, values?: unknown): Promise<{ rows: unknown[] }>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  end(): Promise<void>;
}
type PgPoolConstructor = new (config: { connectionString?: string; connectionTimeoutMillis?: number; query_timeout?: number }) => PgPool;

interface SharedPool {
  pool: PgPool;
  stores: Set<KeyvPostgres>;
  ended?: Promise<void>;
}

const pools = new Map<string, SharedPool>();

function sharedPool(uri: string, options: { connectionTimeoutMillis?: number; query_timeout?: number }): SharedPool {
  let shared = pools.get(uri);
  if (!shared) {
    const { Pool } = createRequire(import.meta.url)('pg') as { Pool: PgPoolConstructor };
    const pool = new Pool({ connectionString: uri, connectionTimeoutMillis: options.connectionTimeoutMillis, query_timeout: options.query_timeout });
    const stores = new Set<KeyvPostgres>();
    pool.on('error', (error) => {
      for (const store of stores) store.emit('error', error);
    });
    shared = { pool, stores };
    pools.set(uri, shared);
  }
  return shared;
}

/** @keyv/postgres with its queries on the shared, listened pool above. */
class ListenedKeyvPostgres extends KeyvPostgres {
  // Called by KeyvPostgres's constructor: this.opts is set, fields of this class are not yet.
  override async connect() {
    const shared = sharedPool(this.opts.uri!, this.opts as { connectionTimeoutMillis?: number; query_timeout?: number });
    shared.stores.add(this);
    return async (sql: string, values?: unknown) => (await shared.pool.query(sql, values)).rows;
  }

  /** Ends the pool every store of this URL shares (once, however many stores call it). */
  override async disconnect() {
    const shared = pools.get(this.opts.uri!);
    if (!shared) return;
    shared.ended ??= shared.pool.end().finally(() => pools.delete(this.opts.uri!));
    await shared.ended;
  }
}

export const openPostgresStore: OpenStore = <T>(url: string | undefined, _dataDir: string, namespace: string, timeoutMs: number) =>
  new Keyv<T>({
    store: new ListenedKeyvPostgres({ uri: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs } as ConstructorParameters<typeof KeyvPostgres>[0]),
    namespace,
  });
