/**
 * Scale-out (ANSWER_WORKERS=external): the server acknowledges a signed mention and puts
 * it on the BullMQ answers queue in real Redis; an answer worker (the same code
 * `travel-advisor worker` runs) answers it through the Slack API double with the blocks
 * the inline path posts, while the acknowledging process never calls the conversation
 * service. A failed post is retried by BullMQ; a permanent Slack error is not.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { ANSWERS_QUEUE } from '../../src/channels/slack/answer-queue.js';
import { createSlackAnswerWorker, type SlackAnswerWorker } from '../../src/channels/slack/answer-worker.js';
import { startSlackApiDouble, type SlackApiDouble } from '../doubles/slack-api-double.js';
import { fixture, postEvent } from './slack-requests.js';
import '../support/store-backends.js';
import { countReplies } from '../support/count-replies.js';

const SECRET = 'workers-signing-secret';
const REDIS = 'redis://127.0.0.1:6379';
const run = randomUUID().slice(0, 8);
const prefix = `test-answers-${run}`;
const clock = () => new Date('2026-11-23T10:00:00Z');
let double: SlackApiDouble;
let dataDir: string;
let acking: { app: App; url: string };
let inline: { app: App; url: string };
let core: App;
let worker: SlackAnswerWorker;
/** conversation.reply calls per process role. */
const answered = { acking: 0, inline: 0, worker: 0 };

function countAnswers(app: App, role: keyof typeof answered): void {
  countReplies(app, () => (answered[role] += 1));
}

function env(extra: Record<string, string> = {}) {
  return loadConfig({
    PORT: '0', DATA_DIR: dataDir, STORE_URL: REDIS, REDIS_URL: REDIS, PLAYGROUND: 'off', LOG_LEVEL: 'silent',
    SLACK_BOT_TOKEN: 'xoxb-workers', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: double.apiUrl, ANSWER_QUEUE_PREFIX: prefix, ...extra,
  });
}

async function server(extra: Record<string, string>, role: keyof typeof answered) {
  const app = createApp({ config: env(extra), logger: silentLogger, clock });
  countAnswers(app, role);
  const running = await app.start();
  return { app, url: `${running.url}/slack/events` };
}

function mention(id: string, ts: string, text = 'travelling to Kyrgyzstan next week') {
  const body = fixture<{ event: Record<string, unknown>; event_id: string }>('app-mention');
  body.event_id = `Ev${run}${id}`;
  Object.assign(body.event, { ts, event_ts: ts, text: `<@UBOT0001> ${text}` });
  return body;
}

beforeAll(async () => {
  double = await startSlackApiDouble();
  dataDir = mkdtempSync(join(tmpdir(), 'slack-workers-'));
  acking = await server({ ANSWER_WORKERS: 'external' }, 'acking');
  inline = await server({}, 'inline');
  core = createApp({ config: env({ ANSWER_WORKERS: 'external' }), logger: silentLogger, clock, doors: [] });
  countAnswers(core, 'worker');
  worker = createSlackAnswerWorker(core.context, { concurrency: 2 });
  core.startCore();
  await worker.start();
});

