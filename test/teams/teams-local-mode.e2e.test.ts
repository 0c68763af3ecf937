/**
 * The one end-to-end test of Teams without authentication (TEAMS_LOCAL_MODE=on, for the
 * Agents Playground and the Emulator on a developer's machine; every other end-to-end test
 * here runs with MICROSOFT_APP_ID and signed tokens): through the real server,
 * it is announced at start-up with a warning, it answers an unsigned activity from this
 * machine, and it refuses one addressed to a non-loopback host name, so a DNS-rebinding
 * page cannot drive it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startTeamsConnectorDouble, type TeamsConnectorDouble } from '../doubles/teams-connector-double.js';

let app: App;
let connector: TeamsConnectorDouble;
let dataDir: string;
let port: number;
const lines: string[] = [];

beforeAll(async () => {
  connector = await startTeamsConnectorDouble();
  dataDir = mkdtempSync(join(tmpdir(), 'teams-local-'));
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  app = createApp({ config: loadConfig({ PORT: '0', LOG_LEVEL: 'warn', DATA_DIR: dataDir, PLAYGROUND: 'off', TEAMS_LOCAL_MODE: 'on' }), logger: createLogger('warn', sink) });
  port = (await app.start()).port;
});

afterAll(async () => {
  await app?.stop();
  await connector?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** POSTs an unsigned activity with the given Host header (fetch would not let us set it). */
function post(host: string, body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/messages', method: 'POST', headers: { host, 'content-type': 'application/json' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const message = (id: string) => ({
  type: 'message', id, channelId: 'msteams', serviceUrl: connector.url, text: 'travelling to Kyrgyzstan next week',
  from: { id: '29:someone' }, recipient: { id: '28:bot' }, conversation: { id: 'a:local', conversationType: 'personal' },
});

describe('Teams in TEAMS_LOCAL_MODE', () => {
  it('warns at start-up that /api/messages accepts unauthenticated activities', () => {
    const warnings = lines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level === 40);
    expect(warnings.some((l) => /TEAMS_LOCAL_MODE=on: \/api\/messages accepts unauthenticated/.test(l.msg))).toBe(true);
  });

  it('answers an unsigned activity from this machine', async () => {
    expect(await post(`127.0.0.1:${port}`, message('local-1'))).toBe(200);
    expect((await connector.waitFor((c) => c.body?.type === 'message')).body.text).toContain('Kyrgyzstan');
    expect(connector.calls.every((c) => c.authorization === null)).toBe(true);
  });

  it('refuses an activity addressed to a host name that is not loopback, and calls nobody', async () => {
    const before = connector.requests.length;
    expect(await post('advisor.example.com', message('local-2'))).toBe(403);
    expect(connector.requests.length).toBe(before);
  });
});
