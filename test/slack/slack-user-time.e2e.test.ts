/**
 * A Slack user in Asia/Bishkek lives on Bishkek time, end to end through the real
 * server, signed Slack requests and the Slack API double (whose users.info gives their
 * `tz`): at 02:00 on a Monday in Bishkek (still Sunday in UTC) "next week" is the week
 * after, while a user Slack gives no zone for gets DEFAULT_TIMEZONE (UTC); the
 * "reminders set" confirmation, the Home tab and the snooze confirmation write each
 * instant as a Slack date token whose fallback is Bishkek time; and users.info is asked
 * once, then the cached zone is used.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startSlackApiDouble, type SlackApiDouble } from '../doubles/slack-api-double.js';
import { fixture, postEvent, postInteraction } from './slack-requests.js';

const SECRET = 'user-time-e2e-signing-secret-0123456789';
/** Sunday 20:00 UTC is Monday 02:00 in Bishkek (UTC+6). */
const clock = { now: new Date('2026-11-29T20:00:00Z') };
const BISHKEK = 'U0BISHKEK';
const NO_ZONE = 'U0NOZONE';

type Element = { action_id?: string; value?: string; text?: { text: string } | string };
type Block = { type: string; text?: { text: string }; elements?: Element[] };

let double: SlackApiDouble;
let app: App;
let eventsUrl: string;
let dataDir: string;
let seq = 0;

beforeAll(async () => {
  double = await startSlackApiDouble({ timeZones: { [BISHKEK]: 'Asia/Bishkek' } });
  dataDir = mkdtempSync(join(tmpdir(), 'slack-time-'));
  const config = loadConfig({
    PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', PLAYGROUND: 'off', DEFAULT_TIMEZONE: 'UTC',
    SLACK_BOT_TOKEN: 'xoxb-time-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: double.apiUrl,
  });
  app = createApp({ config, clock: () => clock.now, logger: silentLogger });
  eventsUrl = `${(await app.start()).url}/slack/events`;
});

afterAll(async () => {
  await app?.stop();
  await double?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function ask(user: string, text: string): Promise<Block[]> {
  seq += 1;
  const body = fixture<{ event: Record<string, unknown>; event_id: string }>('app-mention');
  const ts = `1764400${String(seq).padStart(3, '0')}.000100`;
  Object.assign(body.event, { user, text: `<@UBOT0001> ${text}`, ts, event_ts: ts });
  body.event_id = `Ev0TIME${String(seq).padStart(6, '0')}`;
  expect((await postEvent(eventsUrl, SECRET, body)).status).toBe(200);
  return (await double.waitFor('chat.postMessage', (c) => c.args.thread_ts === ts)).args.blocks as Block[];
}

const buttonIn = (blocks: Block[], title: string) =>
  blocks.flatMap((b) => b.elements ?? []).find((e) => (typeof e.text === 'object' ? e.text.text : e.text) === title)!;

/** Presses one of our buttons as `user`; resolves with what only they were told. */
async function press(user: string, button: Element): Promise<string> {
  seq += 1;
  const body = fixture<Record<string, unknown>>('block-actions');
  Object.assign(body, {
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T0001' },
    actions: [{ type: 'button', action_id: button.action_id, block_id: 'b', text: { type: 'plain_text', text: 'button' }, value: button.value, action_ts: `17644005${seq}.000001` }],
    response_url: double.responseUrl(`time-${seq}`),
  });
  const before = double.calls.length;
  expect((await postInteraction(eventsUrl, SECRET, body)).status).toBe(200);
  return String((await double.waitFor('chat.postEphemeral', (c) => c.args.user === user && double.calls.indexOf(c) >= before)).args.text);
}

const token = (iso: string, fallback: string) => `<!date^${Date.parse(iso) / 1000}^{date_short_pretty} at {time}|${fallback}>`;

describe('a Slack user in Asia/Bishkek', () => {
  it('gets "next week" in their own zone; a user without a zone gets DEFAULT_TIMEZONE', async () => {
    const mine = await ask(BISHKEK, 'travelling to Kyrgyzstan next week');
    expect(JSON.stringify(mine)).toContain(':date: Trip: 2026-12-07');
    expect(JSON.parse(buttonIn(mine, 'Remind me before I go').value!)).toMatchObject({ s: '2026-12-07' });
    const theirs = await ask(NO_ZONE, 'travelling to Kyrgyzstan next week');
    expect(JSON.stringify(theirs)).toContain(':date: Trip: 2026-11-30');
  });

  it('sees the reminders it set, and its Home tab, in Bishkek time', async () => {
    const blocks = await ask(BISHKEK, 'Kyrgyzstan next week, reminders please');
    const told = await press(BISHKEK, buttonIn(blocks, 'Remind me before I go'));
    expect(told).toBe(
      `:white_check_mark: Trip to Kyrgyzstan from 2026-12-07 saved. I will remind you: pre-trip briefing ${token('2026-11-30T09:00:00Z', '2026-11-30 15:00 GMT+6')}, ` +
        `day-before check ${token('2026-12-06T09:00:00Z', '2026-12-06 15:00 GMT+6')}.`,
    );
    const home = await double.waitFor('views.publish', (c) => (c.args.user_id as string) === BISHKEK);
    expect(JSON.stringify(home.args.view)).toContain(`Pre-trip briefing: ${token('2026-11-30T09:00:00Z', '2026-11-30 15:00 GMT+6')} (scheduled)`);
  });

  it('snoozes the delivered briefing and reads the new time in Bishkek time', async () => {
    clock.now = new Date('2026-11-30T09:00:00Z');
    expect(await app.context.reminders.runDue!(clock.now)).toMatchObject({ sent: 1 });
    const briefing = double.callsTo('chat.postMessage').find((c) => c.args.channel === BISHKEK)!;
    const told = await press(BISHKEK, buttonIn(briefing.args.blocks as Block[], 'Snooze'));
    expect(told).toBe(`:zzz: Snoozed until ${token('2026-12-01T09:00:00Z', '2026-12-01 15:00 GMT+6')}.`);
  });

  it('asked Slack for the zone once and used the cached one since', () => {
    expect(double.callsTo('users.info').filter((c) => c.args.user === BISHKEK)).toHaveLength(1);
    expect(double.callsTo('users.info').filter((c) => c.args.user === NO_ZONE)).toHaveLength(1);
  });
});
