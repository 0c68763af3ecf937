/**
 * Risk-change alerts end to end through Teams, as Microsoft runs it: the real server
 * from createApp with MICROSOFT_APP_ID set, activities carrying Bot Connector tokens
 * signed by the Microsoft identity double, the bot's calls to the connector double
 * carrying app tokens from it. A traveller who has talked to the bot has a trip next week
 * to Kazakhstan; the content raises Kazakhstan's level; a reload sends one card to their
 * personal chat naming the change and why; a second reload sends nothing; and a desk
 * member of TEAMS_TRAVEL_DESK_TEAM_ID sees who was told with `travel-desk alerts`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/create-app.js';
import type { MicrosoftIdentityDouble } from '../doubles/microsoft-identity-double.js';
import type { TeamsConnectorDouble } from '../doubles/teams-connector-double.js';
import { startTeamsHarness, type TeamsHarness } from '../teams/teams-app-harness.js';
import { copyContent, raiseKazakhstan, type ContentCopy } from './alerts-harness.js';

const clock = { now: new Date('2026-11-23T10:00:00Z') };
const bot = { id: '28:bot-alerts', name: 'Travel advisor' };
const kat = { id: '29:kat', name: 'Kat', aadObjectId: 'aad-kat' };
const dora = { id: '29:dora', name: 'Dora', aadObjectId: 'aad-dora' };
let identity: MicrosoftIdentityDouble;
let connector: TeamsConnectorDouble;
let app: App;
let url: string;
let harness: TeamsHarness;
let copy: ContentCopy;
let seq = 0;

function activity(from: typeof kat, overrides: Record<string, unknown>): Record<string, unknown> {
  seq += 1;
  return {
    type: 'message', id: `in-alerts-${seq}`, channelId: 'msteams', serviceUrl: connector.url, timestamp: clock.now.toISOString(),
    from, recipient: bot, locale: 'en-US',
    conversation: { id: `a:personal-${from.name}`, conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    ...overrides,
  };
}

async function say(body: Record<string, unknown>): Promise<string> {
  const before = connector.calls.length;
  const authorization = identity.channelAuthorization(connector.url);
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  const reply = await connector.waitFor((c, i = connector.calls.indexOf(c)) => i >= before && c.body?.type === 'message');
  return String(reply.body.text);
}

const alertCards = () =>
  connector.calls.filter((c) => c.conversationId === 'a:personal-Kat' && c.status < 300 && String(c.body?.text ?? '').startsWith('Risk update for your trip'));

beforeAll(async () => {
  copy = copyContent();
  harness = await startTeamsHarness({
    prefix: 'teams-alerts-',
    env: { CONTENT_DIR: copy.dir, TEAMS_TRAVEL_DESK_TEAM_ID: '19:deskteam@thread.tacv2' },
    members: { [dora.id]: { name: 'Dora', aadObjectId: dora.aadObjectId } },
    options: () => ({ clock: () => clock.now }),
  });
  ({ app, url, connector, identity } = harness);
  await app.context.alerts!.idle();
  // Kat has talked to the bot once, so her personal chat is known.
  await say(activity(kat, { text: 'hello' }));
});

afterAll(async () => {
  await harness?.close();
  copy?.dispose();
});

describe('risk-change alerts through Teams', () => {
  it("sends one card to the traveller's personal chat when the reloaded content raises Kazakhstan, and nothing on a second reload", async () => {
    await app.context.reminders.createTrip({ traveller: { platform: 'teams', userId: 'aad-kat' }, destinations: ['KZ'], start: '2026-11-30', end: '2026-12-04', createdBy: 'test', source: 'desk' });
    raiseKazakhstan(copy);
    const result = await app.reloadContent();
    expect(result.alerts).toMatchObject({ trips: 1, changes: [{ countryCode: 'KZ', changes: ['KZ level 3→4', 'KZ new key actions: physical-book-with-security-team'] }] });
    await app.context.alerts!.idle();

    const [card, ...more] = alertCards();
    expect(more).toEqual([]);
    expect(card!.body.text).toBe('Risk update for your trip to Kazakhstan (2026-11-30 to 2026-12-04)');
    const content = JSON.stringify(card!.body.attachments);
    expect(content).toContain('The surveillance risk level went up from at least high (level 3 of 4) to severe (level 4 of 4).');
    expect(content).toMatch(/Why:\\n- Assessed: score 10 of 12.* Sources: \[[^\]]+\]\(https:/);
    expect(content).toContain('Why this level');
    expect(connector.refused).toEqual([]);

    expect((await app.reloadContent()).alerts).toMatchObject({ changes: [], trips: 0 });
    await app.context.alerts!.idle();
    expect(alertCards()).toHaveLength(1);
  });

  it('shows a desk member who was told', async () => {
    const desk = activity(dora, {
      text: `<at>${bot.name}</at> travel-desk alerts`,
      conversation: { id: '19:desk@thread.tacv2;messageid=1', conversationType: 'channel', tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' }, team: { id: '19:deskteam@thread.tacv2' } },
      entities: [{ type: 'mention', text: `<at>${bot.name}</at>`, mentioned: bot }],
    });
    expect(await say(desk)).toMatch(/^Risk-change alerts \(1: told 1, failed 0, in progress 0\):\n• teams user aad-kat: KZ level 3→4; KZ new key actions: physical-book-with-security-team: told /);
  });
});
