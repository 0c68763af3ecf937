/**
 * Security-team insights end to end, on the real server from createApp with Slack (the
 * Slack API double), Teams (signed Bot Framework tokens both ways, the connector double)
 * and the travel-desk API on: questions asked through Slack mentions and a Teams chat,
 * trips briefed and acknowledged, and feedback votes seed the store; then
 * `/travel-desk insights`, Teams' `travel-desk insights` and `GET /api/insights` return
 * the same figures; the weekly post reaches INSIGHTS_SLACK_CHANNEL once (at start-up, as
 * the week is due) and the Teams channel a desk member chose, and the next week's post
 * carries the seeded figures; and the raw rows the insights keep in the SQLite file hold
 * no message text and no user id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/create-app.js';
import { feedbackStoreFrom } from '../../src/feedback/create-feedback-store.js';
import type { MicrosoftIdentityDouble } from '../doubles/microsoft-identity-double.js';
import { startSlackApiDouble, type SlackApiDouble } from '../doubles/slack-api-double.js';
import type { TeamsConnectorDouble } from '../doubles/teams-connector-double.js';
import { advisorFor } from '../reminders/reminders-harness.js';
import { fixture, postCommand, postEvent } from '../slack/slack-requests.js';
import { startTeamsHarness, type TeamsHarness } from '../teams/teams-app-harness.js';
import { rawRows } from './raw-rows.js';

const SECRET = 'insights-e2e-signing-secret-0123456789';
const TOKEN = 'insights-e2e-api-token-7f3a9c1e5b';
const clock = { now: new Date('2026-11-23T10:00:00Z') };
const bot = { id: '28:bot-insights', name: 'Travel advisor' };
const kat = { id: '29:kat', name: 'Kat Secretname', aadObjectId: 'aad-kat' };
const dora = { id: '29:dora', name: 'Dora', aadObjectId: 'aad-dora' };
let double: SlackApiDouble;
let identity: MicrosoftIdentityDouble;
let connector: TeamsConnectorDouble;
let app: App;
let url: string;
let harness: TeamsHarness;
let seq = 0;

const SLACK_QUESTIONS = [
  'travelling to Kazakhstan next week, I am Ana Petrova ana.petrova@example.com marker-s1',
  'is WhatsApp safe in Yerevan? marker-s2',
  'do I need a visa for Kazakhstan? marker-s3',
];
const TEAMS_QUESTION = 'travelling to Bouvet Island next week marker-t1';
const NEVER_STORED = ['marker-', 'Ana Petrova', 'ana.petrova', 'WhatsApp', 'U0SECRET', 'U0KAT', 'U0DAN', '29:kat', 'aad-kat', 'Secretname', '29:dora', 'aad-dora', 'U0DESK'];

async function mention(text: string): Promise<void> {
  seq += 1;
  const body = fixture<{ event: Record<string, unknown>; event_id: string }>('app-mention');
  const ts = `1763892${String(seq).padStart(3, '0')}.000100`;
  body.event_id = `Ev0INSIGHTS${String(seq).padStart(4, '0')}`;
  Object.assign(body.event, { text: `<@UBOT0001> ${text}`, ts, event_ts: ts, user: 'U0SECRET1' });
  expect((await postEvent(`${url}/slack/events`, SECRET, body)).status).toBe(200);
  await double.waitFor('chat.postMessage', (c) => c.args.thread_ts === ts);
}

async function slackDesk(text: string): Promise<string> {
  seq += 1;
  const id = `insights-${seq}`;
  const body = { ...fixture<Record<string, string>>('slash-command'), command: '/travel-desk', user_id: 'U0DESK', text, response_url: double.responseUrl(id) };
  expect((await postCommand(`${url}/slack/events`, SECRET, body)).status).toBe(200);
  return String((await double.waitFor('response_url', (c) => c.responseId === id)).args.text);
}

async function teams(from: typeof kat, text: string, channel: boolean): Promise<string> {
  seq += 1;
  const body = {
    type: 'message', id: `in-insights-${seq}`, channelId: 'msteams', serviceUrl: connector.url, timestamp: clock.now.toISOString(), from, recipient: bot, locale: 'en-US',
    text: channel ? `<at>${bot.name}</at> ${text}` : text,
    conversation: channel ? { id: '19:desk@thread.tacv2;messageid=17', conversationType: 'channel', tenantId: 'tenant-1' } : { id: 'a:personal-kat', conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' }, ...(channel ? { team: { id: '19:deskteam@thread.tacv2' } } : {}) },
    entities: channel ? [{ type: 'mention', text: `<at>${bot.name}</at>`, mentioned: bot }] : [],
  };
  const before = connector.calls.length;
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: identity.channelAuthorization(connector.url) }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  const reply = await connector.waitFor((c, i = connector.calls.indexOf(c)) => i >= before && c.body?.type === 'message');
  return String(reply.body.text ?? JSON.stringify(reply.body.attachments));
}

beforeAll(async () => {
  double = await startSlackApiDouble({ usergroups: { S0DESK: ['U0DESK'] } });
  harness = await startTeamsHarness({
    prefix: 'insights-e2e-',
    env: {
      TRAVEL_DESK_API_TOKEN: TOKEN,
      SLACK_BOT_TOKEN: 'xoxb-insights-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: double.apiUrl, SLACK_TRAVEL_DESK_USERGROUP: 'S0DESK',
      INSIGHTS_SLACK_CHANNEL: 'C0INSIGHTS', TEAMS_TRAVEL_DESK_TEAM_ID: '19:deskteam@thread.tacv2',
    },
    members: { [dora.id]: { name: 'Dora', aadObjectId: dora.aadObjectId } },
    options: (config) => ({ clock: () => clock.now, advisor: advisorFor(config) }),
  });
  ({ app, url, connector, identity } = harness);

  for (const q of SLACK_QUESTIONS) await mention(q);
  await teams(kat, TEAMS_QUESTION, false);
  const reminders = app.context.reminders;
  const trip = (userId: string, destinations: string[]) =>
    reminders.createTrip({ traveller: { platform: 'slack', userId }, destinations, start: '2026-11-27', end: '2026-11-30', createdBy: 'test', source: 'api' });
  const kz = await trip('U0KAT', ['KZ']);
  await trip('U0DAN', ['KZ', 'UZ']);
  // Both briefings are due at once (the trips leave within 7 days); the scheduler may already be sending them.
  const briefed = async () => (await reminders.listTrips()).filter((t) => t.reminders.some((r) => r.kind === 'briefing' && r.status === 'sent')).length;
  for (let i = 0; i < 100 && (await briefed()) < 2; i++) await reminders.runDue!(clock.now).then(() => new Promise((r) => setTimeout(r, 20)));
  expect(await briefed()).toBe(2);
  await reminders.acknowledge({ tripId: kz.id, traveller: { platform: 'slack', userId: 'U0KAT' } });
  const votes = feedbackStoreFrom((ns) => app.context.store(ns), 90, () => clock.now);
  await votes.record({ platform: 'slack', voter: 'U0SECRET1', answer: 'a-0123456789abcdef', rating: 'positive', destinations: ['KZ'], summaryMethod: 'llm' });
  await votes.record({ platform: 'teams', voter: 'aad-kat', answer: 'a-0123456789abcdef', rating: 'negative', destinations: ['KZ'], summaryMethod: 'llm' });
});

afterAll(async () => {
  await harness?.close();
  await double?.close();
});

const FIGURES = [
  '*Questions:* 4. Destinations asked about: assessed 3, screened 0, not assessed 1.',
  '*Most asked:* Kazakhstan (KZ, assessed) 2; Armenia (AM, assessed) 1; Bouvet Island (BV, not assessed) 1.',
  '*Most asked without a full assessment:* Bouvet Island (BV, not assessed) 1.',
  '*Could not answer (by subject):* messaging apps in Armenia (nothing in the content) 1; visas (not covered by the advisor) 1.',
  '*Briefings acknowledged:* Kazakhstan 1 of 2 (50%); Uzbekistan 0 of 1 (0%).',
  '*Feedback on AI-written answers:* 2 (👍 1, 👎 1); KZ 👍 1 👎 1.',
];

describe('security-team insights', () => {
  it('answers /travel-desk insights in Slack with the figures of the seeded store', async () => {
    const text = await slackDesk('insights');
    expect(text).toContain('Security-team insights, 2026-11-17 to 2026-11-23 (7 days, UTC):');
    for (const line of FIGURES) expect(text).toContain(line);
    expect(text).toMatch(/\*Content to review:\* \d+ of \d+ files/);
  });

  it('answers travel-desk insights in a Teams channel of the desk team with the same figures', async () => {
    const text = await teams(dora, 'travel-desk insights', true);
    for (const line of FIGURES) expect(text).toContain(line);
  });

  it('answers GET /api/insights with the figures as JSON, for the travel-desk token only', async () => {
    expect((await fetch(`${url}/api/insights`)).status).toBe(401);
    expect((await fetch(`${url}/api/insights?days=0`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(400);
    const res = await fetch(`${url}/api/insights?days=7`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.period).toEqual({ from: '2026-11-17', to: '2026-11-23', days: 7 });
    expect(body.questions).toMatchObject({ total: 4, byIntent: { trip: 2 }, byTier: { assessed: 3, screened: 0, 'not-assessed': 1 } });
    expect(Object.values(body.questions.byIntent as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(4);
    expect(body.notAssessed).toEqual([{ countryCode: 'BV', countryName: 'Bouvet Island', tier: 'not-assessed', asked: 1 }]);
    expect(body.unanswered.map((g: any) => [g.kind, g.subject, g.countryCode, g.count])).toEqual([['nothing-on', 'messaging', 'AM', 1], ['out-of-scope', 'visas', null, 1]]);
    expect(body.acknowledgements[0]).toEqual({ countryCode: 'KZ', countryName: 'Kazakhstan', briefed: 2, acknowledged: 1, rate: 0.5 });
    expect(body.feedback).toMatchObject({ total: 2, positive: 1, negative: 1 });
    expect(body.review.drafts + body.review.overdue).toBeGreaterThan(0);
    for (const secret of NEVER_STORED) expect(JSON.stringify(body)).not.toContain(secret);
  });

  it('posts the weekly insights once per week to the Slack channel and to the Teams channel a desk member chose', async () => {
    const toChannel = () => double.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0INSIGHTS');
    // The week was due when the server started: posted then, once.
    await double.waitFor('chat.postMessage', (c) => c.args.channel === 'C0INSIGHTS');
    expect(String(toChannel()[0]!.args.text)).toContain('*Weekly security-team insights, 2026-11-16 to 2026-11-22 (UTC), week 2026-W48:*\n*Questions:* 0.');
    expect(await app.context.insights!.postWeekly()).toEqual({ week: '2026-W48', outcomes: { slack: 'done-before', teams: 'no-target' } });

    expect(await teams(dora, 'travel-desk insights here', true)).toBe('The weekly security-team insights will be posted in this channel, on Mondays from 09:00.');
    const before = connector.calls.length;
    expect(await app.context.insights!.postWeekly()).toEqual({ week: '2026-W48', outcomes: { slack: 'done-before', teams: 'posted' } });
    const post = connector.calls.slice(before).find((c) => c.body?.type === 'message')!;
    // A new post in the channel (its conversation without ";messageid="), not a reply in the thread the command came from.
    expect(post.conversationId).toBe('19:desk@thread.tacv2');
    expect(post.activityId ?? '').not.toMatch(/^in-insights-/);
    expect(post.status).toBeLessThan(300);
    expect(post.body.text).toContain('week 2026-W48');

    clock.now = new Date('2026-11-30T09:00:00Z');
    expect(await app.context.insights!.postWeekly()).toEqual({ week: '2026-W49', outcomes: { slack: 'posted', teams: 'posted' } });
    expect(toChannel()).toHaveLength(2);
    const week49 = String(toChannel()[1]!.args.text);
    for (const line of FIGURES) expect(week49).toContain(line);
    clock.now = new Date('2026-11-23T10:00:00Z');
  });

  it('keeps no message text and no user id in the rows behind the insights', async () => {
    await app.context.insights!.report();
    const rows = await rawRows({ DATA_DIR: harness.dataDir }, 'insights-');
    const namespaces = new Set(rows.map(([key]) => key.split(':')[0]));
    expect(namespaces).toEqual(new Set(['insights-days', 'insights-weekly', 'insights-targets']));
    const raw = JSON.stringify(rows);
    for (const secret of NEVER_STORED) expect(raw).not.toContain(secret);
    expect(raw).not.toContain('Bouvet Island');
  });
});
