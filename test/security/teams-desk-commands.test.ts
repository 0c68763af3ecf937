/**
 * Finding 4 (high): Teams travel-desk commands list everyone's trips and create trips,
 * so they run only for an authenticated activity posted in a channel of the desk team
 * (TEAMS_TRAVEL_DESK_TEAM_ID, from channelData) by a member of that team. Through the
 * real server: in local mode (no token) an activity that claims the desk team, from a
 * sender the roster calls a member, gets a clear refusal and sees and creates nothing.
 * With MICROSOFT_APP_ID set and each activity carrying a Bot Connector token signed by the
 * Microsoft identity double (the connector double accepting only the bot's app tokens from
 * it), a member in the desk team's channel is served, while the same member in a personal
 * chat or in another team's channel, and a non-member in the desk channel, are refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startMicrosoftIdentityDouble, type MicrosoftIdentityDouble } from '../doubles/microsoft-identity-double.js';
import { startTeamsConnectorDouble, type TeamsConnectorDouble } from '../doubles/teams-connector-double.js';

const NOW = new Date('2026-12-14T09:00:00Z');
const DESK_TEAM = '19:h13t-desk@thread.tacv2';
const bot = { id: '28:bot-h13t', name: 'Travel advisor' };
const member = { id: '29:h13t-dora', name: 'Dora', aadObjectId: 'aad-h13t-dora' };
const outsider = { id: '29:h13t-eve', name: 'Eve', aadObjectId: 'aad-h13t-eve' };

let app: App | undefined;
let connector: TeamsConnectorDouble | undefined;
/** Set when the server runs with MICROSOFT_APP_ID: it signs each activity as the Bot Connector would. */
let identity: MicrosoftIdentityDouble | undefined;
let dataDir: string | undefined;
let url = '';
let seq = 0;

afterEach(async () => {
  await app?.stop();
  await connector?.close();
  await identity?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  app = connector = identity = dataDir = undefined;
});

/** `signed`: MICROSOFT_APP_ID and real tokens; otherwise TEAMS_LOCAL_MODE. */
async function start(signed: boolean): Promise<void> {
  identity = signed ? await startMicrosoftIdentityDouble() : undefined;
  connector = await startTeamsConnectorDouble({ appTokens: identity?.checkAppToken });
  // The roster says Dora is a member (of any conversation the double is asked about).
  connector.setMember(member.id, { name: 'Dora', aadObjectId: member.aadObjectId });
  dataDir = mkdtempSync(join(tmpdir(), 'h13t-desk-'));
  const base = { PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, PLAYGROUND: 'off', TEAMS_TRAVEL_DESK_TEAM_ID: DESK_TEAM };
  // The connector double is on loopback: listed explicitly with an app id (local mode allows loopback by default).
  const config = loadConfig(identity ? { ...base, ...identity.env, TEAMS_SERVICE_URL_HOSTS: '127.0.0.1' } : { ...base, TEAMS_LOCAL_MODE: 'on' });
  app = createApp({ config, logger: silentLogger, clock: () => NOW, teams: { loginCa: identity?.ca } });
  url = (await app.start()).url;
  await app.context.reminders.createTrip({ traveller: { email: 'ceo@corp.example' }, destinations: ['CU'], start: '2026-12-19', end: '2026-12-23', createdBy: 'desk', source: 'api' });
}

/** `where`: the desk team's channel, another team's channel, or a personal chat. */
function command(from: typeof member, text: string, where: 'desk' | 'other-team' | 'personal'): Record<string, unknown> {
  seq += 1;
  const channel = where !== 'personal';
  const team = where === 'desk' ? DESK_TEAM : '19:h13t-other@thread.tacv2';
  return {
    type: 'message', id: `desk-${seq}`, channelId: 'msteams', serviceUrl: connector!.url, from, recipient: bot,
    text: `${channel ? `<at>${bot.name}</at> ` : ''}travel-desk ${text}`,
    conversation: channel ? { id: `${team};messageid=${seq}`, conversationType: 'channel', tenantId: 't1' } : { id: `a:${from.name}`, conversationType: 'personal', tenantId: 't1' },
    channelData: { tenant: { id: 't1' }, ...(channel ? { team: { id: team } } : {}) },
    entities: channel ? [{ type: 'mention', text: `<at>${bot.name}</at>`, mentioned: bot }] : [],
  };
}

async function say(body: Record<string, unknown>): Promise<string> {
  const before = connector!.calls.length;
  const authorization = identity?.channelAuthorization(connector!.url);
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  const reply = await connector!.waitFor((c, i = connector!.calls.indexOf(c)) => i >= before && c.body?.type === 'message');
  return String(reply.body.text);
}

describe('travel-desk commands in Teams', () => {
  it('are refused in local mode, even for an activity that claims the desk team from a roster member', async () => {
    await start(false);
    const trips = await say(command(member, 'trips', 'desk'));
    const remind = await say(command(member, 'remind mallory@evil.example Cuba 2026-12-19..2026-12-23', 'desk'));
    expect(trips).not.toContain('ceo@corp.example');
    expect(trips).toMatch(/^Travel-desk commands are off on this server: it runs Teams in local mode \(TEAMS_LOCAL_MODE\)/);
    expect(remind).toBe(trips);
    expect((await app!.context.reminders.listTrips()).map((t) => t.traveller)).toEqual([{ email: 'ceo@corp.example' }]);
  });

  it('on an activity signed by the Bot Connector, serve only a desk-team member posting in the desk team\'s channel', async () => {
    await start(true);
    expect(await say(command(member, 'trips', 'desk'))).toContain('ceo@corp.example: CU 2026-12-19..2026-12-23');
    const elsewhere = 'Travel-desk commands work only in a channel of the travel desk team: @mention me there.';
    expect(await say(command(member, 'trips', 'personal'))).toBe(elsewhere);
    expect(await say(command(member, 'remind mallory@evil.example Cuba 2026-12-19..2026-12-23', 'other-team'))).toBe(elsewhere);
    expect(await say(command(outsider, 'report', 'desk'))).toBe(
      'Sorry, travel-desk commands are only for members of the travel desk team. Ask me directly about your own trips instead.',
    );
    expect(await app!.context.reminders.listTrips()).toHaveLength(1);
    expect(connector!.refused).toEqual([]);
  });
});
