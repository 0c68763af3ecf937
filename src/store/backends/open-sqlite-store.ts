/**
 * The embedded default: a keyv store in an SQLite file (STORE_URL unset → DATA_DIR/store.sqlite,
 * or sqlite://<file>). Loaded with the store module itself, since a server with no
 * configuration uses it; Redis and PostgreSQL are loaded only when named (../create-store.ts).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import Keyv from 'keyv';
import KeyvSqlite from '@keyv/sqlite';
import { tableName, type SqlAdapter } from '../claim-once.js';
import { groupCommit, statementsByRows } from '../group-commit.js';
import type { OpenStore } from './open-store.js';

/**
 * The adapter's `set` by group commit (../group-commit.ts): writes that arrive while one
 * runs go together in one multi-row upsert, the same statement the adapter runs for one
 * row. Each caller's promise still settles only when its row is written, and rejects with
 * the statement's error, so keyv (and bound-store.ts) report a failed write as they did.
 * Rows go in arrival order, and SQLite applies a statement's rows in order, so of two
 * writes of one key the later wins, as before. What runs after writes (a delete, a clear,
 * closing the file) first waits for the writes submitted before it, so a delete is not
 * overtaken by a set it was issued after, and a disconnect loses no write still queued.
 */
function batchSets(sqlite: KeyvSqlite): void {
  const adapter = sqlite as unknown as SqlAdapter;
  const table = tableName(adapter);
  const statement = statementsByRows((values) => `INSERT INTO ${table} (key, value) VALUES ${values} ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
  const commit = groupCommit<[string, unknown], undefined>(async (batch) => {
    await adapter.query(statement(batch.length), ...batch.flat());
    return batch.map(() => undefined);
  });
  sqlite.set = (key: string, value: unknown) => commit.submit([key, value]);
  // Deletes, clears and the disconnect also go one after another, so closing the file waits
  // for a delete issued before it.
  let ordered: Promise<unknown> = Promise.resolve();
  const after = <A extends unknown[], R>(run: (...args: A) => Promise<R>) => (...args: A): Promise<R> => {
    const before = ordered;
    const done = commit.settled().then(() => before).then(() => run(...args));
    ordered = done.catch(() => undefined);
    return done;
  };
  sqlite.delete = after(sqlite.delete.bind(sqlite));
  sqlite.deleteMany = after(sqlite.deleteMany.bind(sqlite));
  sqlite.clear = after(sqlite.clear.bind(sqlite));
  sqlite.disconnect = after(sqlite.disconnect.bind(sqlite));
}

export const openSqliteStore: OpenStore = <T>(url: string | undefined, dataDir: string, namespace: string) => {
  const file = url ? url.slice('sqlite://'.length) : resolve(dataDir, 'store.sqlite');
  mkdirSync(resolve(file, '..'), { recursive: true });
  const sqlite = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 5000, iterationLimit: 500 });
  // WAL + synchronous=NORMAL: survives a killed process (not a power cut mid-commit) and
  // writes ~60x faster than the default rollback journal (one fsync per write).
  const pragma = (sqlite as unknown as { query(sql: string): Promise<unknown> }).query;
  void pragma('PRAGMA journal_mode=WAL').then(() => pragma('PRAGMA synchronous=NORMAL')).catch(() => undefined);
  batchSets(sqlite);
  return new Keyv<T>({ store: sqlite, namespace });
};
