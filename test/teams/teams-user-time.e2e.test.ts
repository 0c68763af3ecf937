/**
 * A Teams user in America/Los_Angeles lives on Los Angeles time, end to end through the
 * real server with signed Bot Framework tokens (identity double) and the connector
 * double: the zone comes from the activity (`localTimezone`, and Teams' `clientInfo`
 * entity), so at 21:00 on a Sunday in Los Angeles (already Monday in UTC) "next week" is
 * the coming Monday, while an activity without a zone gets DEFAULT_TIMEZONE (UTC); the
 * "Remind me before I go" confirmation, the updated card's "Reminders set" and the
 * snooze of the delivered briefing all say Los Angeles time. The activity's locale
 * decides how "4/12" reads: 12 April for en-US in Los Angeles, 4 December for en-GB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/create-app.js';
import type { MicrosoftIdentityDouble } from '../doubles/microsoft-identity-double.js';
import type { ConnectorCall, TeamsConnectorDouble } from '../doubles/teams-connector-double.js';
import { startTeamsHarness, type TeamsHarness } from './teams-app-harness.js';

/** Monday 05:00 UTC is Sunday 21:00 in Los Angeles (UTC-8 in November). */
const clock = { now: new Date('2026-11-30T05:00:00Z') };
const LA = { localTimezone: 'America/Los_Angeles', entities: [{ type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'America/Los_Angeles' }] };
const user = { id: '29:la-user', name: 'Lee', aadObjectId: 'aad-la-1' };

let app: App;
let url: string;
let connector: TeamsConnectorDouble;
let identity: MicrosoftIdentityDouble;
let harness: TeamsHarness;

beforeAll(async () => {
  harness = await startTeamsHarness({
    prefix: 'teams-time-',
    // The identity double signs in as a multi-tenant bot does (tenant botframework.com).
    env: { DEFAULT_TIMEZONE: 'UTC', MICROSOFT_APP_TYPE: 'MultiTenant' },
    options: () => ({ clock: () => clock.now }),
  });
  ({ app, url, connector, identity } = harness);
});

afterAll(async () => {
  await harness?.close();
});

function activity(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message', id: `in-${Math.random().toString(36).slice(2)}`, channelId: 'msteams', serviceUrl: connector.url, timestamp: clock.now.toISOString(),
    from: user, recipient: { id: '28:bot-la', name: 'Travel advisor' },
    conversation: { id: 'a:personal-la', conversationType: 'personal', tenantId: 'tenant-la' }, channelData: { tenant: { id: 'tenant-la' } }, locale: 'en-US',
    ...overrides,
  };
}

/** Posts as the Bot Connector does; resolves with the calls the bot made meanwhile. */
async function post(body: Record<string, unknown>): Promise<ConnectorCall[]> {
  const before = connector.calls.length;
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: identity.channelAuthorization(String(body.serviceUrl)) },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return connector.calls.slice(before);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const cardOf = (call: ConnectorCall | undefined): any => call?.body?.attachments?.[0]?.content;
const action = (call: ConnectorCall | undefined, title: string) => cardOf(call).actions.find((a: { title: string }) => a.title === title);

describe('a Teams user in America/Los_Angeles', () => {
  let answer: ConnectorCall | undefined;

  it('gets "next week" in their own zone; an activity without a zone gets DEFAULT_TIMEZONE', async () => {
    answer = (await post(activity({ text: 'travelling to Kyrgyzstan next week', ...LA }))).find((c) => c.body.type === 'message');
    expect(JSON.stringify(cardOf(answer))).toContain('Trip: 2026-11-30');
    expect(action(answer, 'Remind me before I go').data).toMatchObject({ start: '2026-11-30' });
    const other = (await post(activity({ text: 'travelling to Kyrgyzstan next week', conversation: { id: 'a:personal-nozone', conversationType: 'personal', tenantId: 'tenant-la' } }))).find(
      (c) => c.body.type === 'message',
    );
    expect(JSON.stringify(cardOf(other))).toContain('Trip: 2026-12-07');
  });

  it('reads "Tbilisi 4/12" by the activity\'s locale: 12 April for en-US in Los Angeles, 4 December for en-GB', async () => {
    const us = (await post(activity({ text: 'Tbilisi 4/12', ...LA, conversation: { id: 'a:personal-la-us', conversationType: 'personal', tenantId: 'tenant-la' } }))).find((c) => c.body.type === 'message');
    expect(JSON.stringify(cardOf(us))).toContain('Trip: 2027-04-12');
    const gb = (await post(activity({ text: 'Tbilisi 4/12', locale: 'en-GB', conversation: { id: 'a:personal-gb', conversationType: 'personal', tenantId: 'tenant-la' } }))).find((c) => c.body.type === 'message');
    expect(JSON.stringify(cardOf(gb))).toContain('Trip: 2026-12-04');
  });

  it('reads the reminders it set in Los Angeles time, in the reply and on the updated card', async () => {
    const calls = await post(activity({ replyToId: answer!.answeredId, value: action(answer, 'Remind me before I go').data, ...LA }));
    // The briefing is due at once (the trip starts within BRIEFING_DAYS_BEFORE): now, 21:00 on Sunday in Los Angeles.
    expect(calls.find((c) => c.method === 'POST' && c.body.type === 'message')?.body.text).toBe('Trip to Kyrgyzstan from 2026-11-30 saved. I will remind you: pre-trip briefing 2026-11-29 21:00 PST.');
    const update = calls.find((c) => c.method === 'PUT');
    expect(JSON.stringify(cardOf(update))).toContain('✅ Reminders set: briefing on 2026-11-29 21:00 PST.');
  });

  it('snoozes the delivered briefing and reads the new time in Los Angeles time', async () => {
    const briefing = await connector.waitFor((c) => c.method === 'POST' && /pre-trip security briefing/.test(c.body?.text ?? ''));
    // The connector has the briefing; wait until the scheduler has recorded it as sent too.
    const sent = async () => (await app.context.reminders.listTrips({ traveller: { platform: 'teams', userId: user.aadObjectId } }))[0]?.reminders.some((r) => r.kind === 'briefing' && r.status === 'sent');
    for (let i = 0; i < 250 && !(await sent()); i++) await new Promise((r) => setTimeout(r, 20));
    const calls = await post(activity({ replyToId: briefing.answeredId, value: action(briefing, 'Snooze').data, ...LA }));
    expect(calls.find((c) => c.method === 'POST')?.body.text).toBe('Snoozed until 2026-11-30 21:00 PST.');
    expect(JSON.stringify(cardOf(calls.find((c) => c.method === 'PUT')))).toContain('⏰ Snoozed until 2026-11-30 21:00 PST.');
  });
});
