/**
 * Every button the playground draws does what it does in Slack or Teams, over real
 * HTTP against the real app (SQLite in a temp dir, injected clock): Slack's "Full
 * checklist" and "Why this level" return the modal the Slack door opens (the same
 * view, every page reachable with "Next page", every checklist item in it); a
 * 13-country trip's Teams card asks the bot for follow-up cards and gets them; the
 * /travel answer is private with "Share in channel", and Share returns the message
 * posted for everyone; a Teams reminder card is replaced by its outcome. It also proves
 * the newcomer's refusals: a message of spaces or over the length limit is refused
 * with the reason, and the Reminders form refuses a code that is no ISO country.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { MAX_MESSAGE_CHARS } from '../../src/advisor/validate-message.js';
import { ACTION_IDS } from '../../src/channels/slack/actions.js';
import { detailsView } from '../../src/channels/slack/render/details-view.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const THIRTEEN =
  'Business trip to Russia, Belarus, Kazakhstan, Kyrgyzstan, Uzbekistan, Tajikistan, Turkmenistan, Azerbaijan, Armenia, China, Iran, Mongolia and Monaco 1-20 March';
let app: App;
let base: string;
let dataDir: string;

async function post(path: string, body: unknown) {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as any };
}

const slackButtons = (message: any): any[] => message.blocks.flatMap((b: any) => b.elements ?? (b.accessory ? [b.accessory] : []));
const slackButton = (message: any, label: string) => slackButtons(message).find((e: any) => e.text?.text === label);
const press = (button: any) => post('/playground/api/action', { platform: 'slack', actionId: button.action_id, value: button.value });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'playground-buttons-'));
  app = createApp({ config: loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), clock: () => NOW });
  base = (await app.start()).url.replace('localhost', '127.0.0.1');
});

afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('playground buttons and refusals', () => {
  it('opens Slack\'s "Full checklist" and "Why this level" as the modal the Slack door opens, every page and item reachable', async () => {
    const { json: asked } = await post('/playground/api/ask', { text: THIRTEEN });
    const answerCodes = asked.answer.destinations.map((d: any) => d.countryCode);
    expect(answerCodes).toHaveLength(13);

    const opened = await press(slackButton(asked.slack, 'Full checklist'));
    expect(opened.status).toBe(200);
    expect(opened.json).toMatchObject({ action: 'details', platform: 'slack', detail: 'checklist', modal: { title: 'Full checklist', close: 'Close' } });
    // The very view the Slack door passes to views.open (content rebuilt without a summary, as the door does).
    const fresh = await app.context.advisor.answerForCountries(answerCodes, { summary: false });
    expect(opened.json.modal.view).toEqual(JSON.parse(JSON.stringify(detailsView('checklist', fresh, 1))));

    // Page through with the modal's own "Next page" buttons: every checklist item of the trip appears.
    const seen: string[] = [opened.json.modal.html];
    let modal = opened.json.modal;
    for (let guard = 0; guard < 20; guard++) {
      const next = modal.view.blocks.flatMap((b: any) => b.elements ?? []).find((e: any) => e.text?.text === 'Next page');
      if (!next) break;
      const paged = await press(next);
      expect(paged.status).toBe(200);
      modal = paged.json.modal;
      seen.push(modal.html);
    }
    const html = seen.join('\n');
    for (const item of fresh.checklist) expect(html).toContain(item.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').slice(0, 40));

    const why = await press(slackButton(asked.slack, 'Why this level'));
    expect(why.json).toMatchObject({ action: 'details', platform: 'slack', detail: 'why', modal: { title: 'Why this level' } });
    expect(why.json.modal.html).toContain('Russia');
    // Codes come back from the page: one the content base does not know is refused, as the doors refuse it.
    const stale = await post('/playground/api/action', { platform: 'slack', actionId: ACTION_IDS.why, value: JSON.stringify({ d: ['ZZ'] }) });
    expect(stale).toEqual({ status: 404, json: { error: 'That button no longer works; ask about the trip again.' } });
  });

  it('pages a "Why this level" modal longer than Slack\'s 100 view blocks with the view\'s own Next and Previous page buttons', async () => {
    // A button may carry up to 60 destinations (detailsValueSchema); 20 assessed countries need more than one view.
    const codes = [...app.context.advisor.content.countries.keys()].slice(0, 20);
    const first = await post('/playground/api/action', { platform: 'slack', actionId: ACTION_IDS.why, value: JSON.stringify({ d: codes }) });
    const fresh = await app.context.advisor.answerForCountries(codes, { summary: false });
    expect(first.json.modal.view).toEqual(JSON.parse(JSON.stringify(detailsView('why', fresh, 1))));
    const buttonsOf = (modal: any) => modal.view.blocks.flatMap((b: any) => b.elements ?? []).filter((e: any) => e.type === 'button');
    expect(first.json.modal.html).toMatch(/Page 1 of [2-9]/);
    const next = buttonsOf(first.json.modal).find((e: any) => e.text.text === 'Next page');
    const second = await press(next);
    expect(second.json.modal.html).toMatch(/Page 2 of [2-9]/);
    expect(second.json.modal.view).toEqual(JSON.parse(JSON.stringify(detailsView('why', fresh, 2))));
    const back = await press(buttonsOf(second.json.modal).find((e: any) => e.text.text === 'Previous page'));
    expect(back.json.modal.view).toEqual(first.json.modal.view);
  });

  it('a 13-country Teams card asks the bot for follow-up cards, and every Teams button is one the door knows', async () => {
    const { json: asked } = await post('/playground/api/ask', { text: THIRTEEN });
    const actions = asked.teams.actions as any[];
    expect(actions.map((a) => a.title)).toEqual(['Remind me before I go', "I've done the checklist", 'Full checklist', 'Why this level']);
    // The card the bot sends (answerToActivity): too large to hold the details, so they are follow-up requests.
    const checklist = actions.find((a) => a.title === 'Full checklist');
    expect(checklist).toMatchObject({ type: 'Action.Execute', verb: 'details', data: { ta: 'details', kind: 'checklist' }, fallback: { type: 'Action.Submit' } });
    const followUps = await post('/playground/api/action', { platform: 'teams', value: checklist.data });
    expect(followUps.json).toMatchObject({ action: 'details', platform: 'teams', detail: 'checklist' });
    expect(followUps.json.cards.length).toBeGreaterThanOrEqual(1);
    const cardsText = JSON.stringify(followUps.json.cards);
    for (const item of asked.answer.checklist) expect(cardsText).toContain(JSON.stringify(item.text).slice(1, 41));
    const why = await post('/playground/api/action', { platform: 'teams', value: actions.find((a) => a.title === 'Why this level').data });
    expect(JSON.stringify(why.json.cards)).toContain('Monaco');
    // No button on the card is reported as unknown.
    for (const action of actions.filter((a) => a.type === 'Action.Execute' || a.type === 'Action.Submit')) {
      const pressed = await post('/playground/api/action', { platform: 'teams', value: action.data });
      expect(pressed.json.action, action.title).not.toBe('unsupported');
    }
  });

  it('answers as /travel privately with "Share in channel", and Share returns the message posted for everyone', async () => {
    const { json: asked } = await post('/playground/api/ask', { text: 'travelling to Kyrgyzstan next week', via: 'travel-command' });
    expect(asked.slackEphemeral).toBe(true);
    const share = slackButton(asked.slack, 'Share in channel');
    expect(share.action_id).toBe(ACTION_IDS.share);
    const plain = await post('/playground/api/ask', { text: 'travelling to Kyrgyzstan next week' });
    expect(plain.json.slackEphemeral).toBe(false);
    expect(slackButton(plain.json.slack, 'Share in channel')).toBeUndefined();

    const shared = await press(share);
    expect(shared.status).toBe(200);
    expect(shared.json.action).toBe('share');
    expect(shared.json.slackHtml).toContain('@local-test-user');
    expect(shared.json.slackHtml).toContain('shared this travel advice');
    expect(shared.json.slackHtml).toMatch(/Kyrgyzstan: (at least high \(level 3 of 4\)|level 3 of 4, high)/);
    expect(slackButton(shared.json.slack, 'Share in channel')).toBeUndefined();

    const gone = await post('/playground/api/action', { platform: 'slack', actionId: ACTION_IDS.share, value: JSON.stringify({ a: 'no-such-answer' }) });
    expect(gone).toEqual({ status: 404, json: { error: 'That answer has expired; ask again with /travel.' } });
  });

  it('replaces a Teams reminder card with its outcome after "I\'ve done the checklist" or "Snooze", as the bot does', async () => {
    const { json: made } = await post('/playground/api/reminders', { destinations: ['KG'], start: '2026-12-20', end: null });
    const trip = made.trip;
    const [first, second] = trip.reminders.filter((r: any) => r.status === 'scheduled');
    const snoozed = await post('/playground/api/action', { platform: 'teams', value: { ta: 'snooze', tripId: trip.id, reminderId: first.id, hours: 24 } });
    expect(snoozed.status).toBe(200);
    expect(JSON.stringify(snoozed.json.teams)).toContain('⏰ Snoozed until 2026-11-24 09:00 UTC.');
    expect(snoozed.json.teams.actions ?? []).toEqual([]);
    const acked = await post('/playground/api/action', { platform: 'teams', value: { ta: 'ack', tripId: trip.id, reminderId: second.id, countries: ['KG'] } });
    expect(JSON.stringify(acked.json.teams)).toContain('✅ Checklist done (recorded 2026-11-23).');
  });

  it('says why a message is not asked: only spaces, or longer than the limit (never cut)', async () => {
    const spaces = await post('/playground/api/ask', { text: '     ' });
    expect(spaces.status).toBe(400);
    expect(spaces.json.error).toMatch(/^The message is empty/);
    const long = await post('/playground/api/ask', { text: `travelling to Kyrgyzstan ${'x'.repeat(5000 - 25)}` });
    expect(long.status).toBe(400);
    expect(long.json.error).toBe(`The message is too long (5000 characters); the limit is ${MAX_MESSAGE_CHARS}.`);
  });

  it('refuses a Reminders-form country that is no ISO 3166-1 code, naming it, and plans none', async () => {
    const before = ((await (await fetch(`${base}/playground/api/reminders`)).json()) as any).trips.length;
    const xx = await post('/playground/api/reminders', { destinations: ['KG', 'XX'], start: '2026-12-01' });
    expect(xx.status).toBe(400);
    expect(xx.json.error).toBe('"XX" is not an ISO 3166-1 country code; use two letters such as KG for Kyrgyzstan');
    const two = await post('/playground/api/reminders', { destinations: ['QQ', 'XX'], start: '2026-12-01' });
    expect(two.json.error).toMatch(/^"QQ", "XX" are not ISO 3166-1 country codes/);
    expect(((await (await fetch(`${base}/playground/api/reminders`)).json()) as any).trips.length).toBe(before);
    // Kosovo has no ISO 3166-1 code of its own, but XK is the user-assigned code every list uses (the world table too).
    const xk = await post('/playground/api/reminders', { destinations: ['XK'], start: '2026-12-02' });
    expect(xk.status).toBe(201);
  });
});
