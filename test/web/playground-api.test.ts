/**
 * The playground's JSON API over real HTTP against the real app (SQLite in a temp
 * dir, injected clock): asking returns the Answer with the Slack and Teams
 * renderings (numeric dates read by the browser's language), the country browser lists scored countries, the rendered buttons
 * schedule reminders for the local test user that the web deliverer then receives,
 * PLAYGROUND=off removes the door, and the guard refuses other Host names,
 * cross-site writes and non-JSON posts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';

const NOW = new Date('2026-11-23T09:00:00Z');
let app: App;
let base: string;
let dataDir: string;

function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request(`${base}${path}`, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

async function post(path: string, body: unknown) {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as any };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'playground-api-'));
  app = createApp({ config: loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), clock: () => NOW });
  base = (await app.start()).url.replace('localhost', '127.0.0.1');
});

afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('playground API', () => {
  it('serves the page with a same-origin-only policy, and the Adaptive Cards bundle from node_modules', async () => {
    const root = await raw('/');
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/playground/');
    const page = await raw('/playground/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Travel advisor playground</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'; script-src 'self'");
    const vendor = await raw('/playground/vendor/adaptivecards.min.js');
    expect(vendor.status).toBe(200);
    expect(vendor.headers['content-type']).toContain('text/javascript');
    expect(vendor.body).toContain('AdaptiveCards');
    expect((await raw('/playground/..%2Fpackage.json')).status).toBe(404);
    expect((await raw('/playground/nope.js')).status).toBe(404);
  });

  it('answers a message with the Answer, the Slack message and its HTML, and the Adaptive Card', async () => {
    const { status, json } = await post('/playground/api/ask', { text: 'travelling to Kyrgyzstan next week', timeZone: 'Asia/Bishkek' });
    expect(status).toBe(200);
    expect(json.answer.destinations[0]).toMatchObject({ countryCode: 'KG', coverage: 'assessed', risk: { level: 3, label: 'high' } });
    expect(json.answer.trip.start).toBe('2026-11-30');
    expect(json.slack.blocks.some((b: any) => b.type === 'header' && b.text.text.includes('Kyrgyzstan'))).toBe(true);
    expect(json.slackHtml).toMatch(/Kyrgyzstan: (at least high \(level 3 of 4\)|level 3 of 4, high)/);
    expect(json.slackHtml).toContain('Why this level');
    expect(json.teams).toMatchObject({ type: 'AdaptiveCard' });
    expect(json.problems).toEqual({});
  });

  it('reads numeric dates by the browser\'s language: "Tbilisi 4/12" is 4 December for en-GB, 12 April for en-US in New York', async () => {
    const gb = await post('/playground/api/ask', { text: 'Tbilisi 4/12', timeZone: 'Europe/London', locale: 'en-GB' });
    expect(gb.json.answer.trip.start).toBe('2026-12-04');
    const us = await post('/playground/api/ask', { text: 'Tbilisi 4/12', timeZone: 'America/New_York', locale: 'en-US' });
    expect(us.json.answer.trip.start).toBe('2027-04-12');
    // An unusable language is ignored, not an error.
    const bad = await post('/playground/api/ask', { text: 'Tbilisi 4/12', locale: '!!' });
    expect(bad.status).toBe(200);
  });

  it('says what is wrong with a message the advisor refuses', async () => {
    const { status, json } = await post('/playground/api/ask', { text: '   ' });
    expect(status).toBe(400);
    expect(json.error).toContain('The message is empty');
    expect((await post('/playground/api/ask', { nope: 1 })).status).toBe(400);
  });

  it('lists all 250 countries with tier, level, indicators and review date, and answers for any of them', async () => {
    const { json } = await (await fetch(`${base}/playground/api/countries`)).json().then((j) => ({ json: j as any }));
    const kg = json.countries.find((c: any) => c.code === 'KG');
    expect(kg).toMatchObject({ name: 'Kyrgyzstan', tier: 'assessed', level: 3, label: 'high', review: 'draft' });
    expect(kg.indicators.filter((i: any) => i.status === 'present').map((i: any) => i.id)).toContain('interception-systems');
    expect(kg.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(json.countries.length).toBe(250);
    expect(new Set(json.countries.map((c: any) => c.tier))).toEqual(new Set(['assessed', 'screened', 'not-assessed']));
    const one = await (await fetch(`${base}/playground/api/countries/kz`)).json();
    expect((one as any).answer.destinations[0].countryCode).toBe('KZ');
    expect((await fetch(`${base}/playground/api/countries/ZZ`)).status).toBe(404);
  });

  it('shows a country nothing is known about as not assessed, in neutral grey, in every rendering', async () => {
    const one = (await (await fetch(`${base}/playground/api/countries/BV`)).json()) as any;
    const d = one.answer.destinations[0];
    expect(d).toMatchObject({ countryCode: 'BV', coverage: 'not-assessed', risk: { label: 'elevated', floor: true } });
    expect(one.slackHtml).toContain('Bouvet Island: not assessed: treated as elevated (level 2 of 4)');
    expect(one.slackHtml).toContain('⚪');
    expect(one.slackHtml).not.toMatch(/🟢|🟡/);
    expect(one.slackHtml).not.toMatch(/baseline|normal travel security habits/i);
    expect(JSON.stringify(one.teams)).toContain('"style":"emphasis"');
    expect(JSON.stringify(one.teams)).toContain('Surveillance risk: not assessed: treated as elevated (level 2 of 4)');
    // A screened country says so; what its level rests on, with the advisory as context, is one click away ("Why this level").
    const kp = (await (await fetch(`${base}/playground/api/countries/KP`)).json()) as any;
    expect(kp.answer.destinations[0].coverage).toBe('screened');
    expect(kp.slackHtml).toContain('North Korea: at least high (level 3 of 4)');
    expect(kp.slackHtml).toContain('has been screened, not assessed');
    expect(kp.slackHtml).toContain('Why this level');
    const why = kp.teams.actions.find((a: any) => a.title === 'Why this level');
    expect(why.type).toBe('Action.ShowCard');
    expect(JSON.stringify(why.card)).toContain('general safety, not surveillance');
  });

  it('schedules reminders from the rendered Slack and Teams buttons, and the web deliverer receives them', async () => {
    const { json: asked } = await post('/playground/api/ask', { text: 'travelling to Kyrgyzstan next week' });
    const slackButton = asked.slack.blocks.flatMap((b: any) => b.elements ?? []).find((e: any) => e.text?.text === 'Remind me before I go');
    const slack = await post('/playground/api/action', { platform: 'slack', actionId: slackButton.action_id, value: slackButton.value });
    expect(slack.status).toBe(201);
    expect(slack.json.trip).toMatchObject({ destinations: ['KG'], start: '2026-11-30', source: 'playground', traveller: { platform: 'web', userId: 'local-test-user' } });

    const teamsButton = asked.teams.actions.find((a: any) => a.title === 'Remind me before I go');
    const teams = await post('/playground/api/action', { platform: 'teams', value: teamsButton.data });
    expect(teams.json.trip.id).toBe(slack.json.trip.id);
    // The card the Teams button was on comes back redrawn with its state, as the bot's updateActivity does.
    expect(JSON.stringify(teams.json.teams)).toContain('Reminders set');
    expect(slack.json.teams).toBeNull();

    const listed = async () => (await (await fetch(`${base}/playground/api/reminders`)).json()) as any;
    expect((await listed()).trips.map((t: any) => t.id)).toEqual([slack.json.trip.id]);
    // The briefing is due at once (the trip starts in 7 days); the scheduler hands it to the web deliverer.
    await expect.poll(async () => (await listed()).delivered.map((d: any) => d.kind), { timeout: 20_000 }).toContain('briefing');
    expect((await listed()).delivered[0].destinations[0]).toMatchObject({ countryCode: 'KG', level: 3 });

    // The delivered reminder, drawn as the Slack and Teams deliverers send it, with working buttons.
    const reminderId = (await listed()).delivered[0].reminderId;
    const shown = (await (await fetch(`${base}/playground/api/reminders/delivered/${reminderId}`)).json()) as any;
    expect(shown.slackHtml).toContain('Pre-trip briefing');
    expect(JSON.stringify(shown.teams)).toContain('pre-trip security briefing');
    expect((await fetch(`${base}/playground/api/reminders/delivered/nope`)).status).toBe(404);

    const ack = await post('/playground/api/action', { platform: 'slack', actionId: 'travel_checklist_done', value: JSON.stringify({ d: ['KG'] }) });
    expect(ack.json.action).toBe('acknowledge');
    expect(ack.json.trip.acknowledgedAt).not.toBeNull();
    const snoozeButton = shown.slack.blocks.flatMap((b: any) => b.elements ?? []).find((e: any) => e.text?.text === 'Snooze');
    // The briefing was just acknowledged: Snooze no longer re-arms it (409, nothing changed).
    const snoozed = await post('/playground/api/action', { platform: 'slack', actionId: snoozeButton.action_id, value: snoozeButton.value });
    expect(snoozed.status).toBe(409);
    expect(snoozed.json.error).toMatch(/already marked as done/);

    const suggestion = await post('/playground/api/action', { platform: 'teams', value: { msteams: { type: 'imBack', value: 'Tell me about Kazakhstan' } } });
    expect(suggestion.json).toEqual({ action: 'message', text: 'Tell me about Kazakhstan' });

    const cancelled = await post(`/playground/api/reminders/${slack.json.trip.id}/cancel`, {});
    expect(cancelled.json.trip.reminders.map((r: any) => r.status)).not.toContain('scheduled');
    expect(cancelled.json.trip.reminders.map((r: any) => r.status)).toContain('cancelled');
  });

  it('refuses a non-loopback Host name, a cross-site write and a non-JSON post', async () => {
    expect((await raw('/playground/', { headers: { host: 'attacker.example' } })).status).toBe(403);
    const cross = await raw('/playground/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://attacker.example' },
      body: JSON.stringify({ text: 'help' }),
    });
    expect(cross.status).toBe(403);
    const form = await raw('/playground/api/reminders', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'destinations=KG&start=2026-12-01',
    });
    expect(form.status).toBe(415);
  });

  it('is not there at all with PLAYGROUND=off', async () => {
    const off = createApp({ config: loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', PLAYGROUND: 'off' }), clock: () => NOW });
    expect(off.doors.map((d) => d.name)).not.toContain('web');
    const url = (await off.start()).url.replace('localhost', '127.0.0.1');
    try {
      expect((await fetch(`${url}/playground/`)).status).toBe(404);
      expect((await fetch(`${url}/`, { redirect: 'manual' })).status).toBe(404);
    } finally {
      await off.stop();
    }
  });
});
