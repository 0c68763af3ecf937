/**
 * Finding 6 (issue 13): losing Redis never leaves a caller waiting. With STORE_URL and
 * REDIS_URL on a redis-server of the test's own (killed, paused and brought back on the
 * same port; the machine's shared Redis is not touched): trip POSTs are answered 503
 * with Retry-After within STORE_TIMEOUT_MS instead of hanging, `/healthz` names what is
 * down, Slack messages are still answered with the advice (answering needs no store),
 * and when Redis is back everything works again with nothing reported as saved lost:
 * trips saved before are there, a key refused during the outage creates exactly one
 * trip when retried, and a trip created afterwards is delivered once by the BullMQ
 * worker; a queue Redis that comes back empty gets the jobs of the stored trips again.
 * Finally the real server process, sent SIGTERM with Redis gone, exits within
 * SHUTDOWN_TIMEOUT_MS (10 s by default).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisProcess } from './redis-process.js';
import { startStorageApp, TRIP, type StorageApp } from './storage-app.js';

const TIMEOUT_MS = 1000;
/** The longest a refused request may take: a few store calls, each bounded by STORE_TIMEOUT_MS. */
const ANSWER_WITHIN_MS = 3 * TIMEOUT_MS + 1000;
const SOON = { ...TRIP, traveller: { slackUserId: 'U0SOON' }, start: '2026-11-25', end: '2026-11-27' };

async function until<T>(probe: () => Promise<T | null | undefined | false>, limitMs: number): Promise<T | null> {
  const end = Date.now() + limitMs;
  for (;;) {
    const got = await probe().catch(() => null);
    if (got) return got;
    if (Date.now() > end) return null;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('Redis killed and brought back (store and queue on it)', () => {
  let redis: RedisProcess;
  let s: StorageApp;
  let before: string;
  beforeAll(async () => {
    // AOF with fsync always, as BullMQ recommends for production: what Redis took survives its death.
    redis = await startRedis({ persist: true });
    s = await startStorageApp({ STORE_URL: redis.url, REDIS_URL: redis.url, STORE_TIMEOUT_MS: String(TIMEOUT_MS) });
    const res = await s.call('POST', '/api/trips', TRIP, { 'idempotency-key': 'h13r-before' });
    expect(res.status).toBe(201);
    before = String(res.body?.id);
    await redis.kill();
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    await redis?.close();
  });

  it('answers trip POSTs and reads with 503 and Retry-After within the bound, never hanging', async () => {
    for (const [method, path, body, headers] of [
      ['POST', '/api/trips', TRIP, {}],
      ['POST', '/api/trips', TRIP, { 'idempotency-key': 'h13r-during' }],
      ['GET', `/api/trips/${before}`, undefined, {}],
    ] as const) {
      const res = await s.call(method, path, body, headers, 15_000);
      expect(res.status, `${method} ${path}`).toBe(503);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(res.ms).toBeLessThan(ANSWER_WITHIN_MS);
    }
  }, 60_000);

  it('says on /healthz which dependencies are down, promptly', async () => {
    const res = await s.call('GET', '/healthz', undefined, {}, 10_000);
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ ok: false, dependencies: { store: 'down', redis: 'down', queue: 'down' } });
    expect(res.ms).toBeLessThan(ANSWER_WITHIN_MS);
  });

  it('still answers a Slack message with the advice', async () => {
    const ts = await s.slackDm('U0ANA', 'travelling to Kazakhstan next week');
    const answer = await s.slack.waitFor('chat.postMessage', (c) => c.args.thread_ts === ts && Array.isArray(c.args.blocks), 15_000).catch(() => null);
    expect(String(answer?.args.text)).toMatch(/Kazakhstan/);
  }, 30_000);

  it('recovers on the same port with nothing reported as saved lost, and delivers through the queue again', async () => {
    await redis.start();
    const healthy = await until(async () => (await s.call('GET', '/healthz', undefined, {}, 5000)).status === 200, 20_000);
    expect(healthy).toBe(true);
    expect((await s.call('GET', `/api/trips/${before}`)).status).toBe(200);
    // The key refused while Redis was gone: the retry creates it, once.
    const retried = await s.call('POST', '/api/trips', TRIP, { 'idempotency-key': 'h13r-during' });
    expect(retried.status).toBe(201);
    expect((await s.call('POST', '/api/trips', TRIP, { 'idempotency-key': 'h13r-during' })).body?.id).toBe(retried.body?.id);
    const listed = await s.call('GET', '/api/trips');
    expect((listed.body?.trips as Array<{ id: string }>).map((t) => t.id).sort()).toEqual([before, String(retried.body?.id)].sort());
    // A briefing due at once goes out through the BullMQ worker, once.
    expect((await s.call('POST', '/api/trips', SOON, { 'idempotency-key': 'h13r-soon' })).status).toBe(201);
    const sent = await s.slack.waitFor('chat.postMessage', (c) => c.args.channel === 'U0SOON', 20_000).catch(() => null);
    expect(sent).not.toBeNull();
    await new Promise((r) => setTimeout(r, 1500));
    expect(s.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U0SOON')).toHaveLength(1);
  }, 60_000);
});

describe('a short outage: Redis stops answering for 10 s', () => {
  let redis: RedisProcess;
  let s: StorageApp;
  beforeAll(async () => {
    redis = await startRedis();
    s = await startStorageApp({ STORE_URL: redis.url, REDIS_URL: redis.url, STORE_TIMEOUT_MS: String(TIMEOUT_MS) });
  }, 60_000);
  afterAll(async () => {
    redis?.resume();
    await s?.close();
    await redis?.close();
  });

  it('refuses promptly while it lasts, then carries on with every saved trip intact and no duplicate', async () => {
    const saved = await s.call('POST', '/api/trips', TRIP, { 'idempotency-key': 'h13r-pause-1' });
    expect(saved.status).toBe(201);
    redis.pause();
    const pausedAt = Date.now();
    try {
      const during = await s.call('POST', '/api/trips', TRIP, { 'idempotency-key': 'h13r-pause-2' }, 9000);
      expect(during.status).toBe(503);
      expect(during.ms).toBeLessThan(ANSWER_WITHIN_MS);
      const health = await s.call('GET', '/healthz', undefined, {}, 9000);
      expect(health.status).toBe(503);
    } finally {
      await new Promise((r) => setTimeout(r, Math.max(0, 10_000 - (Date.now() - pausedAt))));
      redis.resume();
    }
    expect(await until(async () => (await s.call('GET', '/healthz', undefined, {}, 5000)).status === 200, 15_000)).toBe(true);
    expect((await s.call('GET', `/api/trips/${saved.body?.id}`)).status).toBe(200);
    const retried = await s.call('POST', '/api/trips', TRIP, { 'idempotency-key': 'h13r-pause-2' });
    expect(retried.status).toBe(201);
    const listed = await s.call('GET', '/api/trips');
    expect((listed.body?.trips as Array<{ id: string }>).map((t) => t.id).sort()).toEqual([String(saved.body?.id), String(retried.body?.id)].sort());
  }, 60_000);
});

describe('the queue\'s Redis restarted empty (no persistence), trips on the embedded store', () => {
  let redis: RedisProcess;
  let s: StorageApp;
  beforeAll(async () => {
    redis = await startRedis();
    s = await startStorageApp({ REDIS_URL: redis.url, STORE_TIMEOUT_MS: String(TIMEOUT_MS) });
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    await redis?.close();
  });

  it('with only the queue gone: refuses the trip (503), leaves nothing of it listed, and health names what is down', async () => {
    await redis.kill();
    try {
      const res = await s.call('POST', '/api/trips', TRIP, {}, 15_000);
      expect(res.status).toBe(503);
      expect(res.ms).toBeLessThan(ANSWER_WITHIN_MS);
      const listed = await s.call('GET', '/api/trips');
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({ trips: [] });
      const health = await s.call('GET', '/healthz', undefined, {}, 10_000);
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ dependencies: { store: 'ok', redis: 'down', queue: 'down' } });
    } finally {
      await redis.start();
    }
    expect(await until(async () => (await s.call('GET', '/healthz', undefined, {}, 5000)).status === 200, 20_000)).toBe(true);
  }, 60_000);

  it('puts the delivery jobs of every stored trip back on the queue', async () => {
    const res = await s.call('POST', '/api/trips', TRIP, { 'idempotency-key': 'h13r-empty-1' });
    expect(res.status).toBe(201);
    const jobIds = (res.body?.reminders as Array<{ id: string }>).map((r) => `${r.id}-0`);
    const queue = new Queue('travel-reminders', { connection: { url: redis.url }, prefix: 'travel-advisor' });
    try {
      const present = async () => (await Promise.all(jobIds.map((id) => queue.getJob(id)))).every(Boolean);
      expect(await present()).toBe(true);
      await redis.kill();
      await redis.start();
      expect(await until(present, 20_000)).toBe(true);
    } finally {
      await queue.close();
    }
  }, 60_000);
});

