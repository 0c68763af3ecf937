/**
 * Bot Framework authentication on /api/messages, through the real server: with
 * MICROSOFT_APP_ID set, an activity without a valid bearer token is refused with 401
 * before the advisor sees it and nothing reaches the connector; without an app id the
 * endpoint runs unauthenticated only in the explicit TEAMS_LOCAL_MODE, and says so in a
 * warning at start-up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Advisor } from '../../src/advisor/create-advisor.js';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger, silentLogger } from '../../src/logger.js';
import { startTeamsConnectorDouble, type TeamsConnectorDouble } from '../doubles/teams-connector-double.js';

let app: App | undefined;
let connector: TeamsConnectorDouble | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  await app?.stop();
  await connector?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  app = connector = dataDir = undefined;
});

/** An advisor that only records that it was asked. */
function recordingAdvisor(asked: string[]): Advisor {
  return {
    ask: async (text: string) => {
      asked.push(text);
      throw new Error('the advisor must not be reached');
    },
  } as unknown as Advisor;
}

async function start(env: Record<string, string>, logger = silentLogger, advisor?: Advisor): Promise<string> {
  connector = await startTeamsConnectorDouble();
  dataDir = mkdtempSync(join(tmpdir(), 'teams-auth-'));
  app = createApp({ config: loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, PLAYGROUND: 'off', ...env }), logger, advisor });
  return (await app.start()).url;
}

const message = () => ({
  type: 'message',
  id: 'auth-1',
  channelId: 'msteams',
  serviceUrl: connector!.url,
  text: 'travelling to Kyrgyzstan next week',
  from: { id: '29:someone' },
  recipient: { id: '28:bot' },
  conversation: { id: 'a:auth', conversationType: 'personal' },
});

describe('Teams authentication', () => {
  it('refuses activities without a valid Bot Framework token when MICROSOFT_APP_ID is set', async () => {
    const asked: string[] = [];
    const url = await start(
      { MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555', MICROSOFT_APP_PASSWORD: 'not-a-real-secret' },
      silentLogger,
      recordingAdvisor(asked),
    );
    const post = (headers: Record<string, string>) =>
      fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(message()) });
    expect((await post({})).status).toBe(401);
    expect((await post({ authorization: 'Basic dXNlcjpwYXNz' })).status).toBe(401);
    expect((await post({ authorization: 'Bearer not-a-jwt' })).status).toBe(401);
    expect(asked).toEqual([]);
    expect(connector!.calls).toEqual([]);
  });

  it('runs unauthenticated in TEAMS_LOCAL_MODE, and warns at start-up', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const url = await start({ TEAMS_LOCAL_MODE: 'on' }, createLogger('warn', sink));
    expect(lines.map((l) => JSON.parse(l)).some((l) => l.level === 40 && /TEAMS_LOCAL_MODE=on: \/api\/messages accepts unauthenticated/.test(l.msg))).toBe(true);
    const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message()) });
    expect(res.status).toBe(200);
    expect((await connector!.waitFor((c) => c.body?.type === 'message')).body.text).toContain('Kyrgyzstan');
  });
});
