/**
 * The Slack door end to end, with no Slack: the real server from createApp, requests
 * signed and shaped exactly as Slack sends them, and the real Web API client (inside
 * Bolt) talking to a local Slack API double over HTTP. Proves that a mention, a DM
 * and /travel produce a first message that fits one screen in the recorded Web API
 * calls, that the buttons do what they say (Full checklist and Why this level open
 * modals with everything, paged, or messages when a modal cannot open, for one country
 * and for thirteen), that the App Home and the agent view are set, that
 * retries and bot messages do not produce answers, that 429 Retry-After is honoured,
 * and that unsigned, wrongly signed or stale requests get 401 and never reach the
 * advisor.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { buildAdvisor } from '../../src/app/build-advisor.js';
import type { Advisor } from '../../src/advisor/create-advisor.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startSlackApiDouble, type RecordedCall, type SlackApiDouble } from '../doubles/slack-api-double.js';
import { fixture, postCommand, postEvent, postInteraction } from './slack-requests.js';
import { METHOD_SCOPES } from './slack-manifest-schema.js';
import { FIRST_SCREEN } from '../../src/channels/slack/limits.js';
import { visibleLength } from '../../src/channels/slack/render/visible-text.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const SECRET = 'e2e-signing-secret-0123456789abcdef';
const NOW = new Date('2026-11-23T10:00:00Z');

type Block = { type: string; text?: { text: string }; elements?: Array<{ text?: string | { text: string }; action_id?: string; value?: string }> };

let double: SlackApiDouble;
let app: App;
let eventsUrl: string;
let dataDir: string;
let asks = 0;
let eventSeq = 0;

function blockText(blocks: Block[]): string {
  return blocks
    .map((b) => [b.text?.text ?? '', ...(b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : (e.text?.text ?? '')))].join('\n'))
    .join('\n');
}

function buttons(blocks: Block[]): Array<{ action_id: string; value: string; text: string }> {
  return blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .map((e) => ({ action_id: e.action_id!, value: e.value!, text: typeof e.text === 'string' ? e.text : e.text!.text }));
}

function mention(text: string, extra: Record<string, unknown> = {}) {
  const body = fixture<{ event: Record<string, unknown>; event_id: string }>('app-mention');
  eventSeq += 1;
  const ts = `1763890${String(eventSeq).padStart(3, '0')}.000100`;
  body.event_id = `Ev0E2E${String(eventSeq).padStart(6, '0')}`;
  Object.assign(body.event, { text: `<@UBOT0001> ${text}`, ts, event_ts: ts, ...extra });
  return body;
}

function dm(text: string, extra: Record<string, unknown> = {}) {
  const body = fixture<{ event: Record<string, unknown>; event_id: string }>('message-im');
  eventSeq += 1;
  const ts = `1763891${String(eventSeq).padStart(3, '0')}.000200`;
  body.event_id = `Ev0DM${String(eventSeq).padStart(7, '0')}`;
  Object.assign(body.event, { text, ts, event_ts: ts, ...extra });
  return body;
}

function click(button: { action_id: string; value: string; text: string }, message: { ts: string; thread_ts?: string } | null, responseId: string) {
  const body = fixture<Record<string, unknown>>('block-actions');
  body.actions = [
    { action_id: button.action_id, block_id: 'travel_answer_actions', text: { type: 'plain_text', text: button.text, emoji: true }, value: button.value, type: 'button', action_ts: '1763890300.123456' },
  ];
  body.response_url = double.responseUrl(responseId);
  if (message) {
    body.message = { ...(body.message as object), ts: message.ts, thread_ts: message.thread_ts };
    body.container = { type: 'message', message_ts: message.ts, channel_id: 'C0TRAVEL01', is_ephemeral: false, thread_ts: message.thread_ts };
  } else {
    delete body.message;
    body.container = { type: 'message', message_ts: '1763890400.000500', channel_id: 'C0TRAVEL01', is_ephemeral: true };
  }
  return body;
}

async function answerFor(ts: string): Promise<RecordedCall> {
  return double.waitFor('chat.postMessage', (c) => c.args.thread_ts === ts);
}

beforeAll(async () => {
  double = await startSlackApiDouble({ users: { 'traveller@example.com': 'U0TRAVELER' } });
  dataDir = mkdtempSync(join(tmpdir(), 'slack-e2e-'));
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PLAYGROUND: 'off',
    SLACK_BOT_TOKEN: 'xoxb-e2e-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: double.apiUrl,
  });
  const real = buildAdvisor(config, { clock: () => NOW });
  const advisor: Advisor = {
    content: real.content,
    understand: real.understand,
    answerForCountries: real.answerForCountries,
    ask: (text, options) => {
      asks += 1;
      return real.ask(text, options);
    },
  };
  app = createApp({ config, advisor, clock: () => NOW, logger: silentLogger });
  const running = await app.start();
  eventsUrl = `${running.url}/slack/events`;
});

afterAll(async () => {
  await app?.stop();
  await double?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Slack door', () => {
  it('answers a mention in a thread with a first message that fits one screen: level, key actions with the loaner device, short summary, buttons', async () => {
    const body = mention('travelling to Kyrgyzstan next week');
    const res = await postEvent(eventsUrl, SECRET, body);
    expect(res.status).toBe(200);
    const ts = body.event.ts as string;
    const post = await answerFor(ts);
    expect(post.token).toBe('xoxb-e2e-token');
    // The answer goes as Slack's JSON body (create-slack-poster.ts), not the Web API client's form.
    expect(post.contentType).toBe('application/json; charset=utf-8');
    expect(post.args.channel).toBe('C0TRAVEL01');
    const blocks = post.args.blocks as Block[];
    const text = blockText(blocks);
    expect(blocks[0]).toMatchObject({ type: 'context' });
    expect(blocks.length).toBeLessThanOrEqual(FIRST_SCREEN.blocks);
    expect(visibleLength(blocks as never)).toBeLessThanOrEqual(FIRST_SCREEN.visibleChars);
    expect(blocks.find((b) => b.type === 'header')?.text?.text).toMatch(/Kyrgyzstan: (at least high \(level 3 of 4\)|level 3 of 4, high)/);
    expect(text).toContain('Assume calls, texts and unencrypted traffic can be intercepted');
    expect(text).toContain('*Do these first*');
    expect(text).toMatch(/^\d\. Travel with a clean loaner laptop and phone from IT/m);
    expect(text).toContain('*Summary*');
    expect(text).toMatch(/<https:[^|]+\|\[1\]>/);
    expect(text).not.toMatch(/\|[a-z0-9-]+-20\d\d>/);
    expect(post.args.text).toMatch(/Kyrgyzstan \(KG\): risk (at least high \(level 3 of 4\)|level 3 of 4, high)/);
    expect(buttons(blocks).map((b) => b.text)).toEqual(['Remind me before I go', "I've done the checklist", 'Full checklist', 'Why this level']);

    // An extractive answer is fast: no "thinking" status (it is shown only when a model writes the answer: test/feedback/).
    expect(double.callsTo('assistant.threads.setStatus').find((c) => c.args.thread_ts === ts)).toBeUndefined();
  });

  it('"Full checklist" opens a modal with every checklist item; "Why this level" one with the basis, sources and indicators with evidence', async () => {
    const body = mention('travelling to Kyrgyzstan next week, details test');
    await postEvent(eventsUrl, SECRET, body);
    const post = await answerFor(body.event.ts as string);
    const full = buttons(post.args.blocks as Block[]).find((b) => b.text === 'Full checklist')!;
    const opened = double.callsTo('views.open').length;
    expect((await postInteraction(eventsUrl, SECRET, click(full, { ts: '1700000011.000100', thread_ts: body.event.ts as string }, 'full-1'))).status).toBe(200);
    const modal = await double.waitFor('views.open', () => double.callsTo('views.open').length > opened);
    expect(modal.args.trigger_id).toBe('1111.2222.4444');
    const view = modal.args.view as { type: string; title: { text: string }; blocks: Block[] };
    expect(view).toMatchObject({ type: 'modal', title: { text: 'Full checklist' } });
    const kg = await app.context.advisor.answerForCountries(['KG'], { summary: false });
    const listed = blockText(view.blocks);
    expect(kg.checklist.length).toBeGreaterThan(20);
    for (const item of kg.checklist) expect(listed).toContain(`☐ ${item.text}`);

    const why = buttons(post.args.blocks as Block[]).find((b) => b.text === 'Why this level')!;
    await postInteraction(eventsUrl, SECRET, click(why, { ts: '1700000011.000100', thread_ts: body.event.ts as string }, 'why-1'));
    const whyModal = await double.waitFor('views.open', (c) => (c.args.view as { title: { text: string } }).title.text === 'Why this level');
    const whyText = blockText((whyModal.args.view as { blocks: Block[] }).blocks);
    expect(whyText).toMatch(/\*Why this level\*\n• Assessed: score \d+ of 12/);
    expect(whyText).toMatch(/<https:\/\/www\.recordedfuture\.com\/[^|]+\|Recorded Future \(Insikt Group\): /);
    expect(whyText).toContain('*Indicators found (4 of 6)*');
    for (const i of kg.destinations[0]!.indicators.filter((x) => x.status === 'present')) expect(whyText).toContain(`*${i.name}*: ${i.evidence}`);
    expect(whyText).toContain(`*Sources (${kg.sources.length})*`);
    expect(whyText).not.toMatch(/\|[a-z0-9-]+-20\d\d>/);
  });

  it('"Next page" inside the modal updates the same view; a modal that cannot open is sent to the clicker as messages instead', async () => {
    const next = { action_id: 'travel_why_this_level', value: JSON.stringify({ d: ['KG'], p: 1 }), text: 'Next page' };
    const inView = click(next, null, 'page-1');
    Object.assign(inView, { container: { type: 'view', view_id: 'V0MODAL01' }, view: { id: 'V0MODAL01', type: 'modal', hash: 'h1' } });
    await postInteraction(eventsUrl, SECRET, inView);
    const updated = await double.waitFor('views.update', (c) => c.args.view_id === 'V0MODAL01');
    expect(blockText((updated.args.view as { blocks: Block[] }).blocks)).toContain('Kyrgyzstan: ');

    double.failNext('views.open', { error: 'expired_trigger_id' });
    const full = { action_id: 'travel_full_checklist', value: JSON.stringify({ d: ['KG'] }), text: 'Full checklist' };
    await postInteraction(eventsUrl, SECRET, click(full, { ts: '1700000012.000100', thread_ts: '1763890999.000100' }, 'fallback-1'));
    const fallback = await double.waitFor('chat.postEphemeral', (c) => c.args.text === 'Full checklist');
    expect(fallback.args).toMatchObject({ channel: 'C0TRAVEL01', user: 'U0TRAVELER', thread_ts: '1763890999.000100' });
    const kg = await app.context.advisor.answerForCountries(['KG'], { summary: false });
    for (const item of kg.checklist) expect(blockText(fallback.args.blocks as Block[])).toContain(item.text);
  });

  it('a 13-country trip lists every level on the first message, and "Full checklist" and "Why this level" reach every country', async () => {
    const places = 'Russia, Belarus, Kazakhstan, Kyrgyzstan, Uzbekistan, Tajikistan, Turkmenistan, Azerbaijan, Armenia, China, Iran, Mongolia and Monaco';
    const body = mention(`business trip to ${places} 1-20 March`);
    await postEvent(eventsUrl, SECRET, body);
    const post = await answerFor(body.event.ts as string);
    const blocks = post.args.blocks as Block[];
    const first = blockText(blocks);
    const trip = await app.context.advisor.answerForCountries(['RU', 'BY', 'KZ', 'KG', 'UZ', 'TJ', 'TM', 'AZ', 'AM', 'CN', 'IR', 'MN', 'MC'], { summary: false });
    for (const d of trip.destinations) expect(first).toMatch(new RegExp(`\\*${d.countryName}\\*: (level|at least|not assessed)`));
    expect(first).not.toContain(':scissors:');
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const [title, predicate] of [
      ['Full checklist', (t: string) => trip.checklist.every((c) => t.includes(`☐ ${c.text}`))],
      ['Why this level', (t: string) => trip.destinations.every((d) => t.includes(`${d.countryName}: `))],
    ] as const) {
      const button = buttons(blocks).find((b) => b.text === title)!;
      const before = double.callsTo('views.open').length;
      await postInteraction(eventsUrl, SECRET, click(button, { ts: '1700000013.000100', thread_ts: body.event.ts as string }, `thirteen-${title}`));
      const modal = await double.waitFor('views.open', () => double.callsTo('views.open').length > before);
      const view = modal.args.view as { blocks: Block[] };
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      expect(predicate(blockText(view.blocks)), title).toBe(true);
    }
  });

  it('"Remind me before I go" creates the trip from the button and confirms to the clicker only', async () => {
    const body = mention('travelling to Kyrgyzstan next week, remind test');
    await postEvent(eventsUrl, SECRET, body);
    const post = await answerFor(body.event.ts as string);
    const remind = buttons(post.args.blocks as Block[]).find((b) => b.text === 'Remind me before I go')!;
    const res = await postInteraction(eventsUrl, SECRET, click(remind, { ts: '1700000009.000100', thread_ts: body.event.ts as string }, 'remind-1'));
    expect(res.status).toBe(200);
    const confirm = await double.waitFor('chat.postEphemeral', (c) => String(c.args.text).includes('saved'));
    expect(confirm.args).toMatchObject({ channel: 'C0TRAVEL01', user: 'U0TRAVELER', thread_ts: body.event.ts });
    expect(confirm.args.text).toContain('Trip to Kyrgyzstan from 2026-11-30 saved');
    const trips = await app.context.reminders.listTrips({ traveller: { platform: 'slack', userId: 'U0TRAVELER' } });
    expect(trips).toContainEqual(
      expect.objectContaining({ destinations: ['KG'], start: '2026-11-30', source: 'button', createdBy: 'slack:U0TRAVELER', traveller: { platform: 'slack', userId: 'U0TRAVELER' } }),
    );
    // The Home tab is refreshed with the new trip.
    const home = await double.waitFor('views.publish', (c) => JSON.stringify(c.args.view).includes('Kyrgyzstan*, 2026-11-30'));
    expect(home.args.user_id).toBe('U0TRAVELER');
  });

  it('"I\'ve done the checklist" records the acknowledgement and thanks the clicker', async () => {
    const body = mention('Kyrgyzstan next week, checklist test');
    await postEvent(eventsUrl, SECRET, body);
    const post = await answerFor(body.event.ts as string);
    const done = buttons(post.args.blocks as Block[]).find((b) => b.text === "I've done the checklist")!;
    await postInteraction(eventsUrl, SECRET, click(done, { ts: '1700000010.000100', thread_ts: body.event.ts as string }, 'ack-1'));
    const thanks = await double.waitFor('chat.postEphemeral', (c) => String(c.args.text).includes('Thanks, noted'));
    expect(thanks.args).toMatchObject({ user: 'U0TRAVELER', channel: 'C0TRAVEL01' });
  });

  it('answers a DM in its thread', async () => {
    const body = dm('going to Kyrgyzstan next week');
    await postEvent(eventsUrl, SECRET, body);
    const post = await answerFor(body.event.ts as string);
    expect(post.args.channel).toBe('D0TRAVELDM');
    expect(blockText(post.args.blocks as Block[])).toMatch(/Kyrgyzstan: (at least high \(level 3 of 4\)|level 3 of 4, high)/);
  });

  it('/travel answers ephemerally through response_url and "Share in channel" posts it for everyone', async () => {
    const fields = { ...fixture<Record<string, string>>('slash-command'), response_url: double.responseUrl('travel-1') };
    const started = performance.now();
    const res = await postCommand(eventsUrl, SECRET, fields);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(performance.now() - started).toBeLessThan(3000);
    const reply = await double.waitFor('response_url', (c) => c.responseId === 'travel-1');
    expect(reply.args.response_type).toBe('ephemeral');
    const blocks = reply.args.blocks as Block[];
    expect(blockText(blocks)).toMatch(/Kyrgyzstan: (at least high \(level 3 of 4\)|level 3 of 4, high)/);
    const share = buttons(blocks).find((b) => b.text === 'Share in channel');
    expect(buttons(blocks).map((b) => b.text)).toEqual(['Remind me before I go', "I've done the checklist", 'Full checklist', 'Why this level', 'Share in channel']);
    // The private answer's "Full checklist" opens the modal for the asker too (block_actions carry a trigger_id from ephemeral messages).
    const opened = double.callsTo('views.open').length;
    await postInteraction(eventsUrl, SECRET, click(buttons(blocks).find((b) => b.text === 'Full checklist')!, null, 'travel-full'));
    const modal = await double.waitFor('views.open', () => double.callsTo('views.open').length > opened);
    expect(blockText((modal.args.view as { blocks: Block[] }).blocks)).toContain('☐ Travel with a clean loaner laptop and phone from IT');

    await postInteraction(eventsUrl, SECRET, click(share!, null, 'share-1'));
    const shared = await double.waitFor('response_url', (c) => c.responseId === 'share-1' && c.args.response_type === 'in_channel');
    const sharedBlocks = shared.args.blocks as Block[];
    expect(blockText(sharedBlocks)).toContain('<@U0TRAVELER> shared this travel advice');
    expect(blockText(sharedBlocks)).toMatch(/Kyrgyzstan: (at least high \(level 3 of 4\)|level 3 of 4, high)/);
    expect(buttons(sharedBlocks).map((b) => b.text)).not.toContain('Share in channel');
    await double.waitFor('response_url', (c) => c.responseId === 'share-1' && c.args.delete_original === true);
  });

  it('sets suggested prompts when the Messages tab opens and publishes the Home tab with upcoming trips', async () => {
    const messagesTab = fixture<{ event: Record<string, unknown>; event_id: string }>('app-home-opened');
    messagesTab.event.tab = 'messages';
    messagesTab.event_id = 'Ev0HOMEMSG01';
    await postEvent(eventsUrl, SECRET, messagesTab);
    const prompts = await double.waitFor('assistant.threads.setSuggestedPrompts');
    expect(prompts.args.channel_id).toBe('D0TRAVELDM');
    expect((prompts.args.prompts as unknown[]).length).toBeGreaterThan(0);
    expect((prompts.args.prompts as unknown[]).length).toBeLessThanOrEqual(4);

    await app.context.reminders.createTrip({
      traveller: { platform: 'slack', userId: 'U0TRAVELER' },
      destinations: ['KZ'],
      start: '2026-12-10',
      end: '2026-12-20',
      createdBy: 'desk',
      source: 'desk',
    });
    const published = double.callsTo('views.publish').length;
    await postEvent(eventsUrl, SECRET, fixture('app-home-opened'));
    const view = await double.waitFor('views.publish', () => double.callsTo('views.publish').length > published);
    expect(view.args.user_id).toBe('U0TRAVELER');
    const home = view.args.view as { type: string; blocks: Block[] };
    expect(home.type).toBe('home');
    const text = blockText(home.blocks);
    expect(text).toContain('How to ask');
    expect(text).toContain('/travel Kyrgyzstan next week');
    expect(text).toContain('Kazakhstan*, 2026-12-10 to 2026-12-20');
  });

  it('answers a retried event once, and ignores messages from bots', async () => {
    const body = mention('travelling to Kyrgyzstan next week, retry test');
    await postEvent(eventsUrl, SECRET, body);
    await answerFor(body.event.ts as string);
    const retry = await postEvent(eventsUrl, SECRET, body, { retryNum: 1 });
    expect(retry.status).toBe(200);
    await postEvent(eventsUrl, SECRET, dm('Kyrgyzstan next week from a bot', { bot_id: 'B0OTHER', bot_profile: { name: 'other' } }));
    await postEvent(eventsUrl, SECRET, dm('Kyrgyzstan next week from ourselves', { user: 'UBOT0001' }));
    // A later event is answered, so the ones before it were processed (and dropped).
    const marker = dm('going to Kazakhstan');
    await postEvent(eventsUrl, SECRET, marker);
    await answerFor(marker.event.ts as string);
    expect(double.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === body.event.ts)).toHaveLength(1);
    expect(double.callsTo('chat.postMessage').filter((c) => String(c.args.text).includes('from a bot') || c.args.channel === undefined)).toHaveLength(0);
    expect(double.callsTo('chat.postMessage').filter((c) => c.args.channel === 'D0TRAVELDM').length).toBe(2);
  });

  it('waits out a 429 Retry-After and then posts the answer', async () => {
    double.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const body = mention('travelling to Kyrgyzstan next week, rate limit test');
    await postEvent(eventsUrl, SECRET, body);
    const ts = body.event.ts as string;
    const attemptsFor = () => double.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts);
    await double.waitFor('chat.postMessage', () => attemptsFor().length === 2);
    const attempts = attemptsFor();
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.atMs - attempts[0]!.atMs).toBeGreaterThanOrEqual(950);
    expect(attempts[1]!.args.blocks).toEqual(attempts[0]!.args.blocks);
  });

  it('answers Slack URL verification', async () => {
    const res = await postEvent(eventsUrl, SECRET, { token: 'x', challenge: 'challenge-123', type: 'url_verification' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'challenge-123' });
  });

  it('rejects unsigned, wrongly signed and stale requests with 401 before the advisor sees them', async () => {
    const before = asks;
    const posts = double.callsTo('chat.postMessage').length;
    const now = Math.floor(Date.now() / 1000);
    const attempts = [
      await postEvent(eventsUrl, SECRET, mention('Kyrgyzstan unsigned'), { signature: null }),
      await postEvent(eventsUrl, SECRET, mention('Kyrgyzstan wrong'), { signature: 'v0=' + 'ab'.repeat(32) }),
      await postEvent(eventsUrl, 'not-the-secret', mention('Kyrgyzstan other secret')),
      await postEvent(eventsUrl, SECRET, mention('Kyrgyzstan stale'), { timestamp: now - 6 * 60 }),
      await postCommand(eventsUrl, 'not-the-secret', fixture('slash-command')),
    ];
    expect(attempts.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    // A signed request sent afterwards is answered; the rejected ones never were.
    const marker = mention('Kyrgyzstan signed');
    await postEvent(eventsUrl, SECRET, marker);
    await answerFor(marker.event.ts as string);
    expect(asks).toBe(before + 1);
    expect(double.callsTo('chat.postMessage').length).toBe(posts + 1);
  });

  it('called only Web API methods the manifest has scopes for (checked on every recorded call)', () => {
    const manifest = parse(readFileSync(new URL('../../manifests/slack/manifest.yaml', import.meta.url), 'utf8')) as { oauth_config: { scopes: { bot: string[] } } };
    const methods = [...new Set(double.calls.map((c) => c.method).filter((m) => m !== 'response_url'))].sort();
    expect(methods).toEqual(expect.arrayContaining(['assistant.threads.setSuggestedPrompts', 'auth.test', 'chat.postEphemeral', 'chat.postMessage', 'views.open', 'views.publish', 'views.update']));
    for (const m of methods) {
      expect(METHOD_SCOPES, `scope table lacks ${m}`).toHaveProperty([m]);
      for (const s of METHOD_SCOPES[m]!) expect(manifest.oauth_config.scopes.bot).toContain(s);
    }
  });
});
