/**
 * Proves scheduling on BullMQ over the real Redis at 127.0.0.1:6379: reminders become
 * delayed jobs due at their time; two real worker processes share the queue and each
 * reminder reaches its traveller exactly once, even when the platform answers 429 and
 * when one worker is SIGKILLed mid-delivery (the other takes the stalled job over and
 * sends it once). Each test uses its own queue prefix and keyv namespace.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Queue } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { QUEUE_NAME } from '../../src/reminders/bullmq-scheduler.js';
import { makeHarness, type Harness } from './reminders-harness.js';
import { startRecordingPlatform } from './recording-platform.js';
import { fixtureProgram } from '../support/fixture-programs.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** fixtures/reminder-process.ts, compiled over dist/ by the global setup (test/support/fixture-programs.ts). */
const SCRIPT = fixtureProgram(resolve(import.meta.dirname, 'fixtures/reminder-process.ts'));
const REDIS = 'redis://127.0.0.1:6379';
const NOW = '2026-12-30T10:00:00Z';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function isolation() {
  const id = randomUUID().slice(0, 8);
  const prefix = `test-bull-${id}`;
  const namespace = `rem-${id}`;
  cleanups.push(async () => {
    const q = new Queue(QUEUE_NAME, { connection: { url: REDIS }, prefix });
    await q.obliterate({ force: true }).catch(() => undefined);
    await q.close();
  });
  return { prefix, namespace };
}

function producer(iso: { prefix: string; namespace: string }): Harness {
  const h = makeHarness({ STORE_URL: REDIS, REDIS_URL: REDIS }, { worker: false, namespace: iso.namespace, queuePrefix: iso.prefix });
  h.clock.set(NOW);
  cleanups.push(async () => {
    for (const s of h.stores) await s.clear().catch(() => undefined);
    await h.close();
  });
  return h;
}

function worker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [SCRIPT], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, MODE: 'worker', NOW, STORE_URL: REDIS, REDIS_URL: REDIS, CONCURRENCY: '4', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => void (child.exitCode === null && child.kill('SIGKILL')));
  let err = '';
  child.stderr!.on('data', (c) => (err += c));
  return new Promise((resolveReady, reject) => {
    child.stdout!.on('data', (c) => String(c).includes('ready') && resolveReady(child));
    child.on('exit', (code) => reject(new Error(`worker exited ${code}: ${err.slice(0, 2000)}`)));
  });
}

const trip = (userId: string) => ({ traveller: { platform: 'slack' as const, userId }, destinations: ['KZ'], start: '2026-12-31', end: '2027-01-05', createdBy: 'desk', source: 'api' as const });

describe('reminders on BullMQ (real Redis)', () => {
  it('turns each reminder into a job due at its time', async () => {
    const iso = isolation();
    const h = producer(iso);
    const created = await h.service.createTrip(trip('U1'));
    expect(created.reminders.map((r) => r.kind)).toEqual(['briefing', 'post-trip']);
    const q = new Queue(QUEUE_NAME, { connection: { url: REDIS }, prefix: iso.prefix });
    cleanups.push(() => q.close());
    const [now, later] = created.reminders;
    const due = await q.getJob(`${now!.id}-0`);
    const delayed = await q.getJob(`${later!.id}-0`);
    expect(await due!.getState()).toBe('waiting');
    expect(await delayed!.getState()).toBe('delayed');
    expect(delayed!.opts.delay).toBe(Date.parse(later!.dueAt) - Date.parse(NOW));
    // Creating the same trip again by key adds no second job.
    await h.service.createTrip({ ...trip('U2'), idempotencyKey: 'k' });
    await h.service.createTrip({ ...trip('U2'), idempotencyKey: 'k' });
    expect(await q.getJobCounts('waiting', 'delayed')).toMatchObject({ waiting: 2, delayed: 2 });
  });

  it('two worker processes deliver every reminder exactly once, through 429s and a worker SIGKILLed mid-delivery', async () => {
    const iso = isolation();
    const platform = await startRecordingPlatform();
    cleanups.push(() => platform.close());
    const env = { RECORDER_URL: platform.url, NAMESPACE: iso.namespace, QUEUE_PREFIX: iso.prefix, LIMIT_MAX: '40' };
    const [a, b] = await Promise.all([worker(env), worker(env)]);
    platform.rateLimitFirst(['U3', 'U7']);
    platform.hold('U5', false);
    const h = producer(iso);
    const users = Array.from({ length: 24 }, (_, i) => `U${i}`);
    const held = platform.nextArrival((d) => d.userId === 'U5');
    for (const u of users) await h.service.createTrip(trip(u));
    const inFlight = await held;
    const victim = inFlight.pid === a.pid ? a : b;
    const survivor = victim === a ? b : a;
    victim.kill('SIGKILL');
    platform.release();
    await platform.untilDelivered(users.length);
    const byUser = new Map<string, number>();
    for (const d of platform.delivered) byUser.set(d.userId, (byUser.get(d.userId) ?? 0) + 1);
    expect([...byUser.keys()].sort()).toEqual([...users].sort());
    expect([...byUser.values()].every((n) => n === 1)).toBe(true);
    // The held reminder was taken over and sent by the surviving worker.
    expect(platform.delivered.find((d) => d.userId === 'U5')!.pid).toBe(survivor.pid);
    expect(platform.rateLimited).toEqual(2);
    // A worker records `sent` once the platform has answered, so the last record may trail the
    // last arrival by a store write (seen once on a clean clone): wait for it, briefly.
    const statuses = async () => (await h.service.listTrips()).map((t) => t.reminders[0]!.status);
    await expect.poll(async () => (await statuses()).filter((s) => s !== 'sent'), { timeout: 5_000, interval: 100 }).toEqual([]);
  }, 60_000);
});
