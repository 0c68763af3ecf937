/**
 * Finding 8 of issue 13: nothing personal reaches a model. The real server (createApp,
 * port 0) with the LLM summarizer on, driving the real `openai` SDK against the local
 * Chat Completions double, which records every request body. Fifty-odd realistic
 * messages (test/llm/pii-corpus.yaml) arrive through the Slack door (signed
 * app_mention events, Web API double), the Teams door (Bot Framework activities,
 * connector double) and the playground, carrying Slack and Teams ids, names, emails in
 * plain and spelled-out forms, phone, passport and id numbers, cards, IBANs and tokens.
 * Proves that none of those strings appears anywhere in any request sent to the model
 * or in any log line (pino at trace level), that each message still produced exactly
 * one model request, and that its destinations, dates and meaning reached the model.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startOpenAiDouble, questionInPrompt, type OpenAiDouble } from '../doubles/openai-server.js';
import { startSlackApiDouble, type SlackApiDouble } from '../doubles/slack-api-double.js';
import { startTeamsConnectorDouble, type TeamsConnectorDouble } from '../doubles/teams-connector-double.js';
import { fixture, postEvent } from '../slack/slack-requests.js';

interface CorpusItem {
  door: 'slack' | 'teams' | 'web';
  text: string;
  secrets: Array<string | number>;
  keep: Array<string | number>;
}

const corpus = parse(readFileSync(new URL('../llm/pii-corpus.yaml', import.meta.url), 'utf8')) as CorpusItem[];
const SECRET = 'h13p-signing-secret-0123456789abcdef';
const NOW = new Date('2026-11-23T09:00:00Z');

let openai: OpenAiDouble;
let slack: SlackApiDouble;
let teams: TeamsConnectorDouble;
let app: App;
let baseUrl: string;
let dataDir: string;
const logLines: string[] = [];
let seq = 0;

/** A secret is found as a whole word where it starts and ends with a letter or digit ("Bo" is not in "Bosnia"). */
function occurs(haystack: string, secret: string): boolean {
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const before = /^[\p{L}\p{N}]/u.test(secret) ? '(?<![\\p{L}\\p{N}])' : '';
  const after = /[\p{L}\p{N}]$/u.test(secret) ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(`${before}${escaped}${after}`, 'u').test(haystack);
}

async function sendSlack(text: string): Promise<void> {
  const body = fixture<{ event: Record<string, unknown>; event_id: string }>('app-mention');
  seq += 1;
  const ts = `1763990${String(seq).padStart(3, '0')}.000100`;
  body.event_id = `Ev0PII${String(seq).padStart(6, '0')}`;
  Object.assign(body.event, { text: `<@UBOT0001> ${text}`, ts, event_ts: ts });
  expect((await postEvent(`${baseUrl}/slack/events`, SECRET, body)).status).toBe(200);
  // The answer (Block Kit): a "remind me" hint may reach the thread first, before the model is asked.
  await slack.waitFor('chat.postMessage', (c) => c.args.thread_ts === ts && Array.isArray(c.args.blocks), 15_000);
}

async function sendTeams(text: string): Promise<void> {
  seq += 1;
  const activity = {
    type: 'message', id: `in-pii-${seq}`, channelId: 'msteams', serviceUrl: teams.url, timestamp: NOW.toISOString(), text, locale: 'en-US',
    from: { id: '29:user-pii', name: 'Traveller', aadObjectId: 'aad-pii-1' }, recipient: { id: '28:bot-pii', name: 'Travel advisor' },
    conversation: { id: 'a:personal-pii', conversationType: 'personal', tenantId: 'tenant-pii' }, channelData: { tenant: { id: 'tenant-pii' } },
  };
  const res = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  expect(res.status).toBe(200);
  // The answer card: a notice ("Trip … saved") may reach the chat first, before the model is asked.
  await teams.waitFor((c) => c.activityId === `in-pii-${seq}` && c.body?.type === 'message' && Array.isArray(c.body?.attachments), 15_000);
}

