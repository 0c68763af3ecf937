/**
 * Issue 18, item 5: a 429 pauses the platform that sent it, not every delivery. Slack's
 * API double answers the first reminder with 429 Retry-After: 30 (the real Slack
 * deliverer over the real Web API client); the Teams reminders due at the same moment
 * are delivered in that same run, the other Slack reminder waits with the first, and at
 * the Retry-After both Slack reminders are delivered, each once.
 */
import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { createSlackPoster } from '../../src/channels/slack/create-slack-poster.js';
import { createSlackDeliverer } from '../../src/channels/slack/create-slack-deliverer.js';
import { startSlackApiDouble, type SlackApiDouble } from '../doubles/slack-api-double.js';
import { makeHarness, recordingDeliverer, type Harness } from './reminders-harness.js';

let h: Harness | null = null;
let double: SlackApiDouble | null = null;
afterEach(async () => {
  await h?.close();
  await double?.close();
  h = null;
  double = null;
});

const trip = (platform: 'slack' | 'teams', userId: string) => ({
  traveller: { platform, userId }, destinations: ['KZ'], start: '2026-12-08', end: '2026-12-12', createdBy: 'desk', source: 'api' as const,
});

describe('a 429 pauses its own platform only', () => {
  it("keeps delivering Teams reminders while Slack's Retry-After runs, then delivers Slack's once each", async () => {
    double = await startSlackApiDouble();
    double.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
    h = makeHarness({}, { concurrency: 1 });
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: double.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
    h.service.registerDeliverer(createSlackDeliverer(client, createSlackPoster({ token: 'xoxb-test', apiUrl: double.apiUrl, logger: silentLogger, rejectRateLimitedCalls: true })));
    const teams = recordingDeliverer('teams');
    h.service.registerDeliverer(teams);
    // Due together, in this order: Slack first (429), then Teams, Slack, Teams.
    for (const [p, u] of [['slack', 'U1'], ['teams', '29:T1'], ['slack', 'U2'], ['teams', '29:T2']] as const) await h.service.createTrip(trip(p, u));

    const at = Date.parse('2026-12-01T09:00:00Z');
    expect(await h.service.runDue!(new Date(at))).toEqual({ sent: 2, failed: 0, retried: 1 });
    expect(teams.sent.map((s) => s.userId)).toEqual(['29:T1', '29:T2']);
    const posted = () => double!.callsTo('chat.postMessage').map((c) => String(c.args.channel));
    // One Slack call (the 429); U2 was held back without calling Slack.
    expect(posted()).toEqual(['U1']);

    expect(await h.service.runDue!(new Date(at + 29_000))).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await h.service.runDue!(new Date(at + 30_000))).toEqual({ sent: 2, failed: 0, retried: 0 });
    expect(posted().sort()).toEqual(['U1', 'U1', 'U2']);
    expect(teams.sent).toHaveLength(2);
  });
});
