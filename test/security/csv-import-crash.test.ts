/**
 * Finding 7 (issue 13): a CSV import killed half-way and run again ends with exactly the
 * file's trips. The real CLI (`trips import`, a child process) imports 1,000 rows and is
 * killed with SIGKILL at about 40 % (read from its own progress lines); the same command
 * run at once again finishes with a summary whose counts add up to the file, and the
 * store then holds exactly 1,000 trips (one per row) and their 3,000 reminders, with no
 * orphan or duplicate, on the embedded SQLite store and on Redis (with BullMQ holding
 * exactly one job per reminder). When Redis dies under an import, and on Ctrl-C
 * (SIGINT), the import stops within seconds with its summary printed and exit code 1,
 * and the re-run completes it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import type Keyv from 'keyv';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createTripStore } from '../../src/reminders/trip-store.js';
import { createStore } from '../../src/store/create-store.js';
import { startRedis, type RedisProcess } from './redis-process.js';
import '../support/store-backends.js';

const ROOT = resolve(import.meta.dirname, '../..');
const NOW = '2026-11-23T09:00:00Z';
const children: ChildProcess[] = [];
const redises: RedisProcess[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const r of redises) await r.close();
});

function csv(rows: number): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'h13r-import-'));
  const file = join(dir, 'trips.csv');
  const lines = Array.from({ length: rows }, (_, i) => {
    const day = 1 + (i % 25);
    return `traveller${i}@example.com,${i % 3 ? 'Kazakhstan' : 'KG; UZ'},2026-12-${String(day).padStart(2, '0')},2026-12-${String(day + 3).padStart(2, '0')}`;
  });
  writeFileSync(file, `email,destinations,start,end\n${lines.join('\n')}\n`);
  return { dir, file };
}

interface Run {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the rows imported so far once a progress line reports at least `rows`. */
  progressAtLeast(rows: number): Promise<number>;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function runImport(file: string, env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['dist/channels/cli/main.js', 'trips', 'import', file, '--now', NOW], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  const waiters: Array<{ rows: number; resolve: (n: number) => void }> = [];
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => {
    err += d;
    const done = Math.max(0, ...[...err.matchAll(/imported (\d+)\/\d+/g)].map((m) => Number(m[1])));
    for (const w of waiters.splice(0)) (done >= w.rows ? w.resolve(done) : waiters.push(w));
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    progressAtLeast: (rows) =>
      Promise.race([
        new Promise<number>((resolve) => waiters.push({ rows, resolve })),
        done.then(() => {
          throw new Error(`import ended before ${rows} rows: ${err.slice(-500)}`);
        }),
      ]),
    done,
  };
}

/** Everything the store holds for the default reminders namespace. */
async function storedState(env: Record<string, string>) {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const opened: Keyv[] = [];
  const store = createTripStore({
    store<T>(ns: string): Keyv<T> {
      const s = createStore<T>(config, ns);
      opened.push(s as Keyv);
      return s;
    },
  });
  const trips = [];
  for await (const t of store.trips()) trips.push(t);
  const reminders = [];
  for await (const r of store.reminders()) reminders.push(r);
  await Promise.all(opened.map((s) => s.disconnect().catch(() => undefined)));
  return { trips, reminders };
}

function expectExactly(state: Awaited<ReturnType<typeof storedState>>, rows: number): void {
  const emails = state.trips.map((t) => ('email' in t.traveller ? t.traveller.email : ''));
  expect(state.trips).toHaveLength(rows);
  expect(new Set(emails).size).toBe(rows);
  expect(state.reminders).toHaveLength(rows * 3);
  // Every reminder belongs to a stored trip that lists it: no orphans from the killed run.
  const tripIds = new Map(state.trips.map((t) => [t.id, new Set(t.reminderIds)]));
  expect(state.reminders.filter((r) => !tripIds.get(r.tripId)?.has(r.id))).toEqual([]);
  expect(state.trips.every((t) => t.reminderIds.length === 3)).toBe(true);
}

// Enough rows that the import shows progress (over 500) and that the 60 % left after the kill
// line takes seconds of work, so SIGKILL lands mid-import even on a loaded machine.
const ROWS = 1000;

