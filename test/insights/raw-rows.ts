/**
 * The store's raw rows, read past keyv with each server's own client: SQLite's and
 * PostgreSQL's `keyv` table, Redis keys. Tests scan them for what must never be stored
 * (message text, user ids), so nothing keyv decodes or filters can hide it.
 */
import { join } from 'node:path';
import { Redis } from 'ioredis';
import sqlite3 from 'sqlite3';

/** The few calls of node-postgres the tests use (it ships no types). */
interface PgClient {
  connect(): Promise<void>;
  query(sql: string, params: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
  end(): Promise<void>;
}

/** Runs `use` with a connected node-postgres client to `url`, ended afterwards whatever happens. */
export async function withPg<T>(url: string, use: (client: PgClient) => Promise<T>): Promise<T> {
  const pgModule = 'pg';
  const { default: pg } = (await import(pgModule)) as { default: { Client: new (url: string) => PgClient } };
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Every `[key, raw value]` whose key starts with `namespacePrefix` (keyv writes `ns:key`, Redis `ns::key`). */
export async function rawRows(config: { STORE_URL?: string; DATA_DIR: string }, namespacePrefix: string): Promise<Array<[string, string]>> {
  const url = config.STORE_URL;
  if (!url) {
    const db = new sqlite3.Database(join(config.DATA_DIR, 'store.sqlite'), sqlite3.OPEN_READONLY);
    try {
      return await new Promise((resolve, reject) =>
        db.all('SELECT key, value FROM keyv WHERE key LIKE ?', [`${namespacePrefix}%`], (error, rows: Array<{ key: string; value: string }>) =>
          error ? reject(error) : resolve(rows.map((r) => [r.key, r.value])),
        ),
      );
    } finally {
      db.close();
    }
  }
  if (url.startsWith('redis')) {
    const redis = new Redis(url);
    try {
      const keys = await redis.keys(`${namespacePrefix}*`);
      return Promise.all(keys.map(async (k) => [k, (await redis.get(k)) ?? ''] as [string, string]));
    } finally {
      redis.disconnect();
    }
  }
  return withPg(url, async (client) => {
    const { rows } = await client.query('SELECT key, value FROM keyv WHERE key LIKE $1', [`${namespacePrefix}%`]);
    return rows.map((r) => [String(r.key), typeof r.value === 'string' ? r.value : JSON.stringify(r.value)]);
  });
}
