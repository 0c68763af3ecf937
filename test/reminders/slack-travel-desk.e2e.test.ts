/**
 * The travel desk in Slack end to end, with no Slack: the real server from createApp,
 * signed requests as Slack sends them, the real Web API client talking to the local
 * Slack API double. Proves that a desk member's `/travel-desk remind @user …` plans
 * the trip and that the traveller receives the briefing DM (chat.postMessage to the
 * user, with the checklist and buttons) at the scheduled, injected time and not
 * before; that `trips` and `report` show it, with an unreachable traveller reported as
 * failed; that non-members are refused; and that the traveller's own "remind me
 * before my Almaty trip on Dec 8" plans a trip.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startSlackApiDouble, type SlackApiDouble } from '../doubles/slack-api-double.js';
import { fixture, postCommand, postEvent, postInteraction } from '../slack/slack-requests.js';
import { advisorFor } from './reminders-harness.js';

const SECRET = 'desk-e2e-signing-secret-0123456789';
const clock = { now: new Date('2026-11-23T10:00:00Z') };
let double: SlackApiDouble;
let app: App;
let eventsUrl: string;
let dataDir: string;
let seq = 0;

async function desk(userId: string, text: string): Promise<string> {
  seq += 1;
  const id = `desk-${seq}`;
  const body = { ...fixture<Record<string, string>>('slash-command'), command: '/travel-desk', user_id: userId, text, response_url: double.responseUrl(id) };
  const res = await postCommand(eventsUrl, SECRET, body);
  expect(res.status).toBe(200);
  const reply = await double.waitFor('response_url', (c) => c.responseId === id);
  expect(reply.args.response_type).toBe('ephemeral');
  return String(reply.args.text);
}

beforeAll(async () => {
  double = await startSlackApiDouble({ usergroups: { S0DESK: ['U0DESK'] }, users: { 'ana@example.com': 'U0ANA' } });
  dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-'));
  const config = loadConfig({
    PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', PLAYGROUND: 'off',
    SLACK_BOT_TOKEN: 'xoxb-desk-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: double.apiUrl,
    SLACK_TRAVEL_DESK_USERGROUP: 'S0DESK',
  });
  app = createApp({ config, advisor: advisorFor(config), clock: () => clock.now, logger: silentLogger });
  eventsUrl = `${(await app.start()).url}/slack/events`;
});

afterAll(async () => {
  await app?.stop();
  await double?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('/travel-desk in Slack', () => {
  it("a desk member's remind results in the traveller's briefing DM at the scheduled time", async () => {
    const text = await desk('U0DESK', 'remind <@U0KAT|kat> Kazakhstan 2026-12-03..2026-12-10');
    // Times are Slack date tokens (each reader sees their own zone); the fallback is in the desk member's zone (DEFAULT_TIMEZONE here).
    expect(text).toBe(
      'Trip saved for <@U0KAT>: KZ 2026-12-03..2026-12-10. Reminders: briefing <!date^1795683600^{date_short_pretty} at {time}|2026-11-26 09:00 UTC>, ' +
        'day-before <!date^1796202000^{date_short_pretty} at {time}|2026-12-02 09:00 UTC>, post-trip <!date^1796979600^{date_short_pretty} at {time}|2026-12-11 09:00 UTC>.',
    );
    expect(double.callsTo('usergroups.users.list')[0]!.args).toMatchObject({ usergroup: 'S0DESK' });

    const dmTo = (user: string) => double.callsTo('chat.postMessage').filter((c) => c.args.channel === user);
    await app.context.reminders.runDue!(new Date('2026-11-26T08:59:00Z'));
    expect(dmTo('U0KAT')).toEqual([]);
    clock.now = new Date('2026-11-26T09:00:00Z');
    expect(await app.context.reminders.runDue!(clock.now)).toMatchObject({ sent: 1 });
    const [briefing] = dmTo('U0KAT');
    expect(briefing).toBeDefined();
    expect(String(briefing!.args.text)).toMatch(/Kazakhstan/);
    const blocks = JSON.stringify(briefing!.args.blocks);
    expect(blocks).toContain('Kazakhstan');
    expect(blocks).toContain("I've done the checklist");
    expect(blocks).toContain('Snooze');
    expect(briefing!.args.metadata).toMatchObject({ event_payload: { key: expect.stringMatching(/-0$/) } });
    await app.context.reminders.runDue!(new Date('2026-11-26T09:30:00Z'));
    expect(dmTo('U0KAT')).toHaveLength(1);
  });

  it('lists trips and reports briefings sent and failures; repeating a remind plans nothing new', async () => {
    expect(await desk('U0DESK', 'remind <@U0KAT|kat> Kazakhstan 2026-12-03..2026-12-10')).toMatch(/^Already planned for <@U0KAT>/);
    expect(await desk('U0DESK', 'remind ghost@example.com Kyrgyzstan, Uzbekistan 2026-12-20..2026-12-24')).toMatch(/^Trip saved for ghost@example.com: KG, UZ/);
    const trips = await desk('U0DESK', 'trips');
    expect(trips).toContain('Trips (2):');
    expect(trips).toContain('• <@U0KAT>: KZ 2026-12-03..2026-12-10: briefing sent');
    clock.now = new Date('2026-12-13T09:00:00Z');
    await app.context.reminders.runDue!(clock.now);
    const report = await desk('U0DESK', 'report');
    expect(report).toContain('Travel desk report: 2 trips, briefing sent 1, acknowledged 0, failed 1.');
    expect(report).toContain('ghost@example.com: KG, UZ 2026-12-20..2026-12-24: briefing failed: no slack user has this email');
  });

  it('refuses people outside the desk, and explains bad input to desk members', async () => {
    expect(await desk('U0STRANGER', 'report')).toBe('Sorry, /travel-desk is only for members of the travel desk. Ask the bot directly about your own trips instead.');
    expect(await desk('U0DESK', 'remind <@U0KAT> Atlantis 2026-12-03')).toBe('I don\'t know the country "Atlantis". Use a country name or ISO code.');
    expect(await desk('U0DESK', 'remind <@U0KAT> Kazakhstan next week')).toMatch(/^Usage:/);
    // Slack's flag codes name countries here too: the Slack door turns them into the flags the core reads.
    expect(await desk('U0DESK', 'remind flags@example.com :flag-kg: 2026-12-20..2026-12-24')).toMatch(/^Trip saved for flags@example.com: KG 2026-12-20/);
  });

  it('plans a trip from the traveller\'s "remind me before my Almaty trip on Dec 8"', async () => {
    clock.now = new Date('2026-11-23T10:00:00Z');
    const body = fixture<{ event: Record<string, unknown>; event_id: string }>('message-im');
    Object.assign(body.event, { text: 'remind me before my Almaty trip on Dec 8', user: 'U0ANA', ts: '1763899000.000100', event_ts: '1763899000.000100' });
    body.event_id = 'Ev0REMIND0001';
    await postEvent(eventsUrl, SECRET, body);
    const confirm = await double.waitFor('chat.postMessage', (c) => String(c.args.text).includes('saved'));
    expect(confirm.args).toMatchObject({ thread_ts: '1763899000.000100' });
    expect(confirm.args.text).toBe(
      // The one copy for a planned trip, whether typed or pressed (src/render/copy.ts).
      ':white_check_mark: Trip to Kazakhstan from 2026-12-08 saved. I will remind you: pre-trip briefing <!date^1796115600^{date_short_pretty} at {time}|2026-12-01 09:00 UTC>, ' +
        'day-before check <!date^1796634000^{date_short_pretty} at {time}|2026-12-07 09:00 UTC>.',
    );
    const mine = await app.context.reminders.listTrips({ traveller: { platform: 'slack', userId: 'U0ANA' } });
    expect(mine.map((t) => [t.destinations, t.start, t.source])).toEqual([[['KZ'], '2026-12-08', 'message']]);
    // The answer to the same message offers "Remind me before I go": pressing it plans no second trip.
    const answer = await double.waitFor('chat.postMessage', (c) => c.args.thread_ts === '1763899000.000100' && Array.isArray(c.args.blocks));
    const button = (answer.args.blocks as Array<{ type: string; elements?: Array<{ action_id?: string; value?: string; text?: { text: string } }> }>)
      .filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []).find((e) => e.text?.text === 'Remind me before I go')!;
    const click = fixture<Record<string, unknown>>('block-actions');
    Object.assign(click, {
      user: { id: 'U0ANA', username: 'ana', name: 'ana', team_id: 'T0001' },
      actions: [{ action_id: button.action_id, block_id: 'b', text: { type: 'plain_text', text: 'Remind me before I go' }, value: button.value, type: 'button', action_ts: '1763899001.000000' }],
      response_url: double.responseUrl('ana-remind'),
    });
    await postInteraction(eventsUrl, SECRET, click);
    await double.waitFor('chat.postEphemeral', (c) => c.args.user === 'U0ANA' && String(c.args.text).includes('saved'));
    expect(await app.context.reminders.listTrips({ traveller: { platform: 'slack', userId: 'U0ANA' } })).toHaveLength(1);
  });
});
