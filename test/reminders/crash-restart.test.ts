/**
 * Proves delivery survives a SIGKILL mid-delivery: a real child process delivering
 * over HTTP is killed while a request is in flight, then restarted on the same SQLite
 * file. Whether or not the in-flight message had arrived, every traveller ends with
 * exactly one briefing: nothing lost, nothing twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness } from './reminders-harness.js';
import { startRecordingPlatform } from './recording-platform.js';
import { fixtureProgram } from '../support/fixture-programs.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** fixtures/reminder-process.ts, compiled over dist/ by the global setup (test/support/fixture-programs.ts). */
const SCRIPT = fixtureProgram(resolve(import.meta.dirname, 'fixtures/reminder-process.ts'));
const NOW = '2026-12-01T09:00:00Z';
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function runProcess(env: Record<string, string>): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; stdout: string }> } {
  const child = spawn(process.execPath, [SCRIPT], { cwd: ROOT, env: { PATH: process.env.PATH, MODE: 'run-due', NOW, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => (stderr += c));
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string }>((r) =>
    child.on('exit', (code, signal) => {
      if (code) console.error(stderr);
      r({ code, signal, stdout });
    }),
  );
  return { child, done };
}

async function seedTrips(dataDir?: string): Promise<string> {
  const h = makeHarness({}, {}, dataDir);
  for (const userId of ['U1', 'U2', 'U3'])
    await h.service.createTrip({ traveller: { platform: 'slack', userId }, destinations: ['KZ'], start: '2026-12-08', end: '2026-12-12', createdBy: 'desk', source: 'api' });
  await h.close();
  return h.config.DATA_DIR;
}

// Each case starts two reminder processes; on a loaded 2-core CI machine a start took ~10 s through tsx.
describe('crash mid-delivery', { timeout: 120_000 }, () => {
  for (const arrived of [true, false]) {
    it(`SIGKILL while a message is in flight (${arrived ? 'it had arrived' : 'it had not arrived'}): after restart each traveller has exactly one briefing`, async () => {
      const platform = await startRecordingPlatform();
      try {
        const dataDir = await seedTrips();
        const env = { DATA_DIR: dataDir, RECORDER_URL: platform.url };
        platform.hold('U2', arrived);
        const first = runProcess(env);
        const inFlight = await platform.nextArrival((d) => d.userId === 'U2');
        first.child.kill('SIGKILL');
        expect((await first.done).signal).toBe('SIGKILL');
        expect(platform.delivered.map((d) => d.userId).sort()).toEqual(arrived ? ['U1', 'U2'] : ['U1']);

        // The store shows U2 still in flight (scheduled to the outside), U3 untouched.
        const h = makeHarness({}, {}, dataDir);
        const trips = await h.service.listTrips();
        expect(trips.map((t) => t.reminders[0]!.status).sort()).toEqual(['scheduled', 'scheduled', 'sent']);
        await h.close();

        platform.release();
        const second = runProcess(env);
        const out = await second.done;
        expect(out.code).toBe(0);
        expect(JSON.parse(out.stdout)).toEqual({ sent: 2, failed: 0, retried: 0 });
        const byUser = platform.delivered.map((d) => d.userId).sort();
        expect(byUser).toEqual(['U1', 'U2', 'U3']);
        expect(platform.delivered.find((d) => d.userId === 'U2')!.key).toBe(inFlight.key);
        expect(new Set(platform.delivered.map((d) => d.key)).size).toBe(3);
      } finally {
        await platform.close();
      }
    });
  }
});
