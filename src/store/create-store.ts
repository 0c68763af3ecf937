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

export type StoreConfig = Pick<Config, 'STORE_URL' | 'DATA_DIR'>;

/** Where the store lives, for logs (never includes credentials). */
export function describeStore(config: StoreConfig): string {
  if (!config.STORE_URL) return `sqlite (${resolve(config.DATA_DIR, 'store.sqlite')})`;
  return config.STORE_URL.split(':')[0]!;
}

export function createStore<T = unknown>(config: StoreConfig, namespace: string, logger?: Logger): Keyv<T> {
  const url = config.STORE_URL;
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
    store = new Keyv<T>({ store: new KeyvRedis(url), namespace, useKeyPrefix: false });
  } else {
    store = new Keyv<T>({ store: new KeyvPostgres({ uri: url }), namespace });
  }
  // Without a listener a dropped connection would crash the process.
  store.on('error', (error: unknown) => logger?.error({ err: error, namespace }, 'store error'));
  return store;
}
