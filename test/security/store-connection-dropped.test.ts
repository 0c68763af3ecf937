/**
 * A store or queue server that drops our connections does not take a process down. With
 * STORE_URL on the real PostgreSQL (127.0.0.1:5432, database "test"), the server
 * (`node dist/main.js`) and a `travel-advisor worker` have their connections ended by
 * `pg_terminate_backend` (only theirs: each process names itself in the URL's
 * application_name), as a PostgreSQL restart or failover does: both keep running, no
 * error reaches the server's last-resort guard (an unlistened pool 'error' killed the
 * worker and was caught there as a bug), and the server saves and lists a trip
 * afterwards on new connections. The same with STORE_URL and REDIS_URL on a redis-server
 * of the test's own whose clients are all dropped (`CLIENT KILL TYPE normal`; the
 * machine's shared Redis is not touched): node-redis (store) and ioredis (BullMQ) reconnect.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisProcess } from './redis-process.js';
import { withPg } from '../insights/raw-rows.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const TOKEN = 'dropped-connections-token-0123';
const TRIP = { traveller: { slackUserId: 'U0DROP' }, destinations: ['Kazakhstan'], start: '2027-03-08', end: '2027-03-12' };
const run = `${process.pid}-${Date.now()}`;
const ESCAPED = /uncaughtException|unhandledRejection/;

/** Ends every PostgreSQL connection whose application_name is `app`, once there is one; returns how many. */
async function terminatePg(app: string): Promise<number> {
  return withPg('postgres://postgres@127.0.0.1:5432/test', async (client) => {
    for (let i = 0; i < 50; i++) {
      const { rows } = await client.query('SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = $1', [app]);
      if (rows.length > 0) return rows.length;
      await new Promise((r) => setTimeout(r, 100));
    }
    return 0;
  });
}

async function call(s: ServerProcess, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${s.port}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

/** Retries while the client reconnects: the answer is 503 until then, never a crash. */
async function saveTrip(s: ServerProcess, traveller: string): Promise<number> {
  let status = 0;
  for (let i = 0; i < 20 && status !== 201; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 250));
    status = (await call(s, 'POST', '/api/trips', { ...TRIP, traveller: { slackUserId: traveller } })).status;
  }
  return status;
}

/** `travel-advisor worker` (bin → dist) answering Teams in local mode, once it says it is ready. */
const startWorker = (env: Record<string, string>) =>
  startServerProcess(
    { ANSWER_WORKERS: 'external', TEAMS_LOCAL_MODE: 'on', ...env },
    { program: { args: ['bin/travel-advisor.js', 'worker'], ready: 'Answer worker ready' } },
  );

describe('PostgreSQL ends the store connections (pg_terminate_backend)', () => {
  let queue: RedisProcess;
  let server: ServerProcess;
  let worker: ServerProcess;
  const serverApp = `ta-drop-server-${run}`;
  const workerApp = `ta-drop-worker-${run}`;
  beforeAll(async () => {
    queue = await startRedis();
    [server, worker] = await Promise.all([
      startServerProcess({ STORE_URL: `postgres://postgres@127.0.0.1:5432/test?application_name=${serverApp}`, TRAVEL_DESK_API_TOKEN: TOKEN }),
      startWorker({ STORE_URL: `postgres://postgres@127.0.0.1:5432/test?application_name=${workerApp}`, REDIS_URL: queue.url, ANSWER_QUEUE_PREFIX: `drop-${run}` }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([server?.stop(), worker?.stop()]);
    await queue?.close();
  });

  it('the server keeps serving, nothing escapes to its last-resort guard, and the next save uses a new connection', async () => {
    expect(await saveTrip(server, 'U0DROPA')).toBe(201);
    expect(await terminatePg(serverApp)).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1000));
    expect(server.exited()).toBeNull();
    expect(await saveTrip(server, 'U0DROPB')).toBe(201);
    const listed = await call(server, 'GET', '/api/trips');
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).toMatch(/U0DROPB/);
    // Logged by the store's listener (name and code), not caught by the guard; never the message or URL.
    expect(server.stdout() + server.stderr()).not.toMatch(ESCAPED);
    expect(server.stdout()).toMatch(/"store error"/);
    expect(server.stdout() + server.stderr()).not.toMatch(/terminating connection|postgres:\/\//);
  });

  it('the answer worker keeps running', async () => {
    expect(await terminatePg(workerApp)).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1000));
    expect(worker.exited()).toBeNull();
    expect(worker.stdout() + worker.stderr()).not.toMatch(/Unhandled 'error' event|terminating connection/);
  });
});

describe('Redis drops every client (CLIENT KILL TYPE normal on a redis-server of the test\'s own)', () => {
  let redis: RedisProcess;
  let server: ServerProcess;
  let worker: ServerProcess;
  beforeAll(async () => {
    redis = await startRedis();
    const env = { STORE_URL: redis.url, REDIS_URL: redis.url, ANSWER_QUEUE_PREFIX: `drop-${run}` };
    [server, worker] = await Promise.all([startServerProcess({ ...env, TRAVEL_DESK_API_TOKEN: TOKEN }), startWorker(env)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([server?.stop(), worker?.stop()]);
    await redis?.close();
  });

  it('the server (store, BullMQ) and the worker keep running, and the server saves on the reconnected clients', async () => {
    expect(await saveTrip(server, 'U0DROPC')).toBe(201);
    const admin = new Redis(redis.url);
    try {
      expect(Number(await admin.call('CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes'))).toBeGreaterThan(1);
    } finally {
      admin.disconnect();
    }
    await new Promise((r) => setTimeout(r, 1000));
    expect(server.exited()).toBeNull();
    expect(worker.exited()).toBeNull();
    expect(await saveTrip(server, 'U0DROPD')).toBe(201);
    expect(JSON.stringify((await call(server, 'GET', '/api/trips')).body)).toMatch(/U0DROPD/);
    expect(server.stdout() + server.stderr()).not.toMatch(ESCAPED);
  });
});
