/**
 * The travel desk in Teams end to end: the real server from createApp, Bot Framework
 * activities POSTed to /api/messages as the Bot Connector does, with serviceUrl at the
 * local connector double. Proves that a member of TEAMS_TRAVEL_DESK_TEAM_ID can plan a
 * trip for an @mentioned colleague, whose briefing card then reaches their personal
 * chat at the scheduled (injected) time; that `trips` and `report` answer; and that
 * people outside the desk team are refused. Desk commands need an authenticated
 * activity, so the server runs as in production: MICROSOFT_APP_ID set, each activity
 * carrying a Bot Connector token signed by the Microsoft identity double, and every call
 * to the connector double carrying the bot's app token from it (the double refuses any
 * other). test/security/teams-desk-commands.test.ts shows that in local mode they are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/create-app.js';
import type { MicrosoftIdentityDouble } from '../doubles/microsoft-identity-double.js';
import type { TeamsConnectorDouble } from '../doubles/teams-connector-double.js';
import { startTeamsHarness, type TeamsHarness } from '../teams/teams-app-harness.js';
import { advisorFor } from './reminders-harness.js';

const clock = { now: new Date('2026-11-23T09:00:00Z') };
const bot = { id: '28:bot-desk', name: 'Travel advisor' };
const kat = { id: '29:kat', name: 'Kat', aadObjectId: 'aad-kat' };
const dora = { id: '29:dora', name: 'Dora', aadObjectId: 'aad-dora' };
const eve = { id: '29:eve', name: 'Eve', aadObjectId: 'aad-eve' };
let identity: MicrosoftIdentityDouble;
let connector: TeamsConnectorDouble;
let app: App;
let url: string;
let harness: TeamsHarness;
let seq = 0;

function activity(from: typeof kat, overrides: Record<string, unknown>): Record<string, unknown> {
  seq += 1;
  return {
    type: 'message', id: `in-desk-${seq}`, channelId: 'msteams', serviceUrl: connector.url, timestamp: clock.now.toISOString(),
    from, recipient: bot, locale: 'en-US',
    conversation: { id: `a:personal-${from.name}`, conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    ...overrides,
  };
}

/** A channel message in the desk team mentioning the bot (and maybe a colleague). */
function deskMessage(from: typeof kat, command: string, mentions: Array<typeof kat> = []) {
  const tags = mentions.map((m) => `<at>${m.name}</at>`);
  const text = `<at>${bot.name}</at> travel-desk ${command.replace('@', tags[0] ?? '@')}`;
  return activity(from, {
    text,
    conversation: { id: '19:desk@thread.tacv2;messageid=1', conversationType: 'channel', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' }, team: { id: '19:deskteam@thread.tacv2' } },
    entities: [
      { type: 'mention', text: `<at>${bot.name}</at>`, mentioned: bot },
      ...mentions.map((m) => ({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } })),
    ],
  });
}

async function say(body: Record<string, unknown>): Promise<string> {
  const before = connector.calls.length;
  const authorization = identity.channelAuthorization(connector.url);
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  const reply = await connector.waitFor((c, i = connector.calls.indexOf(c)) => i >= before && c.body?.type === 'message');
  return String(reply.body.text);
}

beforeAll(async () => {
  harness = await startTeamsHarness({
    prefix: 'teams-desk-',
    env: { TEAMS_TRAVEL_DESK_TEAM_ID: '19:deskteam@thread.tacv2' },
    members: { [dora.id]: { name: 'Dora', aadObjectId: dora.aadObjectId } },
    options: (config) => ({ clock: () => clock.now, advisor: advisorFor(config) }),
  });
  ({ app, url, connector, identity } = harness);
  // Kat has talked to the bot once, so her personal chat is known.
  await say(activity(kat, { text: 'hello' }));
});

afterAll(async () => {
  await harness?.close();
});

describe('travel-desk commands in Teams', () => {
  it('a desk member plans a trip for an @mentioned colleague, whose briefing card arrives at the scheduled time', async () => {
    const reply = await say(deskMessage(dora, 'remind @ Kazakhstan 2026-12-03..2026-12-10', [kat]));
    expect(reply).toBe('Trip saved for Kat: KZ 2026-12-03..2026-12-10. Reminders: briefing 2026-11-26 09:00 UTC, day-before 2026-12-02 09:00 UTC, post-trip 2026-12-11 09:00 UTC.');
    const toKat = () => connector.calls.filter((c) => c.conversationId === 'a:personal-Kat' && c.status < 300 && c.body?.attachments);
    const before = toKat().length;
    await app.context.reminders.runDue!(new Date('2026-11-26T08:59:00Z'));
    expect(toKat()).toHaveLength(before);
    clock.now = new Date('2026-11-26T09:00:00Z');
    expect(await app.context.reminders.runDue!(clock.now)).toMatchObject({ sent: 1, failed: 0 });
    const card = toKat().at(-1)!;
    expect(toKat()).toHaveLength(before + 1);
    expect(JSON.stringify(card.body)).toContain('Kazakhstan');
    expect(JSON.stringify(card.body)).toContain("I've done the checklist");
  });

  it('answers trips and report, and refuses people outside the desk team', async () => {
    expect(await say(deskMessage(dora, 'trips'))).toContain('teams user 29:kat: KZ 2026-12-03..2026-12-10: briefing sent');
    expect(await say(deskMessage(dora, 'report'))).toContain('Travel desk report: 1 trips, briefing sent 1, acknowledged 0, failed 0.');
    expect(await say(deskMessage(eve, 'report'))).toBe('Sorry, travel-desk commands are only for members of the travel desk team. Ask me directly about your own trips instead.');
    expect(connector.refused).toEqual([]);
  });
});
