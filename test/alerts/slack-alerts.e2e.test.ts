/**
 * Risk-change alerts end to end through Slack, with no Slack: the real server from
 * createApp over a copy of content/, the real Web API client talking to the Slack API
 * double, SQLite in a temp dir. A desk books a trip for next week to Kazakhstan; the
 * content raises Kazakhstan from high to severe; POST /api/content/reload swaps the new
 * content in and the traveller gets exactly one DM naming the change, why (the basis,
 * with sources) and what to do; the Slack door answers from the new content at once; a
 * second reload of the same content sends nothing; the desk sees who was told (`/travel-desk
 * alerts`, GET /api/alerts); a broken content directory is refused with file:line and the
 * content already served goes on serving.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { ALERT_METADATA_EVENT } from '../../src/channels/slack/create-slack-deliverer.js';
import { startSlackApiDouble, type SlackApiDouble } from '../doubles/slack-api-double.js';
import { fixture, postCommand, postEvent } from '../slack/slack-requests.js';
import { copyContent, raiseKazakhstan, type ContentCopy } from './alerts-harness.js';

const SECRET = 'alerts-e2e-signing-secret-0123456789';
const TOKEN = 'alerts-e2e-desk-token-4f9c2b7e1d';
const clock = { now: new Date('2026-11-23T10:00:00Z') };
let double: SlackApiDouble;
let app: App;
let base: string;
let dataDir: string;
let copy: ContentCopy;
let seq = 0;

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${base}${path}`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...init.headers } });
const alertsTo = (user: string) =>
  double.callsTo('chat.postMessage').filter((c) => c.args.channel === user && (c.args.metadata as { event_type?: string } | undefined)?.event_type === ALERT_METADATA_EVENT);

async function reload(): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await api('/api/content/reload', { method: 'POST' });
  const body = (await res.json()) as Record<string, unknown>;
  await app.context.alerts!.idle();
  return { status: res.status, body };
}

async function desk(text: string): Promise<string> {
  const id = `alerts-desk-${++seq}`;
  const body = { ...fixture<Record<string, string>>('slash-command'), command: '/travel-desk', user_id: 'U0DESK', text, response_url: double.responseUrl(id) };
  expect((await postCommand(`${base}/slack/events`, SECRET, body)).status).toBe(200);
  return String((await double.waitFor('response_url', (c) => c.responseId === id)).args.text);
}

/** A DM to the bot, and the answer's blocks as JSON. */
async function askInDm(text: string): Promise<string> {
  const ts = `1763899${String(++seq).padStart(3, '0')}.000100`;
  const body = fixture<{ event: Record<string, unknown>; event_id: string }>('message-im');
  Object.assign(body.event, { text, user: 'U0ASK', ts, event_ts: ts });
  body.event_id = `Ev0ALERTS${seq}`;
  await postEvent(`${base}/slack/events`, SECRET, body);
  const answer = await double.waitFor('chat.postMessage', (c) => c.args.thread_ts === ts && Array.isArray(c.args.blocks));
  return JSON.stringify(answer.args.blocks);
}

beforeAll(async () => {
  double = await startSlackApiDouble({ usergroups: { S0DESK: ['U0DESK'] } });
  dataDir = mkdtempSync(join(tmpdir(), 'alerts-e2e-'));
  copy = copyContent();
  const config = loadConfig({
    PORT: '0', DATA_DIR: dataDir, CONTENT_DIR: copy.dir, LOG_LEVEL: 'silent', PLAYGROUND: 'off',
    SLACK_BOT_TOKEN: 'xoxb-alerts-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: double.apiUrl,
    SLACK_TRAVEL_DESK_USERGROUP: 'S0DESK', TRAVEL_DESK_API_TOKEN: TOKEN,
  });
  app = createApp({ config, clock: () => clock.now, logger: silentLogger });
  base = (await app.start()).url;
  // The first start records the content as seen.
  await app.context.alerts!.idle();
});

