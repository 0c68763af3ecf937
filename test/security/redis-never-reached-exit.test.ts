/**
 * A process whose REDIS_URL was never reachable still ends promptly. The BullMQ scheduler's
 * stop used to leave ioredis reconnecting when the queue had never connected (BullMQ's
 * disconnect waits for a client that never becomes ready), so `travel-advisor trips import`
 * with Redis down printed its summary ("not saved") and then never exited. Here, with
 * REDIS_URL on a loopback port nothing listens on: the import exits by itself with code 1
 * and its summary, and the server (`node dist/main.js`, SHUTDOWN_TIMEOUT_MS far above the
 * bound so its backstop cannot hide a hang) exits 0 soon after SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from './redis-process.js';
import { ROOT, startServerProcess } from './server-process.js';

const BOUND_MS = 8000;

describe('REDIS_URL never reachable', () => {
  it('trips import prints that nothing was saved and exits by itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'never-reached-'));
    const file = join(dir, 'trips.csv');
    writeFileSync(file, 'email,destinations,start,end\nann@example.com,Kazakhstan,2026-12-08,2026-12-12\n');
    const child = spawn(process.execPath, ['dist/channels/cli/main.js', 'trips', 'import', file, '--now', '2026-11-23T09:00:00Z'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', DATA_DIR: dir, REDIS_URL: `redis://127.0.0.1:${await freePort()}`, STORE_TIMEOUT_MS: '1000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    let summaryAt = 0;
    child.stdout!.on('data', () => (summaryAt ||= /Imported \d+ trips/.test(out) ? Date.now() : 0));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 30_000))]);
    if (code === 'hung') child.kill('SIGKILL');
    expect(out).toMatch(/Imported 0 trips .*1 failed/);
    expect(code).toBe(1);
    // From the summary to the exit: the stop is bounded, no reconnect loop holds the process.
    expect(Date.now() - summaryAt).toBeLessThan(BOUND_MS);
  }, 40_000);

  it('the server exits 0 within the bound after SIGTERM', async () => {
    const server = await startServerProcess({ REDIS_URL: `redis://127.0.0.1:${await freePort()}`, STORE_TIMEOUT_MS: '1000', SHUTDOWN_TIMEOUT_MS: '60000' });
    const exited = new Promise<number | null>((r) => server.child.once('exit', (code) => r(code)));
    const start = Date.now();
    server.child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 20_000))]);
    await server.stop();
    expect(code).toBe(0);
    expect(Date.now() - start).toBeLessThan(BOUND_MS);
  }, 60_000);
});
