/**
 * Finding 13 (low): button values are client data, so they must never decide who may act
 * on a trip. Through the real server (Slack with signed requests to the Slack API double,
 * Teams in local mode with the connector double, the playground): a Slack traveller's
 * delivered briefing cannot be snoozed or acknowledged by a Teams user pressing a card
 * with its ids (as an Action.Submit, or as an Action.Execute invoke in a channel), by
 * another Slack user's signed block_actions, or from the playground;
 * each gets a clear refusal and the stored trip is exactly as before. A travel-desk member
 * (SLACK_TRAVEL_DESK_USERGROUP) may snooze it. Once the traveller has acknowledged it,
 * their own Snooze is refused and nothing is delivered again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { ACTION_IDS } from '../../src/channels/slack/actions.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import type { TripView } from '../../src/reminders/types.js';
import { startSlackApiDouble, type SlackApiDouble } from '../doubles/slack-api-double.js';
import { startTeamsConnectorDouble, type TeamsConnectorDouble } from '../doubles/teams-connector-double.js';
import { fixture, postInteraction } from '../slack/slack-requests.js';

const SECRET = 'h13t-trip-actions-signing-secret-01';
const clock = { now: new Date('2026-12-14T09:00:00Z') };
const VICTIM = 'U0H13TVICTIM';
let slack: SlackApiDouble;
let connector: TeamsConnectorDouble;
let app: App;
let url: string;
let dataDir: string;
let seq = 0;

beforeAll(async () => {
  slack = await startSlackApiDouble({ usergroups: { S0H13TDESK: ['U0H13TDESK'] } });
  connector = await startTeamsConnectorDouble();
  dataDir = mkdtempSync(join(tmpdir(), 'h13t-actions-'));
  const config = loadConfig({
    PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, PLAYGROUND: 'on', TEAMS_LOCAL_MODE: 'on',
    SLACK_BOT_TOKEN: 'xoxb-h13t-actions', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, SLACK_TRAVEL_DESK_USERGROUP: 'S0H13TDESK',
  });
  app = createApp({ config, logger: silentLogger, clock: () => clock.now });
  url = (await app.start()).url;
});

afterAll(async () => {
  await app?.stop();
  await slack?.close();
  await connector?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A trip for the Slack traveller whose briefing has just been delivered to them. */
async function deliveredTrip(): Promise<{ trip: TripView; briefing: string }> {
  const trip = await app.context.reminders.createTrip({
    traveller: { platform: 'slack', userId: VICTIM }, destinations: ['CU'], start: '2026-12-19', end: '2026-12-23', createdBy: 'desk', source: 'api',
  });
  await app.context.reminders.runDue!(clock.now);
  const now = (await app.context.reminders.getTrip(trip.id))!;
  const briefing = now.reminders.find((r) => r.kind === 'briefing')!;
  expect(briefing.status).toBe('sent');
  return { trip: now, briefing: briefing.id };
}

/** A signed block_actions request from `userId` pressing our button with `value`; resolves with what the clicker was told. */
async function slackClick(userId: string, actionId: string, value: unknown): Promise<string> {
  seq += 1;
  const body = fixture<Record<string, unknown>>('block-actions');
  Object.assign(body, {
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: 'T0001' },
    actions: [{ action_id: actionId, block_id: 'b', text: { type: 'plain_text', text: 'button' }, value: JSON.stringify(value), type: 'button', action_ts: `1765000${seq}.000000` }],
    response_url: slack.responseUrl(`h13t-${seq}`),
  });
  const before = slack.calls.length;
  expect((await postInteraction(`${url}/slack/events`, SECRET, body)).status).toBe(200);
  const told = await slack.waitFor('chat.postEphemeral', (c) => c.args.user === userId && slack.calls.indexOf(c) >= before);
  return String(told.args.text);
}

/** A Teams user pressing a card button whose data carries someone else's trip. */
async function teamsPress(value: Record<string, unknown>): Promise<string> {
  seq += 1;
  const before = connector.calls.length;
  const activity = {
    type: 'message', id: `h13t-${seq}`, channelId: 'msteams', serviceUrl: connector.url, replyToId: `card-${seq}`, value,
    from: { id: '29:h13t-mallory', name: 'Mallory', aadObjectId: 'aad-h13t-mallory' }, recipient: { id: '28:bot' },
    conversation: { id: 'a:h13t-mallory', conversationType: 'personal', tenantId: 't1' }, channelData: { tenant: { id: 't1' } },
  };
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  expect(res.status).toBe(200);
  const reply = await connector.waitFor((c, i = connector.calls.indexOf(c)) => i >= before && c.method === 'POST' && c.body?.type === 'message');
  return String(reply.body.text);
}

