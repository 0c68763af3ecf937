/**
 * Finding 5 (issue 13): a write the store did not take is never reported as saved.
 * Against the real server with STORE_URL pointing at PostgreSQL on a closed port, the
 * travel-desk API answers 503 with Retry-After (not 201 with an id that was never
 * stored), reads answer 503 (not "no such trip", not an empty list), `/healthz` says the
 * store is down, and every door that confirms a save to a person says plainly that
 * nothing was saved: Slack's "Remind me" button, a "remind me before …" message (whose
 * advice still comes, since answering needs no store), `/travel-desk remind`, Teams'
 * "Remind me" card button, and the CSV import's summary. The same server on the real
 * PostgreSQL (127.0.0.1:5432, database "test") saves and reports healthy.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createProgram, runCli } from '../../src/channels/cli/create-program.js';
import { cliExtensions } from '../../src/channels/cli/extensions.js';
import { createStore } from '../../src/store/create-store.js';
import { advisorFor } from '../reminders/reminders-harness.js';
import { freePort } from './redis-process.js';
import { slackTexts, startStorageApp, TRIP, type StorageApp } from './storage-app.js';
import '../support/store-backends.js';

const NOT_SAVED = /nothing was saved/i;
/** A confirmation: mentions a save or a reminder to come, and is not the "nothing was saved" notice. */
const claimsSaved = (text: string) => !NOT_SAVED.test(text) && /\bsaved\b|I will remind you|Done:/i.test(text);

describe('with the store unreachable (PostgreSQL on a closed port)', () => {
  let s: StorageApp;
  let storeUrl: string;
  beforeAll(async () => {
    storeUrl = `postgres://postgres@127.0.0.1:${await freePort()}/x`;
    s = await startStorageApp({ STORE_URL: storeUrl, STORE_TIMEOUT_MS: '1500' });
  }, 60_000);
  afterAll(() => s?.close());

  it('POST /api/trips answers 503 with Retry-After, and the trip is never reported or listed as saved', async () => {
    const res = await s.call('POST', '/api/trips', TRIP);
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.body).not.toHaveProperty('id');
    expect(String(res.body?.error)).toMatch(NOT_SAVED);
    // With a key too: a retry later must be able to create it, nothing half-written answers for it.
    expect((await s.call('POST', '/api/trips', TRIP, { 'idempotency-key': 'h13r-down-1' })).status).toBe(503);
    // Reads do not pass a failure off as "nothing there".
    expect((await s.call('GET', '/api/trips')).status).toBe(503);
    expect((await s.call('GET', '/api/trips/6f1c0000-0000-4000-8000-000000000000')).status).toBe(503);
  });

  it('/healthz answers 503 and reports the store as down, keeping ok and doors', async () => {
    const res = await s.call('GET', '/healthz');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ ok: false, doors: expect.arrayContaining(['slack', 'api']), dependencies: { store: 'down' } });
    expect(res.ms).toBeLessThan(5000);
  });

  it('Slack "Remind me before I go" tells the clicker the trip was not saved', async () => {
    await s.slackRemindClick('U0ANA', { d: ['KZ'], s: '2026-12-08', e: '2026-12-12' });
    const told = await s.slack.waitFor('chat.postEphemeral', (c) => c.args.user === 'U0ANA', 10_000).catch(() => null);
    expect(told?.args.text).toMatch(NOT_SAVED);
    expect(slackTexts(s.slack, (c) => c.args.user === 'U0ANA').filter(claimsSaved)).toEqual([]);
  });

  it('a Slack "remind me before my trip" message is answered with the advice and told the trip was not saved', async () => {
    const ts = await s.slackDm('U0BO', 'remind me before my Almaty trip on Dec 8');
    const inThread = (c: { args: Record<string, unknown> }) => c.args.thread_ts === ts;
    const notice = await s.slack.waitFor('chat.postMessage', (c) => inThread(c) && NOT_SAVED.test(String(c.args.text)), 15_000).catch(() => null);
    expect(notice).not.toBeNull();
    const advice = await s.slack.waitFor('chat.postMessage', (c) => inThread(c) && Array.isArray(c.args.blocks), 15_000).catch(() => null);
    expect(String(advice?.args.text)).toMatch(/Kazakhstan/);
    expect(slackTexts(s.slack, inThread).filter(claimsSaved)).toEqual([]);
  });

  it('/travel-desk remind says the trip was not saved', async () => {
    const reply = await s.slackDesk('U0DESK', 'remind <@U0KAT|kat> Kazakhstan 2026-12-03..2026-12-10');
    expect(reply).toMatch(NOT_SAVED);
    expect(reply).not.toMatch(/Trip saved|Already planned/);
  });

  it('Teams "Remind me before I go" says the trip was not saved', async () => {
    const reply = await s.teamsRemindClick({ countries: ['KG'], start: '2026-12-08', end: '2026-12-12' });
    expect(reply).toMatch(NOT_SAVED);
    expect(reply).not.toMatch(/I will remind you/);
  });

  it('the CSV import prints its summary with the rows not saved and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'h13r-csv-down-'));
    const file = join(dir, 'trips.csv');
    writeFileSync(file, 'email,destinations,start,end\n' + Array.from({ length: 30 }, (_, i) => `p${i}@example.com,KZ,2026-12-08,2026-12-12`).join('\n') + '\n');
    let out = '';
    let err = '';
    const stdout = new PassThrough().on('data', (c) => (out += c));
    const stderr = new PassThrough().on('data', (c) => (err += c));
    const io = { stdin: new PassThrough(), stdout, stderr };
    const config = () => loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', STORE_URL: storeUrl, STORE_TIMEOUT_MS: '1500' });
    const t0 = Date.now();
    const code = await runCli(createProgram({ io, config, advisor: (c) => advisorFor(c) }, cliExtensions), ['trips', 'import', file, '--now', '2026-11-23T09:00:00Z'], io);
    expect(code).toBe(1);
    expect(out).toMatch(new RegExp(`^Imported 0 trips from ${file}; \\d+ failed; \\d+ not attempted\\.\\n$`));
    const [, failed, notAttempted] = /; (\d+) failed; (\d+) not attempted/.exec(out)!;
    expect(Number(failed) + Number(notAttempted)).toBe(30);
    expect(err).toMatch(/store is unavailable/);
    expect(Date.now() - t0).toBeLessThan(20_000);
  }, 60_000);
});

describe('with the real PostgreSQL', () => {
  let s: StorageApp;
  const STORE_URL = 'postgres://postgres@127.0.0.1:5432/test';
  beforeAll(async () => {
    s = await startStorageApp({ STORE_URL });
  }, 60_000);
  afterAll(() => s?.close());

  it('saves the trip (201), serves it back, and /healthz reports the store ok', async () => {
    const res = await s.call('POST', '/api/trips', TRIP);
    expect(res.status).toBe(201);
    const id = String(res.body?.id);
    try {
      const got = await s.call('GET', `/api/trips/${id}`);
      expect(got.status).toBe(200);
      expect(got.body).toMatchObject({ id, destinations: ['KZ'], start: '2026-12-08' });
      const health = await s.call('GET', '/healthz');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ ok: true, dependencies: { store: 'ok', queue: 'ok' } });
    } finally {
      // Leave the shared database as it was: this trip's records only.
      const trips = createStore({ STORE_URL, DATA_DIR: '.' }, 'reminders-trips');
      const state = createStore({ STORE_URL, DATA_DIR: '.' }, 'reminders-state');
      await state.deleteMany((res.body!.reminders as Array<{ id: string }>).map((r) => r.id));
      await trips.delete(id);
    }
  });
});
