/**
 * The Slack reminder deliverer over real HTTP against the Slack API double: finds a
 * traveller by email, DMs the reminder with its buttons, and turns a 429 into a
 * SlackRateLimitError carrying Retry-After, so the scheduler can retry later.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { sharedAdvisor } from '../support/shared-advisor.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { createSlackPoster } from '../../src/channels/slack/create-slack-poster.js';
import { createSlackDeliverer, SlackDeliveryError, SlackRateLimitError } from '../../src/channels/slack/create-slack-deliverer.js';
import { classifyDeliveryError } from '../../src/reminders/classify-delivery-error.js';
import type { Deliverer, Delivery } from '../../src/reminders/types.js';
import { startSlackApiDouble, type SlackApiDouble } from '../doubles/slack-api-double.js';

let double: SlackApiDouble;
let deliverer: Deliverer;
let delivery: Delivery;

beforeAll(async () => {
  double = await startSlackApiDouble({ users: { 'traveller@example.com': 'U0TRAVELER' } });
  const client = new webApi.WebClient('xoxb-deliver', { slackApiUrl: double.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
  deliverer = createSlackDeliverer(client, createSlackPoster({ token: 'xoxb-deliver', apiUrl: double.apiUrl, logger: silentLogger, rejectRateLimitedCalls: true }));
  const answer = await sharedAdvisor(loadConfig({})).answerForCountries(['KG']);
  delivery = {
    answer,
    trip: { id: 'trip-1', traveller: { platform: 'slack', userId: 'U0TRAVELER' }, destinations: ['KG'], start: '2026-12-01', end: '2026-12-09', createdBy: 'desk', source: 'desk', acknowledgedAt: null, reminders: [] },
    reminder: { id: 'rem-1', kind: 'briefing', dueAt: '2026-11-24T09:00:00Z', status: 'scheduled' },
    idempotencyKey: 'rem-1:0',
  };
});

afterAll(() => double?.close());

describe('Slack deliverer', () => {
  it('resolves a known email to a user id and an unknown one to null', async () => {
    expect(deliverer.platform).toBe('slack');
    expect(await deliverer.resolveEmail!('traveller@example.com')).toBe('U0TRAVELER');
    expect(await deliverer.resolveEmail!('nobody@example.com')).toBeNull();
    expect(double.callsTo('users.lookupByEmail').map((c) => c.args.email)).toEqual(['traveller@example.com', 'nobody@example.com']);
  });

  it('sends the reminder as a DM with the briefing, checklist, its two buttons and the details', async () => {
    await deliverer.deliver('U0TRAVELER', delivery);
    const call = await double.waitFor('chat.postMessage', (c) => c.args.channel === 'U0TRAVELER');
    expect(call.token).toBe('xoxb-deliver');
    expect(call.contentType).toBe('application/json; charset=utf-8');
    expect(call.args.metadata).toEqual({ event_type: 'travel_advisor_reminder', event_payload: { key: 'rem-1:0' } });
    expect(call.args.text).toMatch(/^Pre-trip briefing: your trip to Kyrgyzstan starts on 2026-12-01/);
    const blocks = call.args.blocks as Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>;
    const actions = blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
    expect(actions.map((a) => [a.action_id, JSON.parse(a.value!)])).toEqual([
      ['travel_checklist_done', { t: 'trip-1', r: 'rem-1' }],
      ['travel_full_checklist', { d: ['KG'] }],
      ['travel_why_this_level', { d: ['KG'] }],
      ['travel_snooze_reminder', { t: 'trip-1', r: 'rem-1' }],
    ]);
  });

  it('finds a delivered reminder by its idempotency key in the DM history, and only that one', async () => {
    expect(await deliverer.alreadyDelivered!('U0TRAVELER', delivery)).toBe(true);
    expect(await deliverer.alreadyDelivered!('U0TRAVELER', { ...delivery, idempotencyKey: 'rem-1:1' })).toBe(false);
    expect(await deliverer.alreadyDelivered!('U0SOMEONE', delivery)).toBe(false);
    const lookup = double.callsTo('conversations.history').at(-1)!.args;
    expect(lookup.channel).toBe('D0SOMEONE');
    expect(String(lookup.include_all_metadata)).toBe('true');
  });

  it('reports a 429 as SlackRateLimitError with the Retry-After in milliseconds', async () => {
    double.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const error = await deliverer.deliver('U0TRAVELER', delivery).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackRateLimitError);
    expect((error as SlackRateLimitError).retryAfterMs).toBe(7000);
    expect((error as SlackRateLimitError).code).toBe('DELIVERY_FAILED');
    expect(classifyDeliveryError(error)).toEqual({ type: 'rate-limited', retryAfterMs: 7000, reason: 'rate limited' });
  });

  it('reports a platform error by its Slack error code, permanent when retrying cannot help', async () => {
    double.failNext('chat.postMessage', { error: 'user_not_found' });
    const error = await deliverer.deliver('U0GONE', delivery).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackDeliveryError);
    expect((error as Error).message).toBe('Slack chat.postMessage failed: user_not_found');
    expect(classifyDeliveryError(error).type).toBe('permanent');
    double.failNext('chat.postMessage', { error: 'fatal_error' });
    expect(classifyDeliveryError(await deliverer.deliver('U0TRAVELER', delivery).catch((e: unknown) => e)).type).toBe('transient');
  });
});
