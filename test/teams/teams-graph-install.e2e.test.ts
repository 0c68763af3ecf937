/**
 * Proactive installation end to end, against local doubles of Microsoft's services over
 * real HTTP: the real server (MICROSOFT_APP_ID set, SingleTenant), the Microsoft identity
 * double issuing the bot's Bot Connector tokens and, from the same client credentials, its
 * Microsoft Graph tokens with the consented permissions as `roles`; a Graph double speaking
 * Graph's wire format (OData JSON, 201/409 on install, 403 without the permission, 404 for an
 * unknown user) that checks the app token on every call; the connector double. Proves: a
 * reminder reaches a Teams user who never opened the bot (their email looked up, the app
 * installed, the chat found, the briefing sent there), an app already installed (409) is fine,
 * and later reminders reuse the chat. Without the permissions, or with proactive installation
 * off, the reminder fails with a reason naming what is missing, and the travel desk's channel
 * is told once per traveller, however many reminders fail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import type { TripView } from '../../src/reminders/types.js';
import { startGraphDouble, type GraphDouble, type GraphUser } from '../doubles/graph-double.js';
import { startMicrosoftIdentityDouble, type MicrosoftIdentityDouble } from '../doubles/microsoft-identity-double.js';
import { startTeamsConnectorDouble, type TeamsConnectorDouble } from '../doubles/teams-connector-double.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const CATALOG_ID = 'a1b2c3d4-0000-4000-8000-00000000c47a';
const DESK_TEAM = '19:graph-desk-team@thread.tacv2';
const DESK_CHANNEL = '19:graph-desk@thread.tacv2';
const deskMember = { id: '29:graph-desk-member', name: 'Dana', aadObjectId: 'aad-graph-desk' };
const kat: GraphUser = { id: '7e1a2b3c-0000-4000-8000-00000000a001', userPrincipalName: 'kat@contoso.test', mail: 'kat@contoso.test', displayName: 'Kat' };
const lee: GraphUser = { id: '7e1a2b3c-0000-4000-8000-00000000a002', userPrincipalName: 'lee@contoso.test', mail: 'lee@contoso.test', displayName: 'Lee' };
const ALL_ROLES = ['User.Read.All', 'TeamsAppInstallation.ReadWriteForUser.All'];

interface World {
  app: App;
  /** The server's base URL. */
  url: string;
  identity: MicrosoftIdentityDouble;
  connector: TeamsConnectorDouble;
  graph: GraphDouble;
}
const opened: Array<{ close(): Promise<void> }> = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const o of opened.splice(0).reverse()) await o.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function startWorld(options: { roles: string[]; install?: 'on' | 'off'; installedFor?: string[] }): Promise<World> {
  const identity = await startMicrosoftIdentityDouble({ graph: { roles: options.roles } });
  opened.push(identity);
  const connector = await startTeamsConnectorDouble({ appTokens: identity.checkAppToken });
  opened.push(connector);
  connector.setMember(deskMember.id, { name: deskMember.name, aadObjectId: deskMember.aadObjectId, email: 'dana@contoso.test' });
  const graph = await startGraphDouble({
    checkToken: identity.checkGraphToken,
    catalogAppId: CATALOG_ID,
    botAppId: identity.appId,
    tenantId: identity.env.MICROSOFT_APP_TENANT_ID!,
    users: [kat, lee],
    installedFor: options.installedFor,
  });
  opened.push(graph);
  const dataDir = mkdtempSync(join(tmpdir(), 'teams-graph-'));
  dirs.push(dataDir);
  const config = loadConfig({
    PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, PLAYGROUND: 'off', ...identity.env,
    TEAMS_SERVICE_URL_HOSTS: '127.0.0.1',
    TEAMS_TRAVEL_DESK_TEAM_ID: DESK_TEAM,
    ...(options.install === 'off'
      ? {}
      : { TEAMS_GRAPH_INSTALL: 'on', TEAMS_APP_CATALOG_ID: CATALOG_ID, GRAPH_BASE_URL: graph.baseUrl, TEAMS_PROACTIVE_SERVICE_URL: connector.url }),
  });
  const app = createApp({ config, logger: silentLogger, clock: () => NOW, teams: { loginCa: identity.ca } });
  const { url } = await app.start();
  opened.push({ close: () => app.stop() });
  return { app, url, identity, connector, graph };
}

