/**
 * Finding 9 (medium): unsigned 4 MB Slack bodies were read whole before the signature
 * check, 100 at once growing the server by 210 MB. Proves over real HTTP that every
 * body-taking route answers 413 to a body over its cap, at once when Content-Length
 * says so and as soon as a chunked body passes it; that bodies being received at once
 * are bounded (503 with Retry-After beyond the gate); and, on the real `node
 * dist/main.js` process, that 100 parallel unsigned 4 MB Slack bodies leave its peak
 * memory within 64 MiB of where it was while /healthz keeps answering.
 * The caps below mirror src/server/body-limits.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startSlackApiDouble, type SlackApiDouble } from '../doubles/slack-api-double.js';
import { advisorFor } from '../reminders/reminders-harness.js';
import { healthy, send, type RawAnswer } from './raw-http.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const KiB = 1024;
const MiB = 1024 * KiB;
const TOKEN = 'oversize-bodies-token-4c1e88';
const json = { 'content-type': 'application/json' };
const TEAMS_APP_ID = '11111111-2222-3333-4444-555555555555';
const teams = { ...json, authorization: 'Bearer not-yet-checked' };

/** Every route that reads a body, with its cap (body-limits.ts) and the headers it needs to get as far as reading. */
const BODY_ROUTES = [
  { path: '/slack/events', cap: 1 * MiB, headers: { ...json, 'x-slack-signature': 'v0=00', 'x-slack-request-timestamp': '1' } },
  // A bearer token of the right shape gets an activity read; Bot Framework checks it after.
  { path: '/api/messages', cap: 256 * KiB, headers: teams },
  { path: '/api/trips', cap: 64 * KiB, headers: { ...json, authorization: `Bearer ${TOKEN}` } },
  { path: '/playground/api/ask', cap: 64 * KiB, headers: json },
  { path: '/playground/api/reminders', cap: 16 * KiB, headers: json },
  { path: '/playground/api/action', cap: 16 * KiB, headers: json },
];

let slack: SlackApiDouble;
let app: App;
let port: number;
let dataDir: string;