async function sendWeb(text: string): Promise<void> {
  const res = await fetch(`${baseUrl}/playground/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
  expect(res.status).toBe(200);
}

const send = { slack: sendSlack, teams: sendTeams, web: sendWeb };

/** Per message: its text, and the raw request bodies the model got while it was answered. */
const sent: Array<{ item: CorpusItem; bodies: string[] }> = [];

beforeAll(async () => {
  openai = await startOpenAiDouble('good');
  slack = await startSlackApiDouble();
  teams = await startTeamsConnectorDouble();
  dataDir = mkdtempSync(join(tmpdir(), 'h13p-pii-'));
  const config = loadConfig({
    PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'trace', PLAYGROUND: 'on',
    // Teams without Microsoft: the door's loopback-only local mode (ignored by builds that predate it).
    TEAMS_LOCAL_MODE: 'on',
    SLACK_BOT_TOKEN: 'xoxb-h13p-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl,
    OPENAI_API_KEY: 'sk-h13p-double', OPENAI_BASE_URL: openai.url, OPENAI_MODEL: 'double-model',
  });
  const logger = createLogger('trace', { write: (line: string) => void logLines.push(line) });
  app = createApp({ config, logger, clock: () => NOW });
  baseUrl = (await app.start()).url.replace('localhost', '127.0.0.1');
  // The playground warms up with one question of its own at start; let it finish first.
  for (const deadline = Date.now() + 5000; !openai.requests.length && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 100));
  // One message at a time, so every model request belongs to the message that caused it.
  for (const item of corpus) {
    const before = openai.requests.length;
    await send[item.door](item.text);
    sent.push({ item, bodies: openai.requests.slice(before).map((r) => JSON.stringify(r.body)) });
  }
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await Promise.all([openai?.close(), slack?.close(), teams?.close()]);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('nothing personal reaches a model (issue 13, finding 8)', () => {
  it('uses a corpus of at least 50 messages through all three doors, each answered with exactly one model request', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(50);
    expect(new Set(corpus.map((c) => c.door))).toEqual(new Set(['slack', 'teams', 'web']));
    // A message that planned a trip ("… trip next week" read as "remind me") also sends the pre-trip briefing at
    // once, whose summary is asked with the destination's name alone: that request is the reminder's, not the message's.
    const briefing = (body: string) => /<question>\s*(\p{Lu}[\p{L}'-]*\s*)+<\/question>/u.test(JSON.parse(body).messages?.at(-1)?.content ?? '');
    const own = (s: (typeof sent)[number]) => s.bodies.filter((b) => !briefing(b));
    expect(sent.filter((s) => own(s).length !== 1).map((s) => `${s.item.door}: ${s.item.text} → ${own(s).length} requests`)).toEqual([]);
  });

  it('sends no id, name, email, phone, passport, card, IBAN or token of the corpus to the model, in the question or anywhere else', () => {
    const leaks: string[] = [];
    for (const { item, bodies } of sent) {
      const all = bodies.join('\n');
      // Also as the model reads it: JSON escapes ("…\"…") undone.
      const readable = bodies.map((b) => (JSON.parse(b) as { messages: Array<{ content: string }> }).messages.map((m) => m.content).join('\n')).join('\n');
      for (const secret of item.secrets.map(String)) if (occurs(all, secret) || occurs(readable, secret)) leaks.push(`${secret}  ←  ${item.text}`);
    }
    expect(leaks).toEqual([]);
  });

  it('keeps the destinations, dates and words of each question, so the model still sees what was asked', () => {
    const lost: string[] = [];
    for (const { item, bodies } of sent) {
      const question = bodies.map((b) => questionInPrompt((JSON.parse(b) as { messages: Array<{ content: string }> }).messages[1]!.content) ?? '').join('\n');
      for (const keep of item.keep.map(String)) if (!question.includes(keep)) lost.push(`${keep}  ←  ${question}`);
    }
    expect(lost).toEqual([]);
  });

  it('writes none of it to the logs, even at trace level', () => {
    const log = logLines.join('');
    expect(logLines.length).toBeGreaterThan(0);
    const leaks = corpus.flatMap((item) => item.secrets.map(String).filter((secret) => occurs(log, secret)).map((s) => `${s}  ←  ${item.text}`));
    expect(leaks).toEqual([]);
  });
});
