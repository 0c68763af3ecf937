/**
 * End to end through the real server (createApp, PORT 0) as Microsoft runs it: with
 * MICROSOFT_APP_ID set and the Microsoft identity double standing in for Microsoft's
 * identity services, we POST Bot Framework activities to /api/messages as the Bot
 * Connector does (each with its signed token, `serviceUrl` pointing at a local connector
 * double that refuses any request without an app token the identity double issued), and
 * assert on what the bot sent there: the Adaptive Card for a personal message, the
 * proactive briefing, the thread reply to a channel mention, the card update and
 * acknowledgement after a button press from a client without Universal Actions (the
 * Action.Submit fallback; teams-universal-actions.e2e.test.ts has the Action.Execute path),
 * and the welcome card on install.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/create-app.js';
import type { MicrosoftIdentityDouble } from '../doubles/microsoft-identity-double.js';
import type { ConnectorCall, TeamsConnectorDouble } from '../doubles/teams-connector-double.js';
import { startTeamsHarness, type TeamsHarness } from './teams-app-harness.js';

const NOW = new Date('2026-11-23T09:00:00Z');
let app: App;
let url: string;
let connector: TeamsConnectorDouble;
let identity: MicrosoftIdentityDouble;
let harness: TeamsHarness;

const user = { id: '29:user-e2e', name: 'Ada', aadObjectId: 'aad-e2e-1' };
const bot = { id: '28:bot-e2e', name: 'Travel advisor' };

function activity(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    id: `in-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    serviceUrl: connector.url,
    timestamp: NOW.toISOString(),
    from: user,
    recipient: bot,
    conversation: { id: 'a:personal-e2e', conversationType: 'personal', tenantId: 'tenant-e2e' },
    channelData: { tenant: { id: 'tenant-e2e' } },
    locale: 'en-US',
    ...overrides,
  };
}

/** Posts as the Bot Connector does: with a token for the activity's serviceUrl. */
async function post(body: Record<string, unknown>): Promise<Response> {
  const authorization = identity.channelAuthorization(String(body.serviceUrl));
  return fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(body) });
}

