/**
 * Finding 2 (critical): Teams must be off unless it is configured. With only Slack set
 * up, the real server answers POST /api/messages with 404, so an attacker whose activity
 * names their own server as `serviceUrl` (and answers the roster lookup with a victim's
 * email) learns nothing, stores nothing, and later receives none of the victim's trip
 * briefings after the travel desk files that trip over the HTTP API. The unauthenticated
 * local mode exists only when asked for (TEAMS_LOCAL_MODE=on), only on a loopback HOST
 * (config refuses it otherwise, naming HOST), and `npm start` announces it on the
 * console and in the log.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startAttackerServer, type AttackerServer } from '../doubles/attacker-server.js';
import { startSlackApiDouble, type SlackApiDouble } from '../doubles/slack-api-double.js';
import { startTeamsConnectorDouble, type TeamsConnectorDouble } from '../doubles/teams-connector-double.js';

const ROOT = resolve(import.meta.dirname, '../..');
const NOW = new Date('2026-12-14T09:00:00Z');
const DESK_TOKEN = 'h13t-desk-token-5f2c9a7e1b3d';
const VICTIM = 'ceo@corp.example';

let app: App | undefined;
let attacker: AttackerServer | undefined;
let slack: SlackApiDouble | undefined;
let connector: TeamsConnectorDouble | undefined;
let child: ChildProcess | undefined;
const dirs: string[] = [];

afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await app?.stop();
  await attacker?.close();
  await slack?.close();
  await connector?.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  app = attacker = slack = connector = child = undefined;
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'h13t-teams-off-'));
  dirs.push(d);
  return d;
}

/** The activity from the red-team run: a personal message whose serviceUrl is the attacker's server. */
function attackerActivity(serviceUrl: string): Record<string, unknown> {
  return {
    type: 'message', id: 'evil-1', channelId: 'msteams', serviceUrl, text: 'hello',
    from: { id: '29:mallory', name: 'Mallory', aadObjectId: 'aad-mallory' },
    recipient: { id: '28:bot', name: 'Travel advisor' },
    conversation: { id: 'a:evil', conversationType: 'personal', tenantId: 'evil-tenant' },
    channelData: { tenant: { id: 'evil-tenant' } },
  };
}

describe('Teams is off unless configured', () => {
  it('with only Slack set, /api/messages is 404 and the attacker never receives the victim\'s briefing', async () => {
    attacker = await startAttackerServer();
    // The roster lookup answers with the victim's email; sends are accepted.
    attacker.respond(({ method, path }) =>
      method === 'GET' && /\/members\//.test(path)
        ? { status: 200, body: { id: '29:mallory', aadObjectId: 'aad-mallory', email: VICTIM, name: 'CEO' } }
        : { status: 201, body: { id: 'evil-activity' } },
    );
    slack = await startSlackApiDouble();
    const config = loadConfig({
      PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: tempDir(), PLAYGROUND: 'off',
      SLACK_BOT_TOKEN: 'xoxb-h13t', SLACK_SIGNING_SECRET: 'h13t-signing-secret-0123456789', SLACK_API_URL: slack.apiUrl,
      TRAVEL_DESK_API_TOKEN: DESK_TOKEN,
    });
    app = createApp({ config, logger: silentLogger, clock: () => NOW });
    const url = (await app.start()).url;

    const teams = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(attackerActivity(attacker.url)) });
    const filed = await fetch(`${url}/api/trips`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DESK_TOKEN}`, 'idempotency-key': 'h13t-victim-trip' },
      body: JSON.stringify({ traveller: { email: VICTIM }, destinations: ['CU'], start: '2026-12-19', end: '2026-12-23' }),
    });
    expect(filed.status).toBe(201);
    await app.context.reminders.runDue!(NOW);
    // The red team saw the briefing arrive within 8 s; give it that long to show up.
    await new Promise((r) => setTimeout(r, 1500));

    expect(attacker.requests).toEqual([]);
    expect(teams.status).toBe(404);
    const health = (await (await fetch(`${url}/healthz`)).json()) as { doors: string[] };
    expect(health.doors).not.toContain('teams');
    const [trip] = await app.context.reminders.listTrips();
    expect(trip!.reminders.find((r) => r.kind === 'briefing')).toMatchObject({ status: 'failed' });
  });

  it('refuses TEAMS_LOCAL_MODE=on unless the server binds to loopback, naming HOST', () => {
    expect(() => loadConfig({ TEAMS_LOCAL_MODE: 'on', HOST: '0.0.0.0' })).toThrow(/HOST: "0\.0\.0\.0" is not a loopback address, and TEAMS_LOCAL_MODE=on/);
    expect(() => loadConfig({ TEAMS_LOCAL_MODE: 'on', MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: '99999999-8888-7777-6666-555555555555' })).toThrow(/TEAMS_LOCAL_MODE: "on" turns Bot Framework authentication off/);
    expect(loadConfig({ TEAMS_LOCAL_MODE: 'on', HOST: '127.0.0.1' }).teamsMode).toBe('local');
    expect(loadConfig({}).teamsMode).toBe('off');
  });

  it('npm start in local mode says so on the console and in the log, and serves /api/messages on loopback', async () => {
    connector = await startTeamsConnectorDouble();
    const env = { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATA_DIR: tempDir(), PLAYGROUND: 'off', TEAMS_LOCAL_MODE: 'on' };
    child = spawn(process.execPath, ['dist/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (c) => (stderr += c));
    const port = await new Promise<number>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`no "Listening on" line; stdout: ${stdout} stderr: ${stderr}`)), 30_000);
      child!.stdout!.on('data', (c) => {
        stdout += c;
        const m = /Listening on [^\s]*?:(\d+)/.exec(stdout);
        if (m) (clearTimeout(timer), res(Number(m[1])));
      });
      child!.on('exit', () => rej(new Error(`exited early; stderr: ${stderr}`)));
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(stderr).toMatch(/Warning: TEAMS_LOCAL_MODE=on: \/api\/messages accepts unauthenticated Teams activities/);
    const logged = stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(logged.some((l) => l.level === 40 && /TEAMS_LOCAL_MODE=on/.test(l.msg))).toBe(true);

    const res = await fetch(`http://localhost:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...attackerActivity(connector.url), text: 'what is SORM?' }),
    });
    expect(res.status).toBe(200);
    expect((await connector.waitFor((c) => c.body?.type === 'message', 10_000)).conversationId).toBe('a:evil');
  }, 60_000);
});
