/**
 * keyv storage from STORE_URL: unset → an embedded SQLite file under DATA_DIR (no
 * server needed, survives restarts); redis://… or postgres://… → that server, so
 * several replicas share state. Each caller gets its own namespace.
 * Note: @keyv/postgres shares one pool per URL, so disconnect stores once, at shutdown
 * (createApp does), not one by one while others are in use.
 *
 * The Redis and PostgreSQL clients are imported only when STORE_URL names them (they were a
 * fifth of the server's start with neither configured): entry points call
 * `await loadStoreBackend(config)` once before `createStore`; SQLite needs no call.
 */
import { resolve } from 'node:path';
import type Keyv from 'keyv';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { AdvisorError } from '../errors.js';
import { boundStore } from './bound-store.js';
import { openSqliteStore } from './backends/open-sqlite-store.js';
import type { OpenStore } from './backends/open-store.js';

/** STORE_TIMEOUT_MS is optional here (default 3 s) so tools and tests can pass just the location. */
export type StoreConfig = Pick<Config, 'STORE_URL' | 'DATA_DIR'> & Partial<Pick<Config, 'STORE_TIMEOUT_MS'>>;

/** Default per-call bound, MUST stay in sync with STORE_TIMEOUT_MS's default in config.ts. */
export const DEFAULT_STORE_TIMEOUT_MS = 3000;

type StoreKind = 'sqlite' | 'redis' | 'postgres';

/** The backend a STORE_URL names; MUST stay in sync with STORE_URL's pattern in config.ts. */
function storeKind(url: string | undefined): StoreKind {
  if (!url || url.startsWith('sqlite://')) return 'sqlite';
  return /^rediss?:\/\//.test(url) ? 'redis' : 'postgres';
}

const loaded = new Map<StoreKind, OpenStore>([['sqlite', openSqliteStore]]);
const loaders: Record<Exclude<StoreKind, 'sqlite'>, () => Promise<OpenStore>> = {
  redis: async () => (await import('./backends/open-redis-store.js')).openRedisStore,
  postgres: async () => (await import('./backends/open-postgres-store.js')).openPostgresStore,
};

/** Imports the client of the backend `config` names (nothing for SQLite); call before createStore. */
export async function loadStoreBackend(config: Pick<StoreConfig, 'STORE_URL'>): Promise<void> {
  const kind = storeKind(config.STORE_URL);
  if (kind !== 'sqlite' && !loaded.has(kind)) loaded.set(kind, await loaders[kind]());
}

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
  const timeoutMs = config.STORE_TIMEOUT_MS ?? DEFAULT_STORE_TIMEOUT_MS;
  const kind = storeKind(config.STORE_URL);
  const open = loaded.get(kind);
  if (!open) throw new AdvisorError(`the ${kind} store client is not loaded: await loadStoreBackend(config) before createStore`);
  const store = open<T>(config.STORE_URL, config.DATA_DIR, namespace, timeoutMs);
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