describe('shutdown with Redis gone', () => {
  it('the server process exits within SHUTDOWN_TIMEOUT_MS (10 s) of SIGTERM', async () => {
    const redis = await startRedis();
    const child = spawn(process.execPath, ['dist/main.js'], {
      cwd: resolve(import.meta.dirname, '../..'),
      env: {
        PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', PLAYGROUND: 'off',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'h13r-sigterm-')), STORE_URL: redis.url, REDIS_URL: redis.url,
        TRAVEL_DESK_API_TOKEN: 'storage-suite-token-0123456789',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      child.stdout!.on('data', (d) => (out += d));
      child.stderr!.on('data', () => undefined);
      const exited = new Promise<number>((r) => child.once('exit', () => r(Date.now())));
      const port = await until(async () => /Listening on [^\s]*:(\d+)/.exec(out)?.[1], 60_000);
      expect(port).not.toBeNull();
      // Some traffic, so connections to Redis are in use when it goes.
      await fetch(`http://127.0.0.1:${port}/api/trips`, { method: 'POST', headers: { authorization: 'Bearer storage-suite-token-0123456789', 'content-type': 'application/json' }, body: JSON.stringify(TRIP) });
      await redis.kill();
      await new Promise((r) => setTimeout(r, 500));
      const t0 = Date.now();
      child.kill('SIGTERM');
      const at = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 20_000))]);
      expect(at, 'still running 20 s after SIGTERM').not.toBeNull();
      expect(at! - t0).toBeLessThan(10_000 + 1500);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await redis.close();
    }
  }, 120_000);
});