describe.each([
  { where: 'the embedded SQLite store', onRedis: false },
  { where: 'Redis (store and BullMQ queue)', onRedis: true },
])('trips import killed with SIGKILL at about 40 percent, on $where', ({ onRedis }) => {
  it('a re-run completes it: exactly the file\'s trips and reminders, no duplicate, and a summary that adds up', async () => {
    const { dir, file } = csv(ROWS);
    let env: Record<string, string> = { DATA_DIR: dir };
    if (onRedis) {
      const redis = await startRedis();
      redises.push(redis);
      env = { ...env, STORE_URL: redis.url, REDIS_URL: redis.url };
    }
    const first = runImport(file, env);
    const reached = await first.progressAtLeast(ROWS * 0.4);
    first.child.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');
    expect(reached).toBeLessThan(ROWS);
    const partial = await storedState(env);
    expect(partial.trips.length).toBeGreaterThan(0);
    expect(partial.trips.length).toBeLessThan(ROWS);

    const t0 = Date.now();
    const second = runImport(file, env);
    const { code } = await second.done;
    // Soft: what the store holds afterwards is checked (and reported) even when these fail.
    expect.soft(second.stderr().split('\n').filter((l) => /not saved|error/.test(l))).toEqual([]);
    expect.soft(code).toBe(0);
    const summary = /^Imported (\d+) trips from .+? \((\d+) already imported\)\.\n$/.exec(second.stdout());
    expect.soft(summary, second.stdout()).not.toBeNull();
    if (summary) expect.soft(Number(summary[1]) + Number(summary[2])).toBe(ROWS);
    // Nothing waited out the killed run's claims.
    expect(Date.now() - t0).toBeLessThan(120_000);
    expectExactly(await storedState(env), ROWS);

    if (onRedis) {
      const queue = new Queue('travel-reminders', { connection: { url: env.REDIS_URL! }, prefix: 'travel-advisor' });
      const counts = await queue.getJobCounts('delayed', 'waiting', 'active', 'completed', 'failed', 'prioritized');
      await queue.close();
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(ROWS * 3);
    }
  }, 300_000);
});

describe('trips import when Redis dies under it', () => {
  it('stops with its summary and exits 1 within seconds; with Redis back, the re-run completes it', async () => {
    const rows = ROWS;
    const { dir, file } = csv(rows);
    const redis = await startRedis({ persist: true });
    redises.push(redis);
    const env = { DATA_DIR: dir, STORE_URL: redis.url, REDIS_URL: redis.url };
    const first = runImport(file, env);
    await first.progressAtLeast(rows * 0.3);
    await redis.kill();
    const t0 = Date.now();
    const ended = await Promise.race([first.done, new Promise<null>((r) => setTimeout(() => r(null), 30_000))]);
    expect(ended, 'still running 30 s after Redis died').not.toBeNull();
    expect(ended!.code).toBe(1);
    expect(Date.now() - t0).toBeLessThan(20_000);
    const summary = /^Imported (\d+) trips from .+?; (\d+) failed; (\d+) not attempted\.\n$/.exec(first.stdout());
    expect(summary, first.stdout()).not.toBeNull();
    expect(Number(summary![1]) + Number(summary![2]) + Number(summary![3])).toBe(rows);
    expect(first.stderr()).toMatch(/import stopped: the store is unavailable\. Run the same command again/);

    await redis.start();
    const second = runImport(file, env);
    expect((await second.done).code).toBe(0);
    const again = /^Imported (\d+) trips from .+? \((\d+) already imported\)\.\n$/.exec(second.stdout());
    expect(Number(again![1]) + Number(again![2])).toBe(rows);
    expectExactly(await storedState(env), rows);
  }, 300_000);
});

describe('trips import interrupted with Ctrl-C', () => {
  it('prints the summary of what was done and exits 1; the re-run imports the rest', async () => {
    const rows = ROWS;
    const { dir, file } = csv(rows);
    const env = { DATA_DIR: dir };
    const first = runImport(file, env);
    await first.progressAtLeast(rows * 0.3);
    first.child.kill('SIGINT');
    const { code } = await first.done;
    expect(code).toBe(1);
    const summary = /^Imported (\d+) trips from .+?; (\d+) not attempted\.\n$/.exec(first.stdout());
    expect(summary, first.stdout()).not.toBeNull();
    expect(Number(summary![1]) + Number(summary![2])).toBe(rows);
    expect(first.stderr()).toMatch(/import interrupted\. Run the same command again/);

    const second = runImport(file, env);
    expect((await second.done).code).toBe(0);
    const again = /^Imported (\d+) trips from .+? \((\d+) already imported\)\.\n$/.exec(second.stdout());
    expect(Number(again![1])).toBe(Number(summary![2]));
    expect(Number(again![2])).toBe(Number(summary![1]));
    expectExactly(await storedState(env), rows);
  }, 300_000);
});