beforeAll(async () => {
  slack = await startSlackApiDouble();
  dataDir = mkdtempSync(join(tmpdir(), 'sec-oversize-'));
  const config = loadConfig({
    PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', TRAVEL_DESK_API_TOKEN: TOKEN,
    SLACK_BOT_TOKEN: 'xoxb-oversize', SLACK_SIGNING_SECRET: 'oversize-signing-secret', SLACK_API_URL: slack.apiUrl,
    MICROSOFT_APP_ID: TEAMS_APP_ID, MICROSOFT_APP_PASSWORD: 'not-a-real-secret', MICROSOFT_APP_TENANT_ID: '99999999-8888-7777-6666-555555555555',
  });
  app = createApp({ config, logger: silentLogger, advisor: advisorFor(config) });
  port = (await app.start()).port;
});
afterAll(async () => {
  await app?.stop();
  await slack?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('body caps on every body-taking route', () => {
  it('answers 413 at once to a declared Content-Length over the cap', async () => {
    for (const r of BODY_ROUTES) {
      const a = await send(port, { method: 'POST', path: r.path, headers: r.headers, body: Buffer.alloc(r.cap + 1, 0x20) });
      expect(a.status, r.path).toBe(413);
    }
    expect(await healthy(port)).toBe(true);
  });

  it('answers 413 to a chunked body (no Content-Length) once it passes the cap', async () => {
    for (const r of BODY_ROUTES) {
      // Twice the cap: still under the limits the doors had before (Bolt's 4 MB, readBody's old 1 MiB default).
      const chunk = Buffer.alloc(16 * KiB, 0x20);
      const a = await send(port, { method: 'POST', path: r.path, headers: r.headers, chunked: { chunk, count: (2 * r.cap) / chunk.length } });
      expect(a.status, r.path).toBe(413);
    }
    expect(await healthy(port)).toBe(true);
  });

  it('still takes a body just under the cap on the smallest route', async () => {
    const body = JSON.stringify({ destinations: ['KG'], start: '2026-12-01', pad: ' '.repeat(15 * KiB) });
    const a = await send(port, { method: 'POST', path: '/playground/api/reminders', headers: json, body });
    expect(a.status).toBe(201);
  });
});

describe('bodies received at once', () => {
  it('answers 503 with Retry-After when 16 slow senders hold every read slot, and recovers when they go', async () => {
    // Each declares 200 bytes and sends none: the server is left waiting on all sixteen.
    const holders: Array<Promise<RawAnswer>> = [];
    for (let i = 0; i < 16; i++)
      holders.push(send(port, { method: 'POST', path: '/api/messages', headers: { ...teams, 'content-length': '200' }, timeoutMs: 1_500 }));
    await new Promise((r) => setTimeout(r, 300));
    const refused = await send(port, { method: 'POST', path: '/api/messages', headers: teams, body: '{}', timeoutMs: 3_000 });
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    await Promise.all(holders); // they time out client-side and hang up, freeing their slots
    await new Promise((r) => setTimeout(r, 100));
    const after = await send(port, { method: 'POST', path: '/api/messages', headers: teams, body: '{"nope"', timeoutMs: 3_000 });
    expect(after.status).toBe(400);
  });
});

describe('a flood of unsigned Slack bodies against the real server process', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({
      PLAYGROUND: 'off', SLACK_BOT_TOKEN: 'xoxb-flood', SLACK_SIGNING_SECRET: 'flood-signing-secret', SLACK_API_URL: slack.apiUrl,
    });
  });
  afterAll(() => server?.stop());

  it('keeps peak memory within 64 MiB of its start and /healthz answering, refusing every body', async () => {
    for (let i = 0; i < 5; i++) expect(await healthy(server.port)).toBe(true);
    const before = server.memoryKb();
    const body = Buffer.alloc(4_000_000, 0x61); // under Bolt's own 4 MB default, over our 1 MiB cap
    const headers = { ...json, 'x-slack-signature': 'v0=deadbeef', 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)) };
    const flood = Array.from({ length: 100 }, (_, i) =>
      i % 2
        ? send(server.port, { method: 'POST', path: '/slack/events', headers, body, timeoutMs: 20_000 })
        : send(server.port, { method: 'POST', path: '/slack/events', headers, chunked: { chunk: body.subarray(0, 64 * KiB), count: 4_000_000 / (64 * KiB) }, timeoutMs: 20_000 }),
    );
    const started = performance.now();
    const health = await send(server.port, { path: '/healthz', timeoutMs: 5_000 });
    const healthMs = performance.now() - started;
    const answers = await Promise.all(flood);
    const after = server.memoryKb();
    const grewMiB = (after.peak - before.peak) / 1024;
    console.log(`flood: peak RSS ${Math.round(before.peak / 1024)} → ${Math.round(after.peak / 1024)} MiB (+${grewMiB.toFixed(1)}), /healthz in ${Math.round(healthMs)} ms, statuses ${JSON.stringify(countBy(answers.map((a) => a.status)))}`);
    expect(health.status).toBe(200);
    expect(answers.every((a) => a.status === 413 || a.status === 503 || (a.status === null && a.error !== 'timeout'))).toBe(true);
    // The server answers 413 as soon as the cap is passed and closes; a sender still writing then
    // sees the connection reset instead of the status (counted as refused above). How many read
    // the 413 first depends on timing (90, 60, 60 of 100 alone; 38 with the whole suite running),
    // so this only holds that the cap, not the read-slot limit (503), refused a good share.
    expect(answers.filter((a) => a.status === 413).length).toBeGreaterThanOrEqual(16);
    expect(grewMiB).toBeLessThan(64);
    expect(await healthy(server.port)).toBe(true);
    expect(server.exited()).toBeNull();
  });
});

function countBy(values: Array<number | null>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1;
  return out;
}
