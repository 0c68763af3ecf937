/**
 * Finding 1 (critical): `GET /playground/api/countries/%ZZ` (or `/api/trips/%ZZ`) threw
 * in decodeURIComponent before any error handling and ended the process, taking every
 * door down. Proves over real HTTP that malformed requests (bad percent-escapes, bad
 * request targets, bad JSON) get a clear 400 and the server keeps answering /healthz —
 * on the app as tests compose it and on the real `node dist/main.js` process — and
 * that the last-resort guard logs an escaped error without its message and keeps going.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger, silentLogger } from '../../src/logger.js';
import { advisorFor } from '../reminders/reminders-harness.js';
import { healthy, send, sendBytes } from './raw-http.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const TOKEN = 'malformed-url-token-7f3a9c';
const auth = { authorization: `Bearer ${TOKEN}` };

/** Paths whose parameter is not valid percent-encoding, with the method and headers each route takes. */
const MALFORMED = [
  { method: 'GET', path: '/playground/api/countries/%ZZ' },
  { method: 'GET', path: '/playground/api/countries/%E2%82' },
  { method: 'GET', path: '/playground/api/reminders/delivered/%' },
  { method: 'POST', path: '/playground/api/reminders/%C0%AF/cancel', headers: { 'content-type': 'application/json' } },
  { method: 'GET', path: '/api/trips/%ZZ', headers: auth },
  { method: 'DELETE', path: '/api/trips/%uD800', headers: auth },
];

describe('malformed requests on the composed app', () => {
  let app: App;
  let port: number;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sec-malformed-'));
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', TRAVEL_DESK_API_TOKEN: TOKEN });
    app = createApp({ config, logger: silentLogger, advisor: advisorFor(config) });
    port = (await app.start()).port;
  });
  afterAll(async () => {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 400 to every malformed percent-escape and keeps answering /healthz', async () => {
    for (const m of MALFORMED) {
      const a = await send(port, { ...m, timeoutMs: 3_000 });
      expect(a.status, `${m.method} ${m.path}`).toBe(400);
      expect(JSON.parse(a.body)).toEqual({ error: 'malformed percent-encoding in the URL' });
    }
    expect(await healthy(port)).toBe(true);
  });

  it('answers 400 to a request target that is not a path, and to broken JSON bodies', async () => {
    expect((await sendBytes(port, 'GET * HTTP/1.1\r\nHost: localhost\r\n\r\n')).status).toBe(400);
    expect((await sendBytes(port, 'GET http://[bad HTTP/1.1\r\nHost: localhost\r\n\r\n')).status).toBe(400);
    const json = { 'content-type': 'application/json' };
    for (const body of ['{"text": "unterminated', '\u0000\u0001', '{"a":1}}', '[' .repeat(10_000)]) {
      expect((await send(port, { method: 'POST', path: '/playground/api/ask', headers: json, body })).status).toBe(400);
      expect((await send(port, { method: 'POST', path: '/api/trips', headers: { ...json, ...auth }, body })).status).toBe(400);
    }
    expect(await healthy(port)).toBe(true);
  });
});

describe('malformed requests on the real server process', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ TRAVEL_DESK_API_TOKEN: TOKEN });
  });
  afterAll(() => server?.stop());

  it('survives them all: 400 each, /healthz still 200, the process still running', async () => {
    const statuses = [];
    for (const m of MALFORMED) statuses.push((await send(server.port, { ...m, timeoutMs: 3_000 })).status);
    expect(statuses).toEqual(MALFORMED.map(() => 400));
    expect(await healthy(server.port)).toBe(true);
    expect(server.exited()).toBeNull();
    expect(server.stdout() + server.stderr()).not.toMatch(/URIError|\n\s+at /);
  });
});

describe('the last-resort guard', () => {
  it('logs an error that escaped every handler, by name and stack frames only, and counts it', async () => {
    const { installLastResortGuard } = await import('../../src/server/install-last-resort-guard.js');
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }));
    const target = new EventEmitter();
    const caught = installLastResortGuard(logger, target as never);
    target.emit('unhandledRejection', new TypeError('body was {"text":"secret plans","email":"ana@example.com"}'));
    target.emit('uncaughtException', new Error('xoxb-leaked-token'));
    expect(caught()).toBe(2);
    const logged = lines.map((l) => JSON.parse(l) as { level: number; kind: string; err: { name: string; frames: string[] } });
    expect(logged.map((l) => [l.level, l.kind, l.err.name])).toEqual([
      [50, 'unhandledRejection', 'TypeError'],
      [50, 'uncaughtException', 'Error'],
    ]);
    expect(logged[0]!.err.frames.length).toBeGreaterThan(0);
    expect(lines.join('')).not.toMatch(/secret plans|ana@example\.com|xoxb-leaked-token/);
  });
});
