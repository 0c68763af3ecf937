/**
 * keyv storage from STORE_URL: unset → an embedded SQLite file under DATA_DIR (no
 * server needed, survives restarts); redis://… or postgres://… → that server, so
 * several replicas share state. Each caller gets its own namespace.
 * Note: @keyv/postgres shares one pool per URL, so disconnect stores once, at shutdown
 * (createApp does), not one by one while others are in use.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import Keyv from 'keyv';
import KeyvSqlite from '@keyv/sqlite';
import KeyvRedis from '@keyv/redis';
import KeyvPostgres from '@keyv/postgres';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { boundStore } from './bound-store.js';

/** STORE_TIMEOUT_MS is optional here (default 3 s) so tools and tests can pass just the location. */
export type StoreConfig = Pick<Config, 'STORE_URL' | 'DATA_DIR'> & Partial<Pick<Config, 'STORE_TIMEOUT_MS'>>;

/** Default per-call bound, MUST stay in sync with STORE_TIMEOUT_MS's default in config.ts. */
export const DEFAULT_STORE_TIMEOUT_MS = 3000;

/** Where the store lives, for logs (never includes credentials). */
export function describeStore(config: StoreConfig): string {
  if (!config.STORE_URL) return `sqlite (${resolve(config.DATA_DIR, 'store.sqlite')})`;
  return config.STORE_URL.split(':')[0]!;
}

/**
 * A keyv store in `namespace` whose every call completes or rejects with
 * StoreUnavailableError within STORE_TIMEOUT_MS (see bound-store.ts): no failure is
 * swallowed and no call waits longer for a reconnect. Redis and Postgres connections
 * and commands carry the same bound; the Redis client reconnects in the background.
 */
export function createStore<T = unknown>(config: StoreConfig, namespace: string, logger?: Logger): Keyv<T> {
  const url = config.STORE_URL;
  const timeoutMs = config.STORE_TIMEOUT_MS ?? DEFAULT_STORE_TIMEOUT_MS;
  let store: Keyv<T>;
  if (!url || url.startsWith('sqlite://')) {
    const file = url ? url.slice('sqlite://'.length) : resolve(config.DATA_DIR, 'store.sqlite');
    mkdirSync(resolve(file, '..'), { recursive: true });
    const sqlite = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 5000, iterationLimit: 500 });
    // WAL + synchronous=NORMAL: survives a killed process (not a power cut mid-commit) and
    // writes ~60x faster than the default rollback journal (one fsync per write).
    const pragma = (sqlite as unknown as { query(sql: string): Promise<unknown> }).query;
    void pragma('PRAGMA journal_mode=WAL').then(() => pragma('PRAGMA synchronous=NORMAL')).catch(() => undefined);
    store = new Keyv<T>({ store: sqlite, namespace });
  } else if (/^rediss?:\/\//.test(url)) {
    const redis = new KeyvRedis(
      {
        url,
        // While the connection is down a command waits in the client's queue at most this
        // long, then is taken out of the queue unsent (no late write after a reported failure).
        commandOptions: { timeout: timeoutMs },
        socket: { connectTimeout: timeoutMs, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
      },
      { throwOnConnectError: true, throwOnErrors: true, connectionTimeout: timeoutMs },
    );
    store = new Keyv<T>({ store: redis, namespace, useKeyPrefix: false });
  } else {
    store = new Keyv<T>({
      store: new KeyvPostgres({ uri: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs } as ConstructorParameters<typeof KeyvPostgres>[0]),
      namespace,
    });
  }
  // Without a listener a dropped connection would crash the process. A server that is
  // down reports every reconnect attempt: log the first, then at most one a minute.
  let lastLogged = 0;
  store.on('error', (error: unknown) => {
    const now = Date.now();
    if (now - lastLogged < 60_000) return;
    lastLogged = now;
    const e = error as { name?: string; code?: string };
    logger?.error({ err: { name: e?.name, code: e?.code }, namespace, store: describeStore(config) }, 'store error');
  });
  return boundStore(store, timeoutMs);
}