afterAll(async () => {
  await worker?.stop();
  await core?.stop();
  for (const s of [acking, inline]) await s?.app.stop();
  // Nothing of this run is left in Redis: the queue's keys go with it.
  const queue = new Queue(ANSWERS_QUEUE, { connection: { url: REDIS }, prefix });
  await queue.obliterate({ force: true });
  await queue.close();
  await double?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const postsIn = (ts: unknown) => double.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts);

describe('Slack answers in a worker process (ANSWER_WORKERS=external)', () => {
  it('answers a mention from the worker with the same blocks as the inline path, and the acknowledging process answers nothing', async () => {
    const viaWorker = mention('w1', '1763896000.000100');
    const viaInline = mention('i1', '1763896001.000100');
    expect((await postEvent(acking.url, SECRET, viaWorker)).status).toBe(200);
    expect((await postEvent(inline.url, SECRET, viaInline)).status).toBe(200);
    const fromWorker = await double.waitFor('chat.postMessage', (c) => c.args.thread_ts === viaWorker.event.ts);
    const fromInline = await double.waitFor('chat.postMessage', (c) => c.args.thread_ts === viaInline.event.ts);
    expect(fromWorker.args.channel).toBe('C0TRAVEL01');
    expect(Array.isArray(fromWorker.args.blocks)).toBe(true);
    expect(JSON.stringify(fromWorker.args.blocks)).toContain('Kyrgyzstan');
    expect(fromWorker.args.blocks).toEqual(fromInline.args.blocks);
    expect(fromWorker.args.text).toEqual(fromInline.args.text);
    expect(answered).toEqual({ acking: 0, inline: 1, worker: 1 });
    // The extractive path needs no "thinking" status, as inline.
    expect(double.callsTo('assistant.threads.setStatus')).toHaveLength(0);
  });

  it('keeps the thread: a follow-up answered by the worker knows the destination', async () => {
    const ts = '1763896100.000100';
    await postEvent(acking.url, SECRET, mention('t1', ts));
    await double.waitFor('chat.postMessage', (c) => c.args.thread_ts === ts);
    const followUp = mention('t2', '1763896101.000100', 'what about my phone?');
    Object.assign(followUp.event, { thread_ts: ts });
    await postEvent(acking.url, SECRET, followUp);
    await double.waitFor('chat.postMessage', (c) => c.args.thread_ts === ts && c !== postsIn(ts)[0]);
    expect(JSON.stringify(postsIn(ts)[1]!.args)).toContain('Kyrgyzstan');
    expect(answered.acking).toBe(0);
  });

  it('retries a post Slack failed with a 500, and does not retry one Slack refused for good', async () => {
    double.failNext('chat.postMessage', { status: 500 });
    const retried = mention('r1', '1763896200.000100');
    await postEvent(acking.url, SECRET, retried);
    // First attempt fails; BullMQ's backoff (2 s) brings the second, which is answered.
    await double.waitFor('chat.postMessage', (c) => c.args.thread_ts === retried.event.ts && Array.isArray(c.args.blocks) && postsIn(retried.event.ts).length === 2, 15_000);

    double.failNext('chat.postMessage', { error: 'channel_not_found' });
    const refused = mention('p1', '1763896300.000100');
    await postEvent(acking.url, SECRET, refused);
    await double.waitFor('chat.postMessage', (c) => c.args.thread_ts === refused.event.ts);
    // A later message is answered after the refusal's backoff would have come round.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(postsIn(refused.event.ts)).toHaveLength(1);
    expect(answered.acking).toBe(0);
  }, 30_000);

  it('tells the user at once when the queue cannot take the message (Redis unreachable), and answers nothing itself', async () => {
    // A port nothing listens on: the add fails fast (no offline queue), within STORE_TIMEOUT_MS at most.
    const cut = await server({ ANSWER_WORKERS: 'external', REDIS_URL: 'redis://127.0.0.1:1', STORE_TIMEOUT_MS: '1000' }, 'acking');
    try {
      const lost = mention('x1', '1763896400.000100');
      expect((await postEvent(cut.url, SECRET, lost)).status).toBe(200);
      const reply = await double.waitFor('chat.postMessage', (c) => c.args.thread_ts === lost.event.ts);
      expect(reply.args.text).toMatch(/^Sorry, something went wrong/);
      expect(reply.args.blocks).toBeUndefined();
      // Sent as the answers are, by the JSON poster (its retry and 429 policy), not the form-encoded Web API client.
      expect(reply.contentType).toMatch(/^application\/json; charset=utf-8/);
      expect(answered.acking).toBe(0);
    } finally {
      await cut.app.stop();
    }
  });
});
