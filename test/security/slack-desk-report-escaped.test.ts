/**
 * Finding 17 (c): what `/travel-desk trips` and `/travel-desk report` post to Slack is
 * mrkdwn-escaped. Stored strings (a traveller's email from the API or a CSV import, a
 * failure reason that came back from a platform API) show as written, `&amp;` and
 * `&lt;…&gt;`, and never act as Slack markup (a `<!channel>`, a fake link). An email
 * typed in the command, which Slack sends escaped, is stored as typed. Over real HTTP:
 * signed slash commands to the real server, replies read at the Slack API double's
 * response_url, reminder delivery failing at the double's chat.postMessage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, postCommand } from '../slack/slack-requests.js';
import { SECRET, startSlackHarness, type SlackHarness } from './slack-app-harness.js';

const clock = { now: new Date('2026-11-23T10:00:00Z') };
let h: SlackHarness;
let seq = 0;

async function desk(text: string): Promise<string> {
  seq += 1;
  const id = `h13s-desk-${seq}`;
  const body = { ...fixture<Record<string, string>>('slash-command'), command: '/travel-desk', user_id: 'U0DESK', text, response_url: h.double.responseUrl(id) };
  expect((await postCommand(h.eventsUrl, SECRET, body)).status).toBe(200);
  return String((await h.double.waitFor('response_url', (c) => c.responseId === id)).args.text);
}

beforeAll(async () => {
  h = await startSlackHarness({ SLACK_TRAVEL_DESK_USERGROUP: 'S0DESK' }, { clock: () => clock.now }, { usergroups: { S0DESK: ['U0DESK'] } });
  // A traveller nobody can find by this email (from the API or a CSV import): the briefing fails.
  await h.app.context.reminders.createTrip({ traveller: { email: 'a&b0@example.com' }, destinations: ['KZ'], start: '2026-11-25', end: '2026-11-28', createdBy: 'api', source: 'api' });
  // A Slack traveller whose DM keeps failing with an error code that carries markup.
  await h.app.context.reminders.createTrip({ traveller: { platform: 'slack', userId: 'U0KAT' }, destinations: ['KG'], start: '2026-11-26', end: '2026-11-29', createdBy: 'api', source: 'api' });
  for (let i = 0; i < 5; i++) h.double.failNext('chat.postMessage', { error: '<cannot_dm_bot>' });
  // Five attempts, 30 s, 2, 8 and 32 minutes apart, then the reminder is marked failed.
  for (const minutes of [0, 1, 5, 15, 60]) await h.app.context.reminders.runDue!(new Date(clock.now.getTime() + minutes * 60_000));
});

afterAll(async () => {
  await h?.close();
});

describe('/travel-desk replies in Slack', () => {
  it('escape the email and the failure reason in the report', async () => {
    const report = await desk('report');
    expect(report).toContain('failed 2.');
    expect(report).toContain('a&amp;b0@example.com: KZ 2026-11-25..2026-11-28: briefing failed');
    expect(report).toContain('&lt;cannot_dm_bot&gt;');
    expect(report).toContain('<@U0KAT>: KG 2026-11-26..2026-11-29');
    expect(report).not.toContain('a&b0');
    expect(report).not.toContain('<cannot_dm_bot>');
  });

  it('escape the email and the failure reason in the trip list', async () => {
    const trips = await desk('trips');
    expect(trips).toContain('a&amp;b0@example.com: KZ');
    expect(trips).toContain('&lt;cannot_dm_bot&gt;');
    expect(trips).not.toContain('a&b0');
    expect(trips).not.toContain('<cannot_dm_bot>');
  });

  it('store an email typed in the command as typed, and escape it in the confirmation', async () => {
    // With should_escape, Slack sends "a&b1@example.com" as a mailto link with & escaped.
    const reply = await desk('remind <mailto:a&amp;b1@example.com|a&amp;b1@example.com> Kazakhstan 2026-12-03..2026-12-10');
    expect(reply).toMatch(/^Trip saved for a&amp;b1@example\.com: KZ 2026-12-03\.\.2026-12-10\./);
    const stored = await h.app.context.reminders.listTrips();
    expect(stored.map((t) => ('email' in t.traveller ? t.traveller.email : null)).filter(Boolean)).toContain('a&b1@example.com');
  });

  it('escape a token that is neither a user nor an email when echoing it', async () => {
    const reply = await desk('remind <!channel> Kazakhstan 2026-12-03..2026-12-10');
    expect(reply).toBe('"&lt;!channel&gt;" is not a Slack user (@mention them) or an email address.');
  });
});
