/**
 * Proactive delivery to Teams over real HTTP, authenticated as in production: the Teams
 * Deliverer sends a reminder card into the traveller's stored conversation through
 * botbuilder's continueConversationAsync to a local connector double, with an app token
 * MSAL fetched from the Microsoft identity double (the connector double refuses any
 * other); 429/412/502/504 are retried with backoff and jitter (Retry-After honoured),
 * persistent failures end in an error carrying retryAfterMs, refusals and unknown users
 * are permanent, and sends to one tenant are throttled under the per-tenant rate. Each sent idempotency key is recorded
 * with the connector's activity id, so `alreadyDelivered` answers after a restart and a
 * key is never posted twice. Sleep and clock are injected.
 */
import Keyv from 'keyv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedAdvisor } from '../support/shared-advisor.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import type { Delivery } from '../../src/reminders/types.js';
import { createBotbuilderPort } from '../../src/channels/teams/create-botbuilder-port.js';
import { createTeamsDeliverer, type TeamsSentRecord } from '../../src/channels/teams/create-teams-deliverer.js';
import { createTenantThrottle } from '../../src/channels/teams/create-tenant-throttle.js';
import { createServiceUrlPolicy } from '../../src/channels/teams/service-url-policy.js';
import { TeamsDeliveryError } from '../../src/channels/teams/send-with-retry.js';
import { createTeamsUserStore, type TeamsUserStore } from '../../src/channels/teams/teams-user-store.js';
import type { TeamsConversationRef } from '../../src/channels/teams/teams-port.js';
import { teamsIdentityEndpoints } from '../../src/channels/teams/create-teams-door.js';
import { startMicrosoftIdentityDouble, type MicrosoftIdentityDouble } from '../doubles/microsoft-identity-double.js';
import { startTeamsConnectorDouble, type TeamsConnectorDouble } from '../doubles/teams-connector-double.js';

let identity: MicrosoftIdentityDouble;
let connector: TeamsConnectorDouble;
let users: TeamsUserStore;
let delivery: Delivery;

beforeAll(async () => {
  identity = await startMicrosoftIdentityDouble();
  connector = await startTeamsConnectorDouble({ appTokens: identity.checkAppToken });
  users = createTeamsUserStore(new Keyv());
  const ref: TeamsConversationRef = {
    channelId: 'msteams',
    serviceUrl: connector.url,
    conversation: { id: 'a:deliver-1', tenantId: 'tenant-a' },
    user: { id: '29:traveller' },
    bot: { id: '28:bot' },
  };
  await users.save({ id: '29:traveller', aadObjectId: 'aad-traveller' }, ref, { email: 'Traveller@Example.com', now: new Date() });
  const answer = await sharedAdvisor(loadConfig({})).answerForCountries(['KG'], { intent: 'trip' });
  delivery = {
    trip: { id: 'trip-d', traveller: { platform: 'teams', userId: 'aad-traveller' }, destinations: ['KG'], start: '2026-11-30', end: null, createdBy: 'desk', source: 'desk', acknowledgedAt: null, reminders: [] },
    reminder: { id: 'rem-d', kind: 'day-before', dueAt: '2026-11-29T09:00:00Z', status: 'scheduled' },
    answer,
    idempotencyKey: 'rem-d:0',
  };
});
afterAll(async () => {
  await connector.close();
  await identity.close();
});

function deliverer(options: { retries?: number; perSecond?: number; now?: () => number; advance?: (ms: number) => void; sent?: Keyv<TeamsSentRecord> } = {}) {
  // Retry waits and the tenant throttle's waits are recorded apart: the throttle spaces every send, retries included.
  const sleeps: number[] = [];
  const throttleSleeps: number[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    options.advance?.(ms);
  };
  const throttleSleep = async (ms: number) => {
    throttleSleeps.push(ms);
    options.advance?.(ms);
  };
  // The connector double listens on loopback: allowed explicitly, as TEAMS_SERVICE_URL_HOSTS=127.0.0.1 would.
  const serviceUrls = createServiceUrlPolicy(['127.0.0.1']);
  const config = loadConfig(identity.env);
  const port = createBotbuilderPort({
    appId: identity.appId, appPassword: identity.appPassword, appType: 'MultiTenant',
    endpoints: teamsIdentityEndpoints(config), loginCa: identity.ca, serviceUrls, logger: silentLogger,
  });
  const d = createTeamsDeliverer({
    port,
    users,
    serviceUrls,
    throttle: createTenantThrottle({ perSecond: options.perSecond ?? 40, now: options.now, sleep: throttleSleep }),
    sent: options.sent ?? new Keyv(),
    retry: { retries: options.retries ?? 4, baseDelayMs: 1000, maxDelayMs: 30_000, sleep, random: () => 0.5 },
    logger: silentLogger,
  });
  return { d, sleeps, throttleSleeps };
}

