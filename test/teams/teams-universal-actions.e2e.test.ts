/**
 * Universal Actions in a Teams channel, end to end as Microsoft runs it: the real server
 * (MICROSOFT_APP_ID set, signed tokens both ways through the identity double), activities
 * and `adaptiveCard/action` invokes POSTed as the Bot Connector sends them, and the
 * connector double recording everything the bot sends. User A presses "Remind me before I
 * go" on an answer in a channel: the invoke is answered with A's own card (reminders set,
 * with where they will arrive) and nothing is posted or updated in the channel; B's refresh
 * of the same card returns it exactly as it was sent, and A's returns A's view; B cannot
 * acknowledge A's trip (the refusal is a note to B alone), and B's own click leaves A's view
 * as it was. In a personal chat the same button also updates the message and confirms in
 * the chat. A button that is not ours is a 400 in the invoke's own terms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/create-app.js';
import type { MicrosoftIdentityDouble } from '../doubles/microsoft-identity-double.js';
import type { ConnectorCall, TeamsConnectorDouble } from '../doubles/teams-connector-double.js';
import { startTeamsHarness, type TeamsHarness } from './teams-app-harness.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const CHANNEL = '19:ua-general@thread.tacv2';
const userA = { id: '29:ua-user-a', name: 'Ada', aadObjectId: 'aad-ua-a' };
const userB = { id: '29:ua-user-b', name: 'Bo', aadObjectId: 'aad-ua-b' };
const userC = { id: '29:ua-user-c', name: 'Cy', aadObjectId: 'aad-ua-c' };
const bot = { id: '28:ua-bot', name: 'Travel advisor' };

let app: App;
let url: string;
let connector: TeamsConnectorDouble;
let identity: MicrosoftIdentityDouble;
let harness: TeamsHarness;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const cardOf = (call: ConnectorCall | undefined): Json => call?.body?.attachments?.[0]?.content;
const texts = (card: Json): string[] => {
  const out: string[] = [];
  const walk = (el: Json) => {
    if (!el || typeof el !== 'object') return;
    if (el.type === 'TextBlock') out.push(el.text);
    for (const k of ['body', 'items']) if (Array.isArray(el[k])) el[k].forEach(walk);
  };
  walk(card);
  return out;
};
const titles = (card: Json): string[] => (card.actions ?? []).map((a: { title: string }) => a.title);
const button = (card: Json, title: string): Json => card.actions.find((a: { title: string }) => a.title === title);

function channelActivity(from: typeof userA, overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    id: `ua-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    serviceUrl: connector.url,
    timestamp: NOW.toISOString(),
    from,
    recipient: bot,
    conversation: { id: `${CHANNEL};messageid=1700000000001`, conversationType: 'channel', tenantId: 'tenant-ua', isGroup: true },
    channelData: { tenant: { id: 'tenant-ua' }, team: { id: '19:ua-team@thread.tacv2' }, channel: { id: CHANNEL } },
    locale: 'en-US',
    ...overrides,
  };
}

/** An Action.Execute press (or refresh) as Teams sends it: an invoke named adaptiveCard/action. */
function execute(from: typeof userA, cardId: string, action: Json, trigger: 'manual' | 'automatic' = 'manual', conversation?: Record<string, unknown>) {
  return channelActivity(from, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: cardId,
    value: { action: { type: 'Action.Execute', id: `${action.verb}-button`, verb: action.verb, data: action.data }, trigger },
    ...(conversation ? { conversation, channelData: { tenant: { id: 'tenant-ua' } } } : {}),
  });
}

async function post(body: Record<string, unknown>): Promise<Response> {
  const authorization = identity.channelAuthorization(String(body.serviceUrl));
  return fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(body) });
}

/** The invoke's HTTP answer and every call the bot made to the connector meanwhile. */
async function invoke(body: Record<string, unknown>): Promise<{ status: number; response: Json; calls: ConnectorCall[] }> {
  const before = connector.calls.length;
  const res = await post(body);
  const response = await res.json();
  return { status: res.status, response, calls: connector.calls.slice(before) };
}

const inChannel = (calls: ConnectorCall[]) => calls.filter((c) => c.conversationId.startsWith(CHANNEL));

beforeAll(async () => {
  harness = await startTeamsHarness({ prefix: 'teams-ua-', options: () => ({ clock: () => NOW }) });
  ({ app, url, connector, identity } = harness);
});

afterAll(async () => {
  await harness?.close();
});

