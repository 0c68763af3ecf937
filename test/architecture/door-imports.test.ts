/**
 * Proves the server imports a platform door, a store client or the queue only when it is
 * configured: the real `node dist/main.js` with no credentials, preloaded with a hook that
 * records every module imported (ESM and CommonJS), listens with the playground and loads
 * neither @slack/bolt nor botbuilder, msal, the model SDK, BullMQ, ioredis, node-redis or pg
 * (they were a fifth of its start before issue 18). The same hook sees botbuilder with
 * TEAMS_LOCAL_MODE=on, and BullMQ, ioredis (which BullMQ `require`s) and pg once REDIS_URL
 * and a postgres:// STORE_URL ask for them, so the check cannot pass by recording nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RECORD_IMPORTS, importedPackages } from './imported-packages.js';
import { spawnSlackServer } from '../security/slack-server-process.js';
import { startRedis } from '../security/redis-process.js';

const dir = mkdtempSync(join(tmpdir(), 'door-imports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the server (dist/main.js, preloaded with the recording hook) until it listens, stops it, and returns what it imported. */
async function startRecorded(name: string, env: Record<string, string>): Promise<{ listening: boolean; packages: Set<string> }> {
  const record = join(dir, `${name}.txt`);
  writeFileSync(record, '');
  const server = spawnSlackServer({ NODE_OPTIONS: `--import ${RECORD_IMPORTS}`, RECORD_IMPORTS_TO: record, ...env });
  let listening = false;
  try {
    const url = await server.listening(60_000).catch(() => null);
    // An answer proves main() went on past "Listening on" and installed its SIGTERM handler, so
    // stop() ends the process through exit, where the hook records the CommonJS modules.
    if (url) await fetch(`${url}/healthz`);
    listening = url !== null;
  } finally {
    // The CommonJS record is written at exit, so the server must end by itself: a loaded
    // machine can take more than the usual 5 s to close BullMQ and the PostgreSQL pool, and a
    // SIGKILL then would lose the record (ioredis missing) rather than show a real import.
    await server.stop(45_000);
  }
  expect(server.exited(), 'the server exits by itself on SIGTERM, writing its CommonJS record').not.toBe('SIGKILL');
  return { listening, packages: importedPackages(record) };
}

const PLATFORMS = ['@slack/bolt', '@slack/web-api', 'botbuilder', 'botframework-connector', '@azure/msal-node', '@azure/identity', 'openai'];
const QUEUE_AND_SERVERS = ['bullmq', 'ioredis', 'pg', '@keyv/redis', '@keyv/postgres', '@redis/client'];

describe('what the server imports', () => {
  it('loads no Slack, Teams, model, queue or store-server package when none is configured', async () => {
    const r = await startRecorded('bare', { PLAYGROUND: 'on' });
    expect(r.listening).toBe(true);
    expect(r.packages).toContain('minisearch');
    // The embedded store, and sqlite3's own CommonJS, seen through the exit record.
    expect(r.packages).toContain('@keyv/sqlite');
    expect(r.packages).toContain('sqlite3');
    expect([...PLATFORMS, ...QUEUE_AND_SERVERS].filter((p) => r.packages.has(p))).toEqual([]);
  }, 90_000);

  it('loads BullMQ with ioredis for REDIS_URL and only the PostgreSQL store client for a postgres:// STORE_URL', async () => {
    // A Redis of the test's own: the server's reminder worker never meets another suite's queue.
    const redis = await startRedis();
    try {
      const r = await startRecorded('servers', { REDIS_URL: redis.url, STORE_URL: 'postgres://postgres@127.0.0.1:5432/test' });
      expect(r.listening).toBe(true);
      expect(['bullmq', 'ioredis', 'pg', '@keyv/postgres'].filter((p) => !r.packages.has(p))).toEqual([]);
      expect(['@keyv/redis', '@redis/client', ...PLATFORMS].filter((p) => r.packages.has(p))).toEqual([]);
    } finally {
      await redis.close();
    }
  }, 90_000);

  it('loads botbuilder once Teams is on', async () => {
    const r = await startRecorded('teams', { TEAMS_LOCAL_MODE: 'on' });
    expect(r.listening).toBe(true);
    expect(r.packages).toContain('botbuilder');
    expect(r.packages.has('@slack/bolt')).toBe(false);
  }, 90_000);
});
