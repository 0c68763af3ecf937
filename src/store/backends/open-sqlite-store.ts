/**
 * The embedded default: a keyv store in an SQLite file (STORE_URL unset → DATA_DIR/store.sqlite,
 * or sqlite://<file>). Loaded with the store module itself, since a server with no
 * configuration uses it; Redis and PostgreSQL are loaded only when named (../create-store.ts).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import Keyv from 'keyv';
import KeyvSqlite from '@keyv/sqlite';
import type { OpenStore } from './open-store.js';

export const openSqliteStore: OpenStore = <T>(url: string | undefined, dataDir: string, namespace: string) => {
  const file = url ? url.slice('sqlite://'.length) : resolve(dataDir, 'store.sqlite');
  mkdirSync(resolve(file, '..'), { recursive: true });
  const sqlite = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 5000, iterationLimit: 500 });
  // WAL + synchronous=NORMAL: survives a killed process (not a power cut mid-commit) and
  // writes ~60x faster than the default rollback journal (one fsync per write).
  const pragma = (sqlite as unknown as { query(sql: string): Promise<unknown> }).query;
  void pragma('PRAGMA journal_mode=WAL').then(() => pragma('PRAGMA synchronous=NORMAL')).catch(() => undefined);
  return new Keyv<T>({ store: sqlite, namespace });
};
