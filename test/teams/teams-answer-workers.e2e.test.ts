/**
 * Scale-out for Teams (ANSWER_WORKERS=external), end to end: the real server (createApp,
 * Bot Framework authentication against the Microsoft identity double) acknowledges a
 * message with a typing indicator and 200 and queues it on BullMQ in real Redis; a real
 * `travel-advisor worker` process (bin → dist) answers it proactively through the Bot
 * Connector double, with an app token from the identity double. The card it sends, as a
 * reply to the asker's message, equals the one an inline server sends for the same message
 * (personal chat and channel thread), and the acknowledging process never calls the
 * conversation service. A 500 and a 502 from the connector are retried (by BullMQ, and
 * within the send); a 403 or 404 is permanent and not retried; no job is left in Redis.
 * The worker sends in the tenant's slot of the pace all workers share in Redis: a slot
 * another process reserved holds its send back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/create-app.js';
import { teamsPaceKey } from '../../src/channels/teams/create-redis-tenant-throttle.js';
import { TEAMS_ANSWERS_QUEUE } from '../../src/channels/teams/workers/teams-answer-queue.js';
import { createRedisPacer } from '../../src/reminders/create-redis-pacer.js';
import type { ConnectorCall } from '../doubles/teams-connector-double.js';
import { startTeamsHarness, type TeamsHarness } from './teams-app-harness.js';
import { countReplies } from '../support/count-replies.js';
import '../support/store-backends.js';

const BIN = join(resolve(import.meta.dirname, '../..'), 'bin/travel-advisor.js');
const REDIS = 'redis://127.0.0.1:6379';
const run = randomUUID().slice(0, 8);
const prefix = `test-teams-answers-${run}`;
const shared = { STORE_URL: REDIS, REDIS_URL: REDIS, ANSWER_QUEUE_PREFIX: prefix };
let acking: TeamsHarness;
let inline: TeamsHarness;
let worker: ChildProcess;
let workerErr = '';
/** conversation.reply calls per in-process server. */
const answered = { acking: 0, inline: 0 };

const user = { id: '29:user-workers', name: 'Ada', aadObjectId: `aad-workers-${run}` };
const bot = { id: '28:bot-workers', name: 'Travel advisor' };

function countAnswers(app: App, role: keyof typeof answered): void {
  countReplies(app, () => (answered[role] += 1));
}

/** A message as the Bot Connector delivers it to `h`, in its own conversation (`conv`) of this run. */
function message(h: TeamsHarness, conv: string, text: string, kind: 'personal' | 'channel' = 'personal'): Record<string, unknown> {
  const channel = kind === 'channel';
  const id = channel ? `17000${Math.floor(Math.random() * 1e8)}` : `in-${conv}`;
  return {
    type: 'message', id, channelId: 'msteams', serviceUrl: h.connector.url, timestamp: new Date().toISOString(),
    from: user, recipient: bot, locale: 'en-US', text: channel ? `<at>Travel advisor</at> ${text}` : text,
    conversation: channel
      ? { id: `19:${conv}-${run}@thread.tacv2;messageid=${id}`, conversationType: 'channel', tenantId: 'tenant-w' }
      : { id: `a:${conv}-${run}`, conversationType: 'personal', tenantId: 'tenant-w' },
    ...(channel ? { entities: [{ type: 'mention', text: '<at>Travel advisor</at>', mentioned: bot }] } : {}),
    channelData: { tenant: { id: 'tenant-w' }, ...(channel ? { team: { id: '19:team-w@thread.tacv2' } } : {}) },
  };
}

