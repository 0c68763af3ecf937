/**
 * Proves the travel-desk HTTP API on the real shared server over real HTTP: off (404)
 * without TRAVEL_DESK_API_TOKEN, 401 on a wrong token, 400 listing every problem,
 * 201 with the planned reminders, Idempotency-Key replays (one trip when two servers
 * race the same key, 422 when the key comes back with another body), statuses that follow
 * delivery, failure and acknowledgement, the ?status= filter, and DELETE cancelling
 * what is not yet sent.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { advisorFor, recordingDeliverer } from '../reminders/reminders-harness.js';

const TOKEN = 'test-token-0123456789abcdef';
const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.stop()));
});

async function start(env: Record<string, string> = { TRAVEL_DESK_API_TOKEN: TOKEN }) {
  const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'api-')), PORT: '0', LOG_LEVEL: 'silent', PLAYGROUND: 'off', ...env });
  const clock = { now: new Date('2026-11-23T08:00:00Z') };
  const app = createApp({ config, logger: silentLogger, clock: () => clock.now, advisor: advisorFor(config) });
  apps.push(app);
  const running = await app.start();
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${running.port}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { app, clock, call };
}

const trip = { traveller: { slackUserId: 'U0123ABCD' }, destinations: ['Kazakhstan', 'kg'], start: '2026-12-08', end: '2026-12-12' };

describe('POST/GET/DELETE /api/trips', () => {
  it('is off, answering 404, when no token is configured', async () => {
    const { call } = await start({});
    const res = await call('POST', '/api/trips', trip);
    expect(res.status).toBe(404);
  });

  it('answers 401 to a missing or wrong token', async () => {
    const { call } = await start();
    expect((await call('POST', '/api/trips', trip, { authorization: '' })).status).toBe(401);
    expect((await call('GET', '/api/trips', undefined, { authorization: 'Bearer wrong-token-wrong-token' })).status).toBe(401);
  });

  it('answers 400 with the list of what is wrong', async () => {
    const { call } = await start();
    const res = await call('POST', '/api/trips', { traveller: { email: 'not-an-email' }, destinations: [], start: '8 Dec', end: '2026-12-12' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; details: string[] };
    expect(body.details).toEqual(expect.arrayContaining([expect.stringMatching(/^traveller/), expect.stringMatching(/^destinations: at least one/), expect.stringMatching(/^start: a date YYYY-MM-DD/)]));
    const unknown = await call('POST', '/api/trips', { ...trip, destinations: ['Atlantis'] });
    expect(await unknown.json()).toMatchObject({ details: ['destinations: "Atlantis" is not a country name or ISO code'] });
    const backwards = await call('POST', '/api/trips', { ...trip, end: '2026-12-01' });
    expect(await backwards.json()).toMatchObject({ details: ['end: a date on or after start'] });
  });

  it('creates a trip (201) with its reminders, and replays the same trip for the same Idempotency-Key', async () => {
    const { call } = await start();
    const res = await call('POST', '/api/trips', trip, { 'idempotency-key': 'booking-42' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; destinations: string[]; reminders: unknown[] };
    expect(res.headers.get('location')).toBe(`/api/trips/${body.id}`);
    expect(body.destinations).toEqual(['KZ', 'KG']);
    expect(body.reminders).toEqual([
      { id: expect.any(String), kind: 'briefing', dueAt: '2026-12-01T09:00:00.000Z', status: 'scheduled' },
      { id: expect.any(String), kind: 'day-before', dueAt: '2026-12-07T09:00:00.000Z', status: 'scheduled' },
      { id: expect.any(String), kind: 'post-trip', dueAt: '2026-12-13T09:00:00.000Z', status: 'scheduled' },
    ]);
    const again = await call('POST', '/api/trips', trip, { 'idempotency-key': 'booking-42' });
    expect(((await again.json()) as { id: string }).id).toBe(body.id);
    const list = (await (await call('GET', '/api/trips')).json()) as { trips: unknown[] };
    expect(list.trips).toHaveLength(1);
  });

  it('two servers on one store racing one Idempotency-Key create one trip; the key with another body is 422', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-race-'));
    const one = await start({ TRAVEL_DESK_API_TOKEN: TOKEN, DATA_DIR: dir });
    const two = await start({ TRAVEL_DESK_API_TOKEN: TOKEN, DATA_DIR: dir });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).call('POST', '/api/trips', trip, { 'idempotency-key': 'booking-race' })));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(201));
    const ids = await Promise.all(answers.map(async (r) => ((await r.json()) as { id: string }).id));
    expect(new Set(ids).size).toBe(1);
    expect(((await (await two.call('GET', '/api/trips')).json()) as { trips: Array<{ id: string }> }).trips.map((t) => t.id)).toEqual([ids[0]]);

    const other = await one.call('POST', '/api/trips', { ...trip, end: '2026-12-20' }, { 'idempotency-key': 'booking-race' });
    expect(other.status).toBe(422);
    expect(await other.json()).toEqual({
      error: 'This idempotency key was already used for a different trip; send a new key for a new trip',
      details: ['Idempotency-Key: already used with a different body'],
    });
    // The same trip written differently (names instead of codes, other order) is the same request.
    const same = await two.call('POST', '/api/trips', { ...trip, destinations: ['KG', 'kz'] }, { 'idempotency-key': 'booking-race' });
    expect(((await same.json()) as { id: string }).id).toBe(ids[0]);
  });

  it('reports statuses as reminders are sent, fail and are acknowledged, filtered by ?status=', async () => {
    const { app, clock, call } = await start();
    const slack = recordingDeliverer('slack', { 'ana@example.com': 'UANA' });
    app.context.reminders.registerDeliverer(slack);
    slack.fail((u) => (u === 'UGONE' ? Object.assign(new Error('user_not_found'), { permanent: true }) : null));
    const ok = (await (await call('POST', '/api/trips', { ...trip, traveller: { email: 'ana@example.com' } })).json()) as { id: string };
    const gone = (await (await call('POST', '/api/trips', { ...trip, traveller: { slackUserId: 'UGONE' } })).json()) as { id: string };
    clock.now = new Date('2026-12-01T09:00:00Z');
    await app.context.reminders.runDue!(clock.now);
    const sent = (await (await call('GET', `/api/trips/${ok.id}`)).json()) as { traveller: unknown; reminders: Array<{ status: string }> };
    expect(sent.traveller).toEqual({ slackUserId: 'UANA' });
    expect(sent.reminders.map((r) => r.status)).toEqual(['sent', 'scheduled', 'scheduled']);
    const failed = (await (await call('GET', '/api/trips?status=failed')).json()) as { trips: Array<{ id: string; reminders: Array<{ reason?: string }> }> };
    expect(failed.trips.map((t) => t.id)).toEqual([gone.id]);
    expect(failed.trips[0]!.reminders[0]!.reason).toBe('user_not_found');
    await app.context.reminders.acknowledge({ traveller: { platform: 'slack', userId: 'UANA' } });
    const acked = (await (await call('GET', '/api/trips?status=acknowledged')).json()) as { trips: Array<{ id: string; acknowledgedAt: string; reminders: Array<{ status: string }> }> };
    expect(acked.trips.map((t) => t.id)).toEqual([ok.id]);
    expect(acked.trips[0]!.reminders[0]!.status).toBe('acknowledged');
    expect((await call('GET', '/api/trips?status=bogus')).status).toBe(400);
  });

  it('DELETE cancels what is not yet sent; unknown ids are 404', async () => {
    const { app, clock, call } = await start();
    const slack = recordingDeliverer();
    app.context.reminders.registerDeliverer(slack);
    const created = (await (await call('POST', '/api/trips', trip)).json()) as { id: string };
    clock.now = new Date('2026-12-01T09:00:00Z');
    await app.context.reminders.runDue!(clock.now);
    const res = await call('DELETE', `/api/trips/${created.id}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { reminders: Array<{ status: string }> }).reminders.map((r) => r.status)).toEqual(['sent', 'cancelled', 'cancelled']);
    await app.context.reminders.runDue!(new Date('2026-12-31T00:00:00Z'));
    expect(slack.sent).toHaveLength(1);
    expect((await call('DELETE', '/api/trips/nope')).status).toBe(404);
    expect((await call('GET', '/api/trips/nope')).status).toBe(404);
  });
});