afterAll(async () => {
  await app?.stop();
  await double?.close();
  copy?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('risk-change alerts through Slack', () => {
  it("tells the traveller going to Kazakhstan next week, once, when the reloaded content raises its level", async () => {
    const res = await api('/api/trips', { method: 'POST', body: JSON.stringify({ traveller: { slackUserId: 'U0KAT' }, destinations: ['Kazakhstan'], start: '2026-11-30', end: '2026-12-04' }) });
    expect(res.status).toBe(201);
    expect(await askInDm('travelling to Kazakhstan next week')).toContain('Kazakhstan: at least high (level 3 of 4)');

    raiseKazakhstan(copy);
    const { status, body } = await reload();
    expect(status).toBe(200);
    expect(body).toMatchObject({
      reloaded: true,
      content: { countries: expect.any(Number), destinations: 250 },
      alerts: { baseline: false, trips: 1, changes: [{ countryCode: 'KZ', countryName: 'Kazakhstan', changes: ['KZ level 3→4', 'KZ new key actions: physical-book-with-security-team'] }] },
    });

    const [alert, ...more] = alertsTo('U0KAT');
    expect(more).toEqual([]);
    const text = String(alert!.args.text);
    expect(text).toContain('Risk update for your trip to Kazakhstan (2026-11-30 to 2026-12-04)');
    expect(text).toContain('The surveillance risk level went up from at least high (level 3 of 4) to severe (level 4 of 4).');
    expect(text).toMatch(/Why:\n- .*Sources: .*<https:\/\//);
    expect(text).toMatch(/New key action: .+/);
    const blocks = JSON.stringify(alert!.args.blocks);
    expect(blocks).toContain('Do these first');
    expect(blocks).toContain('Why this level');
    expect(blocks).toMatch(/<https?:\/\/[^|]+\|[^>]+>/);

    // Every door reads the new content at once.
    expect(await askInDm('travelling to Kazakhstan next week')).toContain('Kazakhstan: level 4 of 4, severe');
  });

  it('sends nothing when the same content is reloaded again', async () => {
    const { status, body } = await reload();
    expect(status).toBe(200);
    expect(body.alerts).toMatchObject({ changes: [], trips: 0 });
    expect(alertsTo('U0KAT')).toHaveLength(1);
  });

  it('shows the desk who was told, in Slack and in the API, without message text', async () => {
    expect(await desk('alerts')).toMatch(/^Risk-change alerts \(1: told 1, failed 0, in progress 0\):\n• <@U0KAT>: KZ level 3→4; KZ new key actions: physical-book-with-security-team: told /);
    const res = await api('/api/alerts');
    expect(res.status).toBe(200);
    const { alerts } = (await res.json()) as { alerts: Array<Record<string, unknown>> };
    expect(alerts).toEqual([
      expect.objectContaining({ traveller: { slackUserId: 'U0KAT' }, state: 'sent', changes: ['KZ level 3→4', 'KZ new key actions: physical-book-with-security-team'] }),
    ]);
    expect(JSON.stringify(alerts)).not.toMatch(/Risk update|surveillance risk level/);
  });

  it('refuses a broken content directory with file:line, and keeps serving the content it had', async () => {
    const kz = copy.read('countries/kz.md');
    copy.write('countries/kz.md', kz.replace('  interception-law:\n    status: present', '  interception-law:\n    status: perhaps'));
    const { status, body } = await reload();
    expect(status).toBe(422);
    expect(body.error).toMatch(/^content not reloaded: 1 problem in the content files; the old content keeps serving/);
    expect(body.details).toEqual([expect.stringMatching(/^countries\/kz\.md:\d+: .*status/)]);
    expect(await askInDm('travelling to Kazakhstan next week')).toContain('Kazakhstan: level 4 of 4, severe');
    expect(alertsTo('U0KAT')).toHaveLength(1);
    copy.write('countries/kz.md', kz);
  });

  it('takes a reload only with the travel-desk token', async () => {
    const res = await fetch(`${base}/api/content/reload`, { method: 'POST', headers: { authorization: 'Bearer not-the-token-at-all' } });
    expect(res.status).toBe(401);
  });
});
