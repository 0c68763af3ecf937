/**
 * Proves "exactly once" across a crash: a real server process (createApp in a child
 * process, SQLite in a temp dir, the Slack API double over HTTP) gets SIGHUP after the
 * content raised Kazakhstan's level, starts alerting the traveller going there next week,
 * and is SIGKILLed while Slack holds the alert's chat.postMessage unanswered; then the
 * server starts again on the same files. If the alert had reached Slack, the restarted
 * server finds it in the DM (its metadata key) once the dead process's lease ends, and
 * sends nothing again; if it had not, the restarted server sends it, once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type Keyv from 'keyv';
import { afterEach, describe, expect, it } from 'vitest';
import { createAlertStore, type AlertStore } from '../../src/alerts/alert-store.js';
import type { AlertRecord } from '../../src/alerts/types.js';
import { ALERT_METADATA_EVENT } from '../../src/channels/slack/create-slack-deliverer.js';
import { closeStores } from '../../src/store/close-stores.js';
import { createStore } from '../../src/store/create-store.js';
import { startSlackApiDouble, type SlackApiDouble } from '../doubles/slack-api-double.js';
import { makeHarness } from '../reminders/reminders-harness.js';
import { copyContent, raiseKazakhstan } from './alerts-harness.js';
import { fixtureProgram } from '../support/fixture-programs.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** fixtures/alert-server-process.ts, compiled over dist/ by the global setup (test/support/fixture-programs.ts). */
const SCRIPT = fixtureProgram(resolve(import.meta.dirname, 'fixtures/alert-server-process.ts'));
const TIMING = { LEASE_MS: '6000', DELIVERY_TIMEOUT_MS: '3000', RETRY_MS: '300' };
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function server(env: Record<string, string>) {
  const child = spawn(process.execPath, [SCRIPT], { cwd: ROOT, env: { PATH: process.env.PATH, NOW: '2026-11-23T10:00:00Z', ...TIMING, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<string>((r) => child.on('exit', (code, signal) => r(String(signal ?? code))));
  const line = (re: RegExp, timeoutMs = 90_000) =>
    new Promise<string>((resolveLine, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${re} within ${timeoutMs} ms:\n${out}`)), timeoutMs);
      const check = () => {
        const m = re.exec(out);
        if (m) {
          clearTimeout(timer);
          resolveLine(m[0]);
        }
      };
      child.stdout!.on('data', check);
      check();
    });
  return { child, exited, line, output: () => out };
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = await probe();
    if (got) return got;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The alert store the server writes, read as the desk API would. */
function alertStoreIn(dataDir: string): { store: AlertStore; close(): Promise<void>; records(): Promise<AlertRecord[]> } {
  const stores: Keyv[] = [];
  const store = createAlertStore({
    store<T>(ns: string) {
      const s = createStore<T>({ DATA_DIR: dataDir }, ns);
      stores.push(s as Keyv);
      return s;
    },
  });
  return {
    store,
    close: () => closeStores(stores, 1000),
    async records() {
      const out: AlertRecord[] = [];
      for await (const r of store.records()) out.push(r);
      return out;
    },
  };
}

/** The traveller's DM as Slack has it (conversations.history over the double's HTTP API). */
async function alertsInDm(double: SlackApiDouble, user: string): Promise<number> {
  const res = await fetch(`${double.apiUrl}conversations.history`, {
    method: 'POST', headers: { authorization: 'Bearer xoxb-test', 'content-type': 'application/json' },
    body: JSON.stringify({ channel: `D${user.slice(1)}`, include_all_metadata: true, limit: 100 }),
  });
  const { messages } = (await res.json()) as { messages: Array<{ metadata?: { event_type?: string } }> };
  return messages.filter((m) => m.metadata?.event_type === ALERT_METADATA_EVENT).length;
}

const isAlert = (args: Record<string, unknown>) => (args.metadata as { event_type?: string } | undefined)?.event_type === ALERT_METADATA_EVENT;

// Each case starts the server twice; on a loaded 2-core CI machine a start took ~10 s through tsx.
describe('risk-change alerts across a crash', { timeout: 120_000 }, () => {
  for (const arrived of [true, false]) {
    it(`SIGKILL between the alert and its record (${arrived ? 'Slack had it' : 'it never reached Slack'}): after restart the traveller has exactly one alert`, async () => {
      const double = await startSlackApiDouble();
      const copy = copyContent();
      const seed = makeHarness();
      const dataDir = seed.config.DATA_DIR;
      const alerts = alertStoreIn(dataDir);
      try {
        await seed.service.createTrip({ traveller: { platform: 'slack', userId: 'U0KAT' }, destinations: ['KZ'], start: '2026-11-30', end: '2026-12-04', createdBy: 'desk', source: 'api' });
        await seed.close();
        const env = { DATA_DIR: dataDir, CONTENT_DIR: copy.dir, SLACK_API_URL: double.apiUrl };

        const first = server(env);
        await first.line(/ready http:\S+/);
        // The first start records the content as seen; only then does the content change.
        await until('the content recorded as seen', () => alerts.store.lastSeen());
        raiseKazakhstan(copy);
        double.holdNext('chat.postMessage', { arrives: arrived, predicate: isAlert });
        first.child.kill('SIGHUP');
        await first.line(/Content reloaded \(SIGHUP\): .*1 trip\(s\) to alert\./);
        await double.waitFor('chat.postMessage', (c) => isAlert(c.args) && c.args.channel === 'U0KAT');
        first.child.kill('SIGKILL');
        expect(await first.exited).toBe('SIGKILL');
        expect((await alerts.records()).map((r) => r.state)).toEqual(['sending']);
        expect(await alertsInDm(double, 'U0KAT')).toBe(arrived ? 1 : 0);
        double.release();

        const second = server(env);
        await second.line(/ready http:\S+/);
        const [record] = await until('the alert recorded as sent', async () => {
          const r = await alerts.records();
          return r[0]?.state === 'sent' ? r : null;
        });
        expect(record).toMatchObject({ traveller: { platform: 'slack', userId: 'U0KAT' }, changes: ['KZ level 3→4', 'KZ new key actions: physical-book-with-security-team'] });
        expect(await alertsInDm(double, 'U0KAT')).toBe(1);
        const posts = double.callsTo('chat.postMessage').filter((c) => isAlert(c.args));
        expect(posts).toHaveLength(arrived ? 1 : 2);
        if (arrived) expect(double.callsTo('conversations.history').length).toBeGreaterThan(0);
        expect((await alerts.store.lastSeen())!.generation).toBe(1);
        second.child.kill('SIGTERM');
        await second.exited;
      } finally {
        await alerts.close();
        await double.close();
        copy.dispose();
      }
    }, 90_000);
  }
});