describe('Teams deliverer', () => {
  it('sends the reminder card into the stored conversation, found by user id or email', async () => {
    const { d } = deliverer();
    expect(await d.resolveEmail!('traveller@example.com')).toBe('aad-traveller');
    expect(await d.resolveEmail!('someone-else@example.com')).toBeNull();
    const before = connector.calls.length;
    await d.deliver('aad-traveller', delivery);
    const [call] = connector.calls.slice(before);
    expect(call).toMatchObject({ method: 'POST', conversationId: 'a:deliver-1', status: 201 });
    expect(call!.body.text).toBe('You leave for Kyrgyzstan tomorrow (2026-11-30). Last checks before you go.');
    expect(call!.body.attachments[0].content.actions.map((a: { title: string }) => a.title)).toEqual(["I've done the checklist", 'Snooze', 'Full checklist', 'Why this level']);
    expect(identity.checkAppToken(call!.authorization)).toBeNull();
    expect(connector.refused).toEqual([]);
  });

  it('retries 429, 412, 502 and 504 with exponential backoff and jitter, honouring Retry-After', async () => {
    const { d, sleeps } = deliverer();
    connector.failNext(1, 429, 3);
    connector.failNext(1, 412);
    connector.failNext(1, 502);
    connector.failNext(1, 504);
    const before = connector.calls.length;
    await d.deliver('aad-traveller', delivery);
    expect(connector.calls.slice(before).map((c) => c.status)).toEqual([429, 412, 502, 504, 201]);
    // Retry-After 3 s, then base 1 s doubling, each scaled by jitter 0.5 + random/2 = 0.75.
    expect(sleeps).toEqual([3000, 1500, 3000, 6000]);
  });

  it('gives up after the retry budget with a TeamsDeliveryError the scheduler can retry later', async () => {
    const { d } = deliverer({ retries: 2 });
    connector.failNext(3, 502);
    const error = await d.deliver('aad-traveller', delivery).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamsDeliveryError);
    expect(error).toMatchObject({ status: 502, permanent: false, retryAfterMs: 30_000 });
  });

  it('fails permanently when Teams refuses (403) or the user never talked to the bot', async () => {
    const { d, sleeps } = deliverer();
    connector.failNext(1, 403);
    await expect(d.deliver('aad-traveller', delivery)).rejects.toMatchObject({ status: 403, permanent: true });
    await expect(d.deliver('aad-nobody', delivery)).rejects.toMatchObject({ permanent: true, message: expect.stringMatching(/must install the app or message the bot/) });
    expect(sleeps).toEqual([]);
  });

  it('records each sent key with the connector activity id: alreadyDelivered sees it, and the same key is never posted twice', async () => {
    const sent = new Keyv<TeamsSentRecord>();
    const { d } = deliverer({ sent });
    const once = { ...delivery, idempotencyKey: 'rem-d:once' };
    expect(await d.alreadyDelivered!('aad-traveller', once)).toBe(false);
    const before = connector.calls.length;
    await d.deliver('aad-traveller', once);
    const [call] = connector.calls.slice(before);
    expect(await sent.get('rem-d:once')).toMatchObject({ state: 'sent', userId: 'aad-traveller', activityId: call!.answeredId });
    expect(call!.answeredId).toMatch(/^activity-/);
    // A restarted process (a new deliverer on the same store) knows it was sent.
    const { d: restarted } = deliverer({ sent });
    expect(await restarted.alreadyDelivered!('aad-traveller', once)).toBe(true);
    expect(await restarted.alreadyDelivered!('aad-someone-else', once)).toBe(false);
    await restarted.deliver('aad-traveller', once);
    expect(connector.calls.length).toBe(before + 1);
  });

  it('leaves only the intent when the connector refuses: not delivered, so it is sent again', async () => {
    const sent = new Keyv<TeamsSentRecord>();
    const { d } = deliverer({ sent, retries: 0 });
    const failing = { ...delivery, idempotencyKey: 'rem-d:refused' };
    connector.failNext(1, 502);
    await expect(d.deliver('aad-traveller', failing)).rejects.toBeInstanceOf(TeamsDeliveryError);
    expect(await sent.get('rem-d:refused')).toMatchObject({ state: 'sending', userId: 'aad-traveller' });
    expect(await d.alreadyDelivered!('aad-traveller', failing)).toBe(false);
    const before = connector.calls.length;
    await d.deliver('aad-traveller', failing);
    expect(connector.calls.slice(before).map((c) => c.status)).toEqual([201]);
  });

  it('throttles sends to one tenant under the per-second limit', async () => {
    let now = 10_000;
    const { d, throttleSleeps } = deliverer({ perSecond: 2, now: () => now, advance: (ms) => (now += ms) });
    const before = connector.calls.length;
    const nth = (n: number) => ({ ...delivery, idempotencyKey: `rem-d:throttle-${n}` });
    await Promise.all([d.deliver('aad-traveller', nth(1)), d.deliver('aad-traveller', nth(2)), d.deliver('aad-traveller', nth(3))]);
    // Two per second, spaced evenly: the first goes at once, each next one 500 ms after the one
    // before (the injected sleep moves the clock), so no second ever holds more than two.
    expect(throttleSleeps).toEqual([500, 500]);
    expect(connector.calls.slice(before).map((c) => c.status)).toEqual([201, 201, 201]);
    now += 5000;
    await d.deliver('aad-traveller', nth(4));
    expect(throttleSleeps).toEqual([500, 500]);
    expect(connector.calls.slice(before).map((c) => c.status)).toEqual([201, 201, 201, 201]);
  });
});
