/**
 * Finding 16 (low): the travel-desk API took an end date of 9999-12-31 (trip data kept
 * for 8,000 years), a 300-character email, and its token could be 16 spaces or one
 * character repeated. Proves over real HTTP that trip dates are bounded (start at most
 * 30 days back, end within TRIP_HORIZON_DAYS, length within TRIP_MAX_DAYS) and emails
 * to RFC 5321's 254 characters, each refusal a 400 naming the field with nothing
 * stored; and that a weak TRAVEL_DESK_API_TOKEN stops start-up with a ConfigError
 * naming the variable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { advisorFor } from '../reminders/reminders-harness.js';

const TOKEN = 'api-bounds-token-5b2d17e9';
const NOW = new Date('2026-11-23T09:00:00Z');
let app: App;
let base: string;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sec-api-bounds-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', PLAYGROUND: 'off', TRAVEL_DESK_API_TOKEN: TOKEN });
  app = createApp({ config, logger: silentLogger, advisor: advisorFor(config), clock: () => NOW });
  base = `http://127.0.0.1:${(await app.start()).port}`;
});
afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = async (body: unknown) => {
  const res = await fetch(`${base}/api/trips`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { error?: string; details?: string[] } };
};
const trip = { traveller: { email: 'ana@example.com' }, destinations: ['KZ'], start: '2026-12-08', end: '2026-12-12' };

describe('POST /api/trips bounds', () => {
  it('refuses an end in the year 9999, naming the field and the horizon', async () => {
    const r = await post({ ...trip, end: '9999-12-31' });
    expect(r.status).toBe(400);
    expect(r.json.details).toEqual(expect.arrayContaining([expect.stringMatching(/^end: a date at most 730 days after today \(2026-11-23; TRIP_HORIZON_DAYS\)$/)]));
  });

  it('refuses a trip longer than TRIP_MAX_DAYS, and a start far in the past', async () => {
    const long = await post({ ...trip, start: '2027-01-01', end: '2028-06-30' });
    expect(long.status).toBe(400);
    expect(long.json.details).toEqual(['end: a trip of at most 365 days (TRIP_MAX_DAYS)']);
    const old = await post({ ...trip, start: '2025-01-01', end: '2026-12-01' });
    expect(old.status).toBe(400);
    expect(old.json.details).toEqual(expect.arrayContaining(['start: a date at most 30 days before today (2026-11-23)']));
  });

  it('takes a trip already under way and one ending right at the horizon', async () => {
    expect((await post({ ...trip, start: '2026-11-01', end: '2026-11-30' })).status).toBe(201);
    expect((await post({ ...trip, start: '2028-11-01', end: '2028-11-22' })).status).toBe(201);
  });

  it('refuses an email over 254 characters, or with a local part over 64', async () => {
    const long = await post({ ...trip, traveller: { email: `${'a'.repeat(60)}@${Array(5).fill('b'.repeat(50)).join('.')}.com` } });
    expect(long.status).toBe(400);
    expect(long.json.details).toEqual([expect.stringMatching(/^traveller\.email: an email address of at most 254 characters/)]);
    const local = await post({ ...trip, traveller: { email: `${'a'.repeat(65)}@example.com` } });
    expect(local.status).toBe(400);
    expect(local.json.details).toEqual([expect.stringMatching(/^traveller\.email: .*at most 64 characters/)]);
  });

  it('stored none of the refused trips', async () => {
    const res = await fetch(`${base}/api/trips`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const { trips } = (await res.json()) as { trips: Array<{ start: string; end: string }> };
    expect(trips.map((t) => `${t.start}..${t.end}`).sort()).toEqual(['2026-11-01..2026-11-30', '2028-11-01..2028-11-22']);
  });
});

describe('TRAVEL_DESK_API_TOKEN strength', () => {
  const problemsOf = (token: string) => {
    try {
      loadConfig({ TRAVEL_DESK_API_TOKEN: token });
      return null;
    } catch (error) {
      return error instanceof ConfigError ? error.problems : error;
    }
  };

  it('refuses 16 spaces, a token with whitespace, and one character repeated, naming the variable', () => {
    for (const weak of [' '.repeat(16), 'abcdef012345 6789', 'a'.repeat(32), 'abab'.repeat(8)]) {
      const problems = problemsOf(weak);
      expect(Array.isArray(problems) && problems.length > 0, JSON.stringify(weak)).toBe(true);
      for (const p of problems as string[]) expect(p).toMatch(/^TRAVEL_DESK_API_TOKEN: expected /);
      expect(String(problems)).not.toContain(weak);
    }
  });

  it('takes a random token', () => {
    expect(problemsOf('3f9c2a7e51b04d68')).toBeNull();
    expect(problemsOf(TOKEN)).toBeNull();
  });
});