/** A desk member's signed `travel-desk trips` in the desk team's channel: the desk's channel becomes known. */
async function deskCommand(world: World): Promise<void> {
  const activity = {
    type: 'message', id: `desk-${Math.random().toString(36).slice(2)}`, channelId: 'msteams', serviceUrl: world.connector.url,
    text: '<at>Travel advisor</at> travel-desk trips', from: deskMember, recipient: { id: '28:graph-bot', name: 'Travel advisor' },
    entities: [{ type: 'mention', text: '<at>Travel advisor</at>', mentioned: { id: '28:graph-bot', name: 'Travel advisor' } }],
    conversation: { id: `${DESK_CHANNEL};messageid=1700000000099`, conversationType: 'channel', tenantId: 'tenant-graph', isGroup: true },
    channelData: { tenant: { id: 'tenant-graph' }, team: { id: DESK_TEAM }, channel: { id: DESK_CHANNEL } },
  };
  const res = await fetch(`${world.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: world.identity.channelAuthorization(world.connector.url) },
    body: JSON.stringify(activity),
  });
  expect(res.status).toBe(200);
  await world.connector.waitFor((c) => c.conversationId.startsWith(`${DESK_CHANNEL};messageid=`) && /^Trips|No trips/.test(c.body?.text ?? ''));
}

async function tripFor(world: World, email: string, start = '2026-11-26'): Promise<TripView> {
  return world.app.context.reminders.createTrip({ traveller: { email }, destinations: ['KZ'], start, end: '2026-11-30', createdBy: 'api:test', source: 'api' });
}

/** Waits until the trip's briefing has settled (sent or failed). */
async function briefingOf(world: World, tripId: string, timeoutMs = 10_000): Promise<{ trip: TripView; status: string; reason?: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const trip = (await world.app.context.reminders.getTrip(tripId))!;
    const b = trip.reminders.find((r) => r.kind === 'briefing')!;
    if (b.status === 'sent' || b.status === 'failed') return { trip, status: b.status, reason: b.reason };
    if (Date.now() > deadline) throw new Error(`briefing still ${b.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const noticesIn = (world: World) => world.connector.calls.filter((c) => c.conversationId === DESK_CHANNEL && c.method === 'POST');

describe('proactive installation through Microsoft Graph', () => {
  it('a reminder reaches a Teams user who never opened the bot: email looked up, app installed, chat found, briefing sent there', async () => {
    const world = await startWorld({ roles: ALL_ROLES });
    const trip = await tripFor(world, 'Kat@Contoso.test');
    const chatId = `19:${kat.id}_${world.identity.appId}@unq.gbl.spaces`;
    const briefing = await world.connector.waitFor((c) => c.conversationId === chatId && /pre-trip security briefing/.test(c.body?.text ?? ''), 10_000);
    expect(briefing.method).toBe('POST');
    expect(world.identity.checkAppToken(briefing.authorization)).toBeNull();
    expect(await briefingOf(world, trip.id)).toMatchObject({ status: 'sent', trip: { traveller: { platform: 'teams', userId: kat.id } } });

    // Graph, as Microsoft documents the flow, each call with the app's Graph token.
    expect(world.graph.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      // The reminder service keeps emails in lower case.
      `GET /v1.0/users/kat@contoso.test 200`,
      `POST /v1.0/users/${kat.id}/teamwork/installedApps 201`,
      `GET /v1.0/users/${kat.id}/teamwork/installedApps 200`,
      `GET /v1.0/users/${kat.id}/teamwork/installedApps/${Buffer.from(`${kat.id}##${CATALOG_ID}`).toString('base64')}/chat 200`,
    ]);
    expect(world.graph.requests[0]!.query).toEqual({ $select: 'id' });
    expect(world.graph.requests[1]!.body).toEqual({ 'teamsApp@odata.bind': `${world.graph.baseUrl}/appCatalogs/teamsApps/${CATALOG_ID}` });
    expect(world.graph.requests[2]!.query).toEqual({ $expand: 'teamsApp', $filter: `teamsApp/id eq '${CATALOG_ID}'` });
    expect(world.graph.refused).toEqual([]);
    for (const r of world.graph.requests) expect(world.identity.checkGraphToken(r.authorization)).toEqual({ roles: ALL_ROLES });
    expect(world.identity.tokenRequests.filter((t) => t.scope === 'https://graph.microsoft.com/.default')).toEqual([
      { clientId: world.identity.appId, scope: 'https://graph.microsoft.com/.default', error: null },
    ]);

    // The next trip reuses the chat: looked up again by email, never installed twice.
    const second = await tripFor(world, 'kat@contoso.test', '2026-11-27');
    expect((await briefingOf(world, second.id)).status).toBe('sent');
    expect(world.graph.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(world.graph.installed()).toEqual([kat.id]);
  });

  it('an app already installed for the traveller (409 Conflict) is fine: the chat is found and the reminder sent', async () => {
    const world = await startWorld({ roles: ALL_ROLES, installedFor: [lee.id] });
    const trip = await tripFor(world, 'lee@contoso.test');
    expect((await briefingOf(world, trip.id)).status).toBe('sent');
    expect(world.graph.requests.find((r) => r.method === 'POST')?.status).toBe(409);
    expect(world.connector.calls.some((c) => c.conversationId === `19:${lee.id}_${world.identity.appId}@unq.gbl.spaces`)).toBe(true);
  });

  it('an address the directory does not know (404) fails the reminder, and the desk is told to check it', async () => {
    const world = await startWorld({ roles: ALL_ROLES });
    await deskCommand(world);
    const b = await briefingOf(world, (await tripFor(world, 'nobody@contoso.test')).id);
    expect(b.status).toBe('failed');
    expect(world.graph.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 404']);
    const [notice, ...more] = noticesIn(world);
    expect(more).toEqual([]);
    expect(notice!.body.text).toBe(
      "⚠️ I cannot reach nobody@contoso.test in Teams, so their reminders will not arrive: No user with this email in your Microsoft 365 directory. Check the address: it must be the traveller's sign-in name (user principal name) in your tenant.",
    );
  });
});

describe('travellers who cannot be reached: the desk is told once per traveller', () => {
  it('without the install permission: the reminders fail naming it, and the desk channel hears once about the traveller', async () => {
    const world = await startWorld({ roles: ['User.Read.All'] });
    await deskCommand(world);
    const first = await tripFor(world, 'kat@contoso.test');
    const second = await tripFor(world, 'kat@contoso.test', '2026-11-27');
    for (const t of [first, second]) {
      const b = await briefingOf(world, t.id);
      expect(b.status).toBe('failed');
      expect(b.reason).toBe('Microsoft Graph refused to install the app for the traveller (403 Forbidden): permission missing');
    }
    expect(world.graph.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([403, 403]);
    const notices = noticesIn(world);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body.text).toContain('kat@contoso.test');
    expect(notices[0]!.body.text).toContain('TeamsAppInstallation.ReadWriteForUser.All');
    expect(world.identity.checkAppToken(notices[0]!.authorization)).toBeNull();
    expect(world.connector.calls.filter((c) => c.conversationId.startsWith(`19:${kat.id}`))).toEqual([]);
  });

  it('without permission to read users: the lookup fails naming User.Read.All', async () => {
    const world = await startWorld({ roles: [] });
    await deskCommand(world);
    const b = await briefingOf(world, (await tripFor(world, 'kat@contoso.test')).id);
    expect(b).toMatchObject({ status: 'failed', reason: 'Microsoft Graph refused to look up the traveller by email (403 Authorization_RequestDenied): permission missing' });
    expect(world.graph.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 403']);
    const [notice] = noticesIn(world);
    expect(notice!.body.text).toMatch(/kat@contoso\.test.*User\.Read\.All/s);
  });

  it('with proactive installation off: the desk hears once which traveller has never opened the bot, and how to fix it', async () => {
    const world = await startWorld({ roles: ALL_ROLES, install: 'off' });
    await deskCommand(world);
    for (const start of ['2026-11-26', '2026-11-27']) expect((await briefingOf(world, (await tripFor(world, 'kat@contoso.test', start)).id)).status).toBe('failed');
    const notices = noticesIn(world);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body.text).toContain('kat@contoso.test');
    expect(notices[0]!.body.text).toMatch(/TEAMS_GRAPH_INSTALL=on/);
    expect(world.graph.requests).toEqual([]);
  });
});