async function post(h: TeamsHarness, body: Record<string, unknown>): Promise<Response> {
  const authorization = h.identity.channelAuthorization(String(body.serviceUrl));
  return fetch(`${h.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(body) });
}

const convOf = (body: Record<string, unknown>) => (body.conversation as { id: string }).id;
const answersIn = (h: TeamsHarness, conversationId: string) => h.connector.calls.filter((c) => c.conversationId === conversationId && c.body?.type === 'message');
/** The answer card `h` sent for `body`, waiting for it. */
const cardFor = (h: TeamsHarness, body: Record<string, unknown>, timeoutMs = 20_000): Promise<ConnectorCall> =>
  h.connector.waitFor((c) => c.conversationId === convOf(body) && c.status < 300 && Array.isArray(c.body?.attachments), timeoutMs);

beforeAll(async () => {
  acking = await startTeamsHarness({ prefix: 'teams-workers-ack-', env: { ...shared, ANSWER_WORKERS: 'external' } });
  inline = await startTeamsHarness({ prefix: 'teams-workers-inline-', env: { ...shared } });
  countAnswers(acking.app, 'acking');
  countAnswers(inline.app, 'inline');
  // The worker trusts the identity double's TLS certificate as Node's own CA list (NODE_EXTRA_CA_CERTS), as an operator's would.
  const ca = join(acking.dataDir, 'identity-ca.pem');
  writeFileSync(ca, acking.identity.ca);
  worker = spawn(process.execPath, [BIN, 'worker', '--concurrency', '4'], {
    env: {
      PATH: process.env.PATH, NODE_EXTRA_CA_CERTS: ca, LOG_LEVEL: 'silent', DATA_DIR: acking.dataDir, ANSWER_WORKERS: 'external',
      ...shared, ...acking.identity.env, TEAMS_SERVICE_URL_HOSTS: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  worker.stderr!.on('data', (d: Buffer) => (workerErr += d.toString()));
  await new Promise<void>((ready, fail) => {
    worker.stdout!.on('data', (d: Buffer) => d.toString().includes('Answer worker ready') && ready());
    worker.once('exit', (code) => fail(new Error(`worker exited with ${code}: ${workerErr}`)));
  });
}, 60_000);

afterAll(async () => {
  if (worker && worker.exitCode === null) {
    const exited = new Promise((r) => worker.once('exit', r));
    worker.kill('SIGTERM');
    await exited;
  }
  await acking?.close();
  await inline?.close();
  const queue = new Queue(TEAMS_ANSWERS_QUEUE, { connection: { url: REDIS }, prefix });
  await queue.obliterate({ force: true });
  await queue.close();
});

describe('Teams answers in a worker process (ANSWER_WORKERS=external)', () => {
  it('acknowledges with typing only, and the worker sends the inline path\'s card as a reply to the message', async () => {
    for (const kind of ['personal', 'channel'] as const) {
      // Different conversations: both servers share the store, where a message id is claimed once.
      const viaWorker = message(acking, `worker-${kind}`, 'travelling to Kyrgyzstan next week', kind);
      const viaInline = message(inline, `inline-${kind}`, 'travelling to Kyrgyzstan next week', kind);
      expect((await post(acking, viaWorker)).status).toBe(200);
      // By the time the turn is acknowledged, the acknowledging side has sent only the typing indicator.
      expect(acking.connector.calls.filter((c) => c.conversationId === convOf(viaWorker)).map((c) => c.body.type)).toEqual(['typing']);
      expect((await post(inline, viaInline)).status).toBe(200);
      const fromWorker = await cardFor(acking, viaWorker);
      const fromInline = await cardFor(inline, viaInline);
      expect(fromWorker.activityId).toBe(viaWorker.id);
      expect(fromInline.activityId).toBe(viaInline.id);
      expect(JSON.stringify(fromWorker.body.attachments)).toContain('Kyrgyzstan');
      expect(fromWorker.body.attachments).toEqual(fromInline.body.attachments);
      expect(fromWorker.body.entities).toEqual(fromInline.body.entities);
      expect(fromWorker.body.text).toEqual(fromInline.body.text);
      // Sent with an app token the identity double issued, as the reminder deliverer's are.
      expect(acking.identity.checkAppToken(fromWorker.authorization)).toBeNull();
    }
    expect(answered).toEqual({ acking: 0, inline: 2 });
    expect(acking.connector.refused).toEqual([]);
  }, 60_000);

  it('keeps the thread: a follow-up answered by the worker knows the destination', async () => {
    const first = message(acking, 'thread', 'travelling to Kyrgyzstan next week');
    await post(acking, first);
    await cardFor(acking, first);
    const followUp = { ...first, id: `in-thread-2-${run}`, text: 'what about my phone?' };
    await post(acking, followUp);
    await acking.connector.waitFor((c) => c.activityId === followUp.id && c.body?.type === 'message', 20_000);
    expect(JSON.stringify(answersIn(acking, convOf(first)).at(-1)!.body)).toContain('Kyrgyzstan');
    expect(answered.acking).toBe(0);
  }, 30_000);

  it('retries a connector 500 (BullMQ) and 502 (in the send), and does not retry a 403 or 404', async () => {
    const retried = message(acking, 'retry-500', 'travelling to Kazakhstan');
    const retried502 = message(acking, 'retry-502', 'travelling to Kazakhstan');
    const refused = [message(acking, 'refused-403', 'travelling to Kazakhstan'), message(acking, 'refused-404', 'travelling to Kazakhstan')];
    // Each fails the worker's first answer into its conversation (the door's typing indicator passes).
    for (const [m, status] of [[retried, 500], [retried502, 502], [refused[0]!, 403], [refused[1]!, 404]] as const)
      acking.connector.failNext(1, status, undefined, { conversationId: convOf(m), type: 'message' });
    for (const m of [retried, retried502, ...refused]) expect((await post(acking, m)).status).toBe(200);
    const card500 = await cardFor(acking, retried, 20_000);
    const card502 = await cardFor(acking, retried502, 20_000);
    expect(answersIn(acking, convOf(retried)).map((c) => c.status)).toEqual([500, 201]);
    expect(answersIn(acking, convOf(retried502)).map((c) => c.status)).toEqual([502, 201]);
    expect(card500.activityId).toBe(retried.id);
    expect(card502.activityId).toBe(retried502.id);
    // Past the 2 s backoff a retry would have come round: each refused one was tried once.
    await new Promise((r) => setTimeout(r, 4_000));
    for (const m of refused) expect(answersIn(acking, convOf(m)).map((c) => c.status)).toHaveLength(1);
    expect(answered.acking).toBe(0);
    // Answered jobs and the refused ones alike are gone from Redis: no message data stays.
    const queue = new Queue(TEAMS_ANSWERS_QUEUE, { connection: { url: REDIS }, prefix });
    try {
      expect(await queue.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed')).toMatchObject({ completed: 0, failed: 0, waiting: 0, active: 0, delayed: 0 });
    } finally {
      await queue.close();
    }
  }, 60_000);

  it('sends in the tenant\'s slot of the pace shared in Redis: a slot another process reserved holds the answer back', async () => {
    const inTenant = (m: Record<string, unknown>, tenantId: string) => ({
      ...m, conversation: { ...(m.conversation as object), tenantId }, channelData: { tenant: { id: tenantId } },
    });
    const paced = inTenant(message(acking, 'paced', 'travelling to Kyrgyzstan next week'), `tenant-paced-${run}`);
    const free = inTenant(message(acking, 'free', 'travelling to Kyrgyzstan next week'), `tenant-free-${run}`);
    // Another worker process took a slot of the paced tenant's schedule, through the pacer the workers use, at a
    // pace of one send per 4 s: the schedule's next free slot is 4 s ahead (on Redis' clock, as the pacer keeps it).
    const redis = new Redis(REDIS);
    try {
      await createRedisPacer({ client: async () => redis, key: teamsPaceKey(prefix, `tenant-paced-${run}`), max: 1, durationMs: 4_000 }).take();
    } finally {
      await redis.quit();
    }
    const reserved = performance.now();
    for (const m of [paced, free]) expect((await post(acking, m)).status).toBe(200);
    const arrived = await Promise.all([paced, free].map(async (m) => (await cardFor(acking, m), performance.now() - reserved)));
    // The other tenant's answer is not held back; this tenant's waits for the slot after the reserved one. (With a
    // pace per process the two, answered side by side by one worker, arrive together: 2.0 s after posting in such a run.)
    expect(arrived[0]).toBeGreaterThanOrEqual(3_950);
    expect(arrived[0]! - arrived[1]!).toBeGreaterThanOrEqual(1_000);
  }, 30_000);

  it('tells the user at once when the queue cannot take the message (Redis unreachable), and answers nothing itself', async () => {
    // A port nothing listens on: the add fails fast (no offline queue), within STORE_TIMEOUT_MS at most.
    const cut = await startTeamsHarness({ prefix: 'teams-workers-cut-', env: { ...shared, ANSWER_WORKERS: 'external', REDIS_URL: 'redis://127.0.0.1:1', STORE_TIMEOUT_MS: '1000' } });
    try {
      let calls = 0;
      countReplies(cut.app, () => calls++);
      const lost = message(cut, 'lost', 'travelling to Kyrgyzstan next week');
      expect((await post(cut, lost)).status).toBe(200);
      const sent = cut.connector.calls.filter((c) => c.conversationId === convOf(lost) && c.body?.type === 'message');
      expect(sent).toHaveLength(1);
      expect(sent[0]!.body.text).toMatch(/^Sorry, something went wrong while preparing the advice/);
      expect(sent[0]!.body.attachments ?? []).toEqual([]);
      expect(calls).toBe(0);
    } finally {
      await cut.close();
    }
  }, 30_000);
});