describe('Universal Actions in a Teams channel', () => {
  let sent: ConnectorCall;
  let cardId: string;
  let viewOfA: Json;

  it('answers a channel mention with a card whose buttons are Action.Execute and whose refresh names the asker', async () => {
    const before = connector.calls.length;
    const mention = channelActivity(userA, {
      id: '1700000000001',
      text: '<at>Travel advisor</at> travelling to Kyrgyzstan next week',
      entities: [{ type: 'mention', text: '<at>Travel advisor</at>', mentioned: bot }],
    });
    expect((await post(mention)).status).toBe(200);
    sent = connector.calls.slice(before).find((c) => c.method === 'POST' && c.body.type === 'message')!;
    cardId = sent.answeredId!;
    const card = cardOf(sent);
    expect(card.refresh).toMatchObject({ action: { type: 'Action.Execute', verb: 'view' }, userIds: [userA.id] });
    expect(button(card, 'Remind me before I go')).toMatchObject({ type: 'Action.Execute', verb: 'remind', fallback: { type: 'Action.Submit' } });
  });

  it('A presses "Remind me": A alone gets the updated card, with a private confirmation; nothing is posted to the channel', async () => {
    const remind = button(cardOf(sent), 'Remind me before I go');
    const { status, response, calls } = await invoke(execute(userA, cardId, remind));
    expect(status).toBe(200);
    expect(response).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    viewOfA = response.value;
    const shown = texts(viewOfA);
    expect(shown.some((t) => /^✅ Reminders set: briefing on 2026-11-23 09:00 UTC/.test(t))).toBe(true);
    // A has never opened a personal chat with the bot: told, privately, where reminders will arrive.
    expect(shown).toContain('Reminders arrive in your personal chat with me: open it once (Apps > Travel advisor) so I can reach you.');
    expect(titles(viewOfA)).not.toContain('Remind me before I go');
    expect(viewOfA.refresh.userIds).toEqual([userA.id]);
    expect(inChannel(calls)).toEqual([]);
    const trips = await app.context.reminders.listTrips({ traveller: { platform: 'teams', userId: userA.aadObjectId } });
    expect(trips).toHaveLength(1);
    expect(trips[0]).toMatchObject({ destinations: ['KG'], source: 'button', start: remind.data.start });
  });

  it("B's view of the card is unchanged: B's refresh returns the card exactly as it was sent, and nothing is posted", async () => {
    const { response, calls } = await invoke(execute(userB, cardId, cardOf(sent).refresh.action, 'automatic'));
    expect(response).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(response.value).toEqual(cardOf(sent));
    expect(inChannel(calls)).toEqual([]);
  });

  it("A's own refresh shows A's view: the reminders A set", async () => {
    const { response, calls } = await invoke(execute(userA, cardId, cardOf(sent).refresh.action, 'automatic'));
    expect(response.value).toEqual(viewOfA);
    expect(inChannel(calls)).toEqual([]);
  });

  it("B cannot acknowledge A's trip: the refusal is a note to B alone, and A's trip is untouched", async () => {
    const ackOfA = button(viewOfA, "I've done the checklist");
    expect(ackOfA.data.tripId).toBeTruthy();
    const { response, calls } = await invoke(execute(userB, cardId, ackOfA));
    expect(response).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(response.value).toMatch(/only the traveller|not yours|travel desk/i);
    expect(inChannel(calls)).toEqual([]);
    const [trip] = await app.context.reminders.listTrips({ traveller: { platform: 'teams', userId: userA.aadObjectId } });
    expect(trip?.acknowledgedAt).toBeNull();
  });

  it("B's own click changes B's view only: A still sees A's reminders", async () => {
    const { response } = await invoke(execute(userB, cardId, button(cardOf(sent), 'Remind me before I go')));
    expect(texts(response.value).some((t) => t.startsWith('✅ Reminders set'))).toBe(true);
    const tripOfB = button(response.value, "I've done the checklist").data.tripId;
    expect(tripOfB).not.toBe(button(viewOfA, "I've done the checklist").data.tripId);
    const again = await invoke(execute(userA, cardId, cardOf(sent).refresh.action, 'automatic'));
    expect(again.response.value).toEqual(viewOfA);
    expect(inChannel(again.calls)).toEqual([]);
  });

  it('answers a button that is not ours with a 400 in the invoke response, and does nothing', async () => {
    const { status, response, calls } = await invoke(execute(userB, cardId, { verb: 'launch', data: { ta: 'launch-rockets' } }));
    expect(status).toBe(200);
    expect(response).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest' } });
    expect(calls).toEqual([]);
  });
});

describe('Universal Actions in a personal chat', () => {
  it('"Remind me" answers with the updated card, updates the message itself and confirms in the chat', async () => {
    const conversation = { id: 'a:ua-personal-c', conversationType: 'personal', tenantId: 'tenant-ua' };
    const before = connector.calls.length;
    await post(channelActivity(userC, { id: 'ua-c-1', text: 'travelling to Kyrgyzstan next week', conversation, channelData: { tenant: { id: 'tenant-ua' } } }));
    const answer = connector.calls.slice(before).find((c) => c.method === 'POST' && c.body.type === 'message')!;
    // One reader: no per-person view is needed.
    expect(cardOf(answer).refresh).toBeUndefined();
    const { response, calls } = await invoke(execute(userC, answer.answeredId!, button(cardOf(answer), 'Remind me before I go'), 'manual', conversation));
    expect(response).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(texts(response.value).some((t) => t.startsWith('✅ Reminders set'))).toBe(true);
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.activityId).toBe(answer.answeredId);
    expect(cardOf(put)).toEqual(response.value);
    expect(calls.find((c) => c.method === 'POST' && c.conversationId === conversation.id)?.body.text).toMatch(/^Trip to \S.* from \d{4}-\d{2}-\d{2} saved\. I will remind you/);
  });
});