/** Calls made while `fn` ran. */
async function during(fn: () => Promise<unknown>): Promise<ConnectorCall[]> {
  const before = connector.calls.length;
  await fn();
  return connector.calls.slice(before);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const cardOf = (call: ConnectorCall | undefined): any => call?.body?.attachments?.[0]?.content;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const texts = (card: any): string[] => {
  const out: string[] = [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const walk = (el: any) => {
    if (!el || typeof el !== 'object') return;
    if (el.type === 'TextBlock') out.push(el.text);
    if (el.type === 'FactSet') for (const f of el.facts) out.push(`${f.title}: ${f.value}`);
    for (const k of ['body', 'items']) if (Array.isArray(el[k])) el[k].forEach(walk);
    // "Full checklist" and "Why this level" open inside the card (Action.ShowCard): one click away.
    for (const a of el.actions ?? []) if (a.type === 'Action.ShowCard') walk(a.card);
  };
  walk(card);
  return out;
};

beforeAll(async () => {
  harness = await startTeamsHarness({
    prefix: 'teams-e2e-',
    members: { [user.id]: { email: 'ada@example.com', name: 'Ada', aadObjectId: user.aadObjectId } },
    options: () => ({ clock: () => NOW }),
  });
  ({ app, url, connector, identity } = harness);
});

afterAll(async () => {
  await harness?.close();
});

describe('Teams door over real HTTP', () => {
  let cardMessage: ConnectorCall | undefined;
  /** The card as updated after "Remind me before I go" (its ack button now names the trip). */
  let updatedCard: ConnectorCall | undefined;

  it('answers a personal message with a typing indicator and an Adaptive Card about Kyrgyzstan', async () => {
    const message = activity({ id: 'in-kg-1', text: 'travelling to Kyrgyzstan next week' });
    const calls = await during(async () => expect((await post(message)).status).toBe(200));

    expect(calls.map((c) => c.body.type)).toEqual(['typing', 'message']);
    cardMessage = calls[1];
    expect(cardMessage!.method).toBe('POST');
    expect(cardMessage!.conversationId).toBe('a:personal-e2e');
    expect(cardMessage!.activityId).toBe('in-kg-1');
    const card = cardOf(cardMessage);
    expect(cardMessage!.body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.version).toBe('1.5');
    const shown = texts(card);
    expect(shown).toContain('Kyrgyzstan');
    expect(shown.some((t) => /^Surveillance risk: (at least high \(level 3 of 4\)|level 3 of 4, high)$/.test(t))).toBe(true);
    expect(shown).toContain('Indicators found (4 of 6)');
    expect(shown.some((t) => t.startsWith('• **Direct-access interception systems (SORM or equivalent)**') && t.includes('](https://'))).toBe(true);
    expect(shown.some((t) => /\[1\]/.test(t) && t.includes('https://'))).toBe(true);
    expect(shown.some((t) => t.startsWith('Do these first'))).toBe(true);
    expect(shown).toContain('Before you go');
    expect(card.actions.map((a: { title: string }) => a.title)).toEqual(['Remind me before I go', "I've done the checklist", 'Full checklist', 'Why this level']);
    // Plain text fallback and native citations travel with the card.
    expect(cardMessage!.body.text).toMatch(/Kyrgyzstan: surveillance risk (at least high \(level 3 of 4\)|level 3 of 4, high)/);
    expect(cardMessage!.body.entities[0].citation[0]).toMatchObject({ '@type': 'Claim', position: 1 });
  });

  it('remembers the personal conversation so reminders can reach the user, and finds them by email', async () => {
    const deliverer = (await import('../../src/channels/teams/teams-user-store.js')).createTeamsUserStore(app.context.store('teams-refs'));
    const stored = await deliverer.get(user.aadObjectId);
    expect(stored?.ref.conversation.id).toBe('a:personal-e2e');
    expect(stored?.tenantId).toBe('tenant-e2e');
    expect(await deliverer.userIdForEmail('ADA@example.com')).toBe(user.aadObjectId);
  });

  it('"Remind me before I go" from a client without Universal Actions (its Action.Submit fallback) creates a trip and updates the card', async () => {
    const execute = cardOf(cardMessage).actions.find((a: { title: string }) => a.title === 'Remind me before I go');
    const remind = execute.fallback;
    expect(remind.type).toBe('Action.Submit');
    const calls = await during(async () =>
      expect((await post(activity({ replyToId: cardMessage!.answeredId, value: remind.data, text: undefined }))).status).toBe(200),
    );
    const trips = await app.context.reminders.listTrips({ traveller: { platform: 'teams', userId: user.aadObjectId } });
    expect(trips).toHaveLength(1);
    expect(trips[0]).toMatchObject({ destinations: ['KG'], source: 'button', start: remind.data.start });
    const update = calls.find((c) => c.method === 'PUT');
    expect(update?.activityId).toBe(cardMessage!.answeredId);
    expect(texts(cardOf(update)).some((t) => t.startsWith('✅ Reminders set'))).toBe(true);
    expect(cardOf(update).actions.map((a: { title: string }) => a.title)).not.toContain('Remind me before I go');
    updatedCard = update;
    expect(calls.find((c) => c.method === 'POST')?.body.text).toContain('I will remind you');
  });

  it('delivers the pre-trip briefing proactively into the stored personal chat, with "I\'ve done the checklist" and "Snooze"', async () => {
    const briefing = await connector.waitFor((c) => c.method === 'POST' && /pre-trip security briefing/.test(c.body?.text ?? ''));
    expect(briefing.conversationId).toBe('a:personal-e2e');
    const card = cardOf(briefing);
    expect(texts(card)[0]).toBe('Your trip to Kyrgyzstan starts on 2026-11-30. Here is your pre-trip security briefing.');
    expect(card.actions.map((a: { title: string }) => a.title)).toEqual(["I've done the checklist", 'Snooze', 'Full checklist', 'Why this level']);
  });

  it('"Snooze" on the briefing postpones it and replaces the reminder card with the outcome', async () => {
    const briefing = await connector.waitFor((c) => c.method === 'POST' && /pre-trip security briefing/.test(c.body?.text ?? ''));
    const snooze = cardOf(briefing).actions.find((a: { title: string }) => a.title === 'Snooze');
    const calls = await during(async () => expect((await post(activity({ replyToId: briefing.answeredId, value: snooze.data }))).status).toBe(200));
    const update = calls.find((c) => c.method === 'PUT');
    expect(update?.activityId).toBe(briefing.answeredId);
    expect(texts(cardOf(update))).toEqual(['⏰ Snoozed until 2026-11-24 09:00 UTC.']);
    expect(calls.find((c) => c.method === 'POST')?.body.text).toBe('Snoozed until 2026-11-24 09:00 UTC.');
    const [trip] = await app.context.reminders.listTrips({ traveller: { platform: 'teams', userId: user.aadObjectId } });
    const reminder = trip!.reminders.find((r) => r.id === snooze.data.reminderId);
    expect(reminder?.dueAt).toBe('2026-11-24T09:00:00.000Z');
  });

  it('"I\'ve done the checklist" is recorded as an acknowledgement and answered', async () => {
    const ack = cardOf(updatedCard).actions.find((a: { title: string }) => a.title === "I've done the checklist");
    expect(ack.data.tripId).toBeTruthy();
    const calls = await during(async () => expect((await post(activity({ replyToId: cardMessage!.answeredId, value: ack.data }))).status).toBe(200));
    const [trip] = await app.context.reminders.listTrips({ traveller: { platform: 'teams', userId: user.aadObjectId } });
    expect(trip?.acknowledgedAt).not.toBeNull();
    const reply = calls.find((c) => c.method === 'POST' && c.activityId !== null);
    expect(reply?.body.text).toMatch(/noted that you have done the checklist for your trip to Kyrgyzstan/);
    const update = calls.find((c) => c.method === 'PUT');
    expect(texts(cardOf(update)).some((t) => t.startsWith('✅ Checklist done'))).toBe(true);
    expect(cardOf(update).actions.map((a: { title: string }) => a.title)).not.toContain("I've done the checklist");
  });

  it('answers a channel @mention in the thread, with the mention stripped', async () => {
    const conversation = { id: '19:general@thread.tacv2;messageid=1700000000000', conversationType: 'channel', tenantId: 'tenant-e2e' };
    const message = activity({
      id: '1700000000000',
      text: '<at>Travel advisor</at> going to Kazakhstan in March',
      conversation,
      entities: [{ type: 'mention', text: '<at>Travel advisor</at>', mentioned: bot }],
      channelData: { tenant: { id: 'tenant-e2e' }, team: { id: '19:team@thread.tacv2' }, channel: { id: '19:general@thread.tacv2' } },
    });
    const calls = await during(async () => expect((await post(message)).status).toBe(200));
    const reply = calls.find((c) => c.body.type === 'message');
    expect(reply?.conversationId).toBe(conversation.id);
    expect(reply?.activityId).toBe('1700000000000');
    expect(texts(cardOf(reply))).toContain('Kazakhstan');
  });

  it('sends the welcome card once when the app is installed', async () => {
    const conversation = { id: 'a:personal-install', conversationType: 'personal', tenantId: 'tenant-e2e' };
    const calls = await during(async () => {
      await post(activity({ type: 'installationUpdate', action: 'add', text: undefined, conversation }));
      await post(activity({ type: 'conversationUpdate', membersAdded: [bot], text: undefined, conversation }));
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.conversationId).toBe('a:personal-install');
    const card = cardOf(calls[0]);
    expect(texts(card)[0]).toBe('Travel security advisor');
    expect(texts(card).join(' ')).toContain('travelling to Kyrgyzstan next week');
  });

  it('welcomes a team when the bot is added to it', async () => {
    const conversation = { id: '19:newteam@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-e2e' };
    const calls = await during(() => post(activity({ type: 'conversationUpdate', membersAdded: [bot], text: undefined, conversation })));
    expect(texts(cardOf(calls[0])).join(' ')).toContain('Mention me');
  });

  it("made every call to the connector, replies and proactive sends alike, with the bot's app token", () => {
    expect(connector.requests.length).toBeGreaterThan(10);
    expect(connector.refused).toEqual([]);
    for (const call of connector.calls) expect(identity.checkAppToken(call.authorization)).toBeNull();
    // One token, fetched once from the identity platform and reused while it is valid.
    expect(identity.tokenRequests).toEqual([{ clientId: identity.appId, scope: 'https://api.botframework.com/.default', error: null }]);
  });
});
