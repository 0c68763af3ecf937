/**
 * Proves the Teams deliverer's `alreadyDelivered` survives a real crash: a child process
 * (the production reminder service and Teams door with MICROSOFT_APP_ID set, botbuilder
 * sending to the connector double over HTTP with an app token each process fetches from
 * the Microsoft identity double, SQLite in a temp dir) is SIGKILLed after the connector
 * accepted a reminder card, then restarted on the same file.
 * - Killed after the Teams door recorded the key as sent but before the reminder record
 *   said `sent`: the restarted process finds the key and sends nothing again.
 * - Killed in the remaining window, after the connector's 2xx but before that record
 *   was written: the restarted process cannot know, and sends the card again (at least
 *   once, never lost), as docs/teams.md states.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTeamsUserStore } from '../../src/channels/teams/teams-user-store.js';
import { createStore } from '../../src/store/create-store.js';
import { startMicrosoftIdentityDouble, type MicrosoftIdentityDouble } from '../doubles/microsoft-identity-double.js';
import { startTeamsConnectorDouble, type TeamsConnectorDouble } from '../doubles/teams-connector-double.js';
import { makeHarness } from './reminders-harness.js';
import { fixtureProgram } from '../support/fixture-programs.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** fixtures/teams-reminder-process.ts, compiled over dist/ by the global setup (test/support/fixture-programs.ts). */
const SCRIPT = fixtureProgram(resolve(import.meta.dirname, 'fixtures/teams-reminder-process.ts'));
const NOW = '2026-12-01T09:00:00Z';
const children: ChildProcess[] = [];
let identity: MicrosoftIdentityDouble;
let connector: TeamsConnectorDouble;
beforeAll(async () => {
  identity = await startMicrosoftIdentityDouble();
  connector = await startTeamsConnectorDouble({ appTokens: identity.checkAppToken });
});
afterAll(async () => {
  await connector.close();
  await identity.close();
});
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function runProcess(env: Record<string, string>) {
  // The connector double is on loopback: listed explicitly, as the default list has Microsoft's hosts only.
  const teams = { ...identity.env, TEAMS_SERVICE_URL_HOSTS: '127.0.0.1', LOGIN_CA: identity.ca };
  const child = spawn(process.execPath, [SCRIPT], { cwd: ROOT, env: { PATH: process.env.PATH, NOW, ...teams, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  let onStall: () => void = () => undefined;
  const stalled = new Promise<void>((r) => (onStall = r));
  child.stdout!.on('data', (c) => {
    stdout += c;
    if (stdout.includes('stalled\n')) onStall();
  });
  child.stderr!.on('data', (c) => (stderr += c));
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string }>((r) =>
    child.on('exit', (code, signal) => {
      if (code) console.error(stderr);
      r({ code, signal, stdout });
    }),
  );
  return { child, stalled, done };
}

/** A Teams traveller with a stored personal chat, and a trip whose briefing is due at NOW. */
async function seed(conversationId: string): Promise<{ dataDir: string; tripId: string }> {
  const h = makeHarness();
  const refs = createStore(h.config, 'teams-refs');
  await createTeamsUserStore(refs).save(
    { id: '29:dora', aadObjectId: 'aad-dora' },
    { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: conversationId, tenantId: 'tenant-a' }, user: { id: '29:dora' }, bot: { id: '28:bot' } },
    { now: new Date(NOW) },
  );
  await refs.disconnect();
  const trip = await h.service.createTrip({ traveller: { platform: 'teams', userId: 'aad-dora' }, destinations: ['KZ'], start: '2026-12-08', end: '2026-12-12', createdBy: 'desk', source: 'desk' });
  await h.close();
  return { dataDir: h.config.DATA_DIR, tripId: trip.id };
}

async function briefingStatus(dataDir: string, tripId: string): Promise<string> {
  const h = makeHarness({}, {}, dataDir);
  const trip = await h.service.getTrip(tripId);
  await h.close();
  return trip!.reminders.find((r) => r.kind === 'briefing')!.status;
}

const cards = (conversationId: string) => connector.calls.filter((c) => c.conversationId === conversationId && c.method === 'POST' && c.status < 300);

// Each case starts two reminder processes; on a loaded 2-core CI machine a start took ~10 s through tsx.
describe('Teams reminders across a crash', { timeout: 120_000 }, () => {
  it('SIGKILL after the Teams door recorded the send, before the reminder said sent: the restart sends nothing again', async () => {
    const { dataDir, tripId } = await seed('a:crash-recorded');
    const first = runProcess({ DATA_DIR: dataDir, STALL: 'reminder-sent' });
    await first.stalled;
    first.child.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');
    expect(cards('a:crash-recorded')).toHaveLength(1);
    expect(cards('a:crash-recorded')[0]!.body.text).toMatch(/Kazakhstan/);
    // Still in flight as far as the reminder record knows.
    expect(await briefingStatus(dataDir, tripId)).toBe('scheduled');

    const second = runProcess({ DATA_DIR: dataDir });
    const out = await second.done;
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(cards('a:crash-recorded')).toHaveLength(1);
    expect(await briefingStatus(dataDir, tripId)).toBe('sent');
  });

  it('SIGKILL between the connector 2xx and our record (the remaining window): the restart sends the card again', async () => {
    const { dataDir, tripId } = await seed('a:crash-window');
    const first = runProcess({ DATA_DIR: dataDir, STALL: 'teams-sent' });
    await first.stalled;
    first.child.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');
    expect(cards('a:crash-window')).toHaveLength(1);

    const second = runProcess({ DATA_DIR: dataDir });
    const out = await second.done;
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(cards('a:crash-window')).toHaveLength(2);
    expect(await briefingStatus(dataDir, tripId)).toBe('sent');
    expect(connector.refused).toEqual([]);
  });
});
