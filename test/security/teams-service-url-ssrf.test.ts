/**
 * Finding 3 (high): the Teams door must not call arbitrary `serviceUrl`s. Through the
 * real server in local mode, with an attacker's HTTP server on loopback that counts every
 * request: when TEAMS_SERVICE_URL_HOSTS does not list it, a message, a card button and an
 * install event naming it get 403 and cause no request to it, and a stored conversation
 * reference pointing at it (as an older server may have saved) gets no reminder: the
 * reminder fails at once with a reason naming TEAMS_SERVICE_URL_HOSTS. When it is
 * allowed but failing (503 to everything), one inbound activity causes exactly one
 * request to it and the answer comes back at once: no SDK retries, no error reply to a
 * connector that just failed (the red team saw 16 requests over 19 s).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { createTeamsUserStore } from '../../src/channels/teams/teams-user-store.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startAttackerServer, type AttackerServer } from '../doubles/attacker-server.js';

const NOW = new Date('2026-12-14T09:00:00Z');
let app: App | undefined;
let attacker: AttackerServer | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  await app?.stop();
  await attacker?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  app = attacker = dataDir = undefined;
});

async function start(env: Record<string, string>): Promise<string> {
  attacker = await startAttackerServer();
  dataDir = mkdtempSync(join(tmpdir(), 'h13t-ssrf-'));
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, PLAYGROUND: 'off', TEAMS_LOCAL_MODE: 'on', ...env });
  app = createApp({ config, logger: silentLogger, clock: () => NOW });
  return (await app.start()).url;
}

function activity(serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message', id: `in-${Math.random().toString(36).slice(2)}`, channelId: 'msteams', serviceUrl,
    from: { id: '29:mallory', name: 'Mallory', aadObjectId: 'aad-mallory' },
    recipient: { id: '28:bot', name: 'Travel advisor' },
    conversation: { id: 'a:ssrf', conversationType: 'personal', tenantId: 'tenant-x' },
    channelData: { tenant: { id: 'tenant-x' } },
    text: 'travelling to Kyrgyzstan next week',
    ...overrides,
  };
}

const post = (url: string, body: unknown) =>
  fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('Teams calls only allowed service URLs', () => {
  it('an activity naming a host outside TEAMS_SERVICE_URL_HOSTS is refused and causes no request to it', async () => {
    const url = await start({ TEAMS_SERVICE_URL_HOSTS: 'smba.trafficmanager.net' });
    // Answers like a connector would, so a server that does call it is not slowed down by failures.
    attacker!.respond(() => ({ status: 201, body: { id: 'internal-1' } }));
    const target = `${attacker!.url}internal/admin`;
    const statuses = [
      (await post(url, activity(target))).status,
      (await post(url, activity(target, { text: undefined, value: { ta: 'remind', countries: ['KG'], start: '2026-12-20', end: null }, replyToId: 'card-1' }))).status,
      (await post(url, activity(target, { type: 'conversationUpdate', text: undefined, membersAdded: [{ id: '28:bot' }] }))).status,
    ];
    await new Promise((r) => setTimeout(r, 500));
    expect(attacker!.requests).toEqual([]);
    expect(statuses).toEqual([403, 403, 403]);
    expect(await app!.context.reminders.listTrips()).toEqual([]);
  });

  it('a stored conversation pointing outside TEAMS_SERVICE_URL_HOSTS gets no reminder, and the reason says why', async () => {
    await start({ TEAMS_SERVICE_URL_HOSTS: 'smba.trafficmanager.net' });
    const users = createTeamsUserStore(app!.context.store('teams-refs'));
    await users.save(
      { id: '29:victim', aadObjectId: 'aad-victim' },
      { channelId: 'msteams', serviceUrl: attacker!.url, conversation: { id: 'a:planted', tenantId: 'tenant-x' }, user: { id: '29:victim' }, bot: { id: '28:bot' } },
      { now: NOW },
    );
    const trip = await app!.context.reminders.createTrip({
      traveller: { platform: 'teams', userId: 'aad-victim' }, destinations: ['CU'], start: '2026-12-19', end: '2026-12-23', createdBy: 'desk', source: 'desk',
    });
    await app!.context.reminders.runDue!(NOW);
    await new Promise((r) => setTimeout(r, 300));
    expect(attacker!.requests).toEqual([]);
    const briefing = (await app!.context.reminders.getTrip(trip.id))!.reminders.find((r) => r.kind === 'briefing');
    expect(briefing).toMatchObject({ status: 'failed', reason: expect.stringMatching(/TEAMS_SERVICE_URL_HOSTS/) });
  });

  it('a failing allowed host gets one request per inbound activity, with no retries and no error replies', async () => {
    // Default local-mode allowlist: loopback is allowed, so the attacker stands in for a failing connector.
    const url = await start({});
    const started = Date.now();
    const res = await post(url, activity(attacker!.url));
    const elapsed = Date.now() - started;
    await new Promise((r) => setTimeout(r, 1000));
    expect(res.status).toBe(200);
    expect(attacker!.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v3/conversations/a%3Assrf/members/29%3Amallory']);
    expect(elapsed).toBeLessThan(3000);
  }, 60_000);
});