/** The same press as a Universal Action in a channel: the refusal is the invoke's answer, for the presser alone. */
async function teamsExecute(data: Record<string, unknown>): Promise<{ text: string; posted: number }> {
  seq += 1;
  const before = connector.calls.length;
  const activity = {
    type: 'invoke', name: 'adaptiveCard/action', id: `h13t-${seq}`, channelId: 'msteams', serviceUrl: connector.url, replyToId: `card-${seq}`,
    value: { action: { type: 'Action.Execute', verb: String(data.ta), data }, trigger: 'manual' },
    from: { id: '29:h13t-mallory', name: 'Mallory', aadObjectId: 'aad-h13t-mallory' }, recipient: { id: '28:bot' },
    conversation: { id: '19:h13t@thread.tacv2;messageid=1', conversationType: 'channel', tenantId: 't1' }, channelData: { tenant: { id: 't1' } },
  };
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const body = (await res.json()) as { type: string; value: unknown };
  expect(body.type).toBe('application/vnd.microsoft.activity.message');
  return { text: String(body.value), posted: connector.calls.length - before };
}

/** Deliveries of one reminder: the Slack deliverer tags each message with the reminder's idempotency key. */
const deliveriesOf = (reminderId: string) => slack.callsTo('chat.postMessage').filter((c) => JSON.stringify(c.args.metadata ?? null).includes(reminderId));

describe('who may act on a trip\'s reminders', () => {
  it('a Teams user, another Slack user and the playground cannot snooze or acknowledge a Slack traveller\'s briefing', async () => {
    const { trip, briefing } = await deliveredTrip();
    const refusal = "Only the traveller or the travel desk can change this trip's reminders. Nothing was changed.";

    const told = [
      await teamsPress({ ta: 'snooze', tripId: trip.id, reminderId: briefing, hours: 1 }),
      await teamsPress({ ta: 'ack', tripId: trip.id, reminderId: briefing }),
      // As Universal Actions in a channel: the refusal is the invoke's answer, and nothing is posted.
      await teamsExecute({ ta: 'snooze', tripId: trip.id, reminderId: briefing, hours: 1 }).then((x) => (x.posted ? `posted ${x.posted}` : x.text)),
      await teamsExecute({ ta: 'ack', tripId: trip.id, reminderId: briefing }).then((x) => (x.posted ? `posted ${x.posted}` : x.text)),
      await slackClick('U0H13TMALLORY', ACTION_IDS.snooze, { t: trip.id, r: briefing }),
      await slackClick('U0H13TMALLORY', ACTION_IDS.acknowledge, { t: trip.id, r: briefing }),
    ];
    const playground = await fetch(`${url}/playground/api/action`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'slack', actionId: ACTION_IDS.snooze, value: JSON.stringify({ t: trip.id, r: briefing }) }),
    });

    expect(await app.context.reminders.getTrip(trip.id)).toEqual(trip);
    expect(told).toEqual([refusal, refusal, refusal, refusal, `:no_entry: ${refusal}`, `:no_entry: ${refusal}`]);
    expect(playground.status).toBe(403);
    expect(((await playground.json()) as { error: string }).error).toBe(refusal);
  });

  it('a travel-desk member may snooze a traveller\'s briefing for them', async () => {
    const { trip, briefing } = await deliveredTrip();
    expect(await slackClick('U0H13TDESK', ACTION_IDS.snooze, { t: trip.id, r: briefing })).toBe(':zzz: Snoozed until <!date^1797325200^{date_short_pretty} at {time}|2026-12-15 09:00 UTC>.');
    expect((await app.context.reminders.getTrip(trip.id))!.reminders.find((r) => r.id === briefing)).toMatchObject({ status: 'scheduled', dueAt: '2026-12-15T09:00:00.000Z' });
  });

  it('once acknowledged, the traveller\'s own Snooze does not re-arm the reminder', async () => {
    const { trip, briefing } = await deliveredTrip();
    expect(await slackClick(VICTIM, ACTION_IDS.acknowledge, { t: trip.id, r: briefing })).toMatch(/^:white_check_mark: Thanks/);
    const acknowledged = (await app.context.reminders.getTrip(trip.id))!;
    expect(deliveriesOf(briefing)).toHaveLength(1);

    const told = await slackClick(VICTIM, ACTION_IDS.snooze, { t: trip.id, r: briefing });
    clock.now = new Date('2026-12-16T09:00:00Z');
    await app.context.reminders.runDue!(clock.now);
    clock.now = new Date('2026-12-14T09:00:00Z');

    expect(told).toBe(':no_entry: This checklist was already marked as done, so there is nothing to snooze. Nothing was changed.');
    expect((await app.context.reminders.getTrip(trip.id))!.reminders.find((r) => r.id === briefing)).toEqual(acknowledged.reminders.find((r) => r.id === briefing));
    expect(deliveriesOf(briefing)).toHaveLength(1);
  });
});
