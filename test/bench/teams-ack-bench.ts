/**
 * What ANSWER_WORKERS=external saves the process Teams calls: the real server (`node
 * dist/main.js`, Bot Framework authentication against the Microsoft identity double) gets
 * a burst of varied personal messages (test/nlu/eval-set.yaml), each with its signed token,
 * once answering inline and once only acknowledging (typing, 200, one BullMQ job in Redis;
 * no worker runs, the queue is emptied after). Rounds alternate the two servers; each
 * reports the server's CPU per message (utime+stime from /proc, so the machine's load does
 * not inflate it) and the p50 time to acknowledge (HTTP 200). A round ends when the
 * connector double has what users would see (inline: every reply; external: every typing).
 *
 *   npm run build && npx tsx test/bench/teams-ack-bench.ts [--requests 300] [--concurrency 16] [--rounds 3]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { TEAMS_ANSWERS_QUEUE } from '../../src/channels/teams/workers/teams-answer-queue.js';
import { startMicrosoftIdentityDouble } from '../doubles/microsoft-identity-double.js';
import { startTeamsConnectorDouble } from '../doubles/teams-connector-double.js';
import { MENTION_TEXTS, cpuMsOf, load1, quiet } from './slack-load.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const { values } = parseArgs({ options: { requests: { type: 'string', default: '300' }, concurrency: { type: 'string', default: '16' }, rounds: { type: 'string', default: '3' } } });
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const REDIS = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `bench-teams-${randomUUID().slice(0, 8)}`;
const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

const identity = await startMicrosoftIdentityDouble();
const connector = await startTeamsConnectorDouble({ appTokens: identity.checkAppToken });
const dir = mkdtempSync(join(tmpdir(), 'teams-ack-bench-'));
writeFileSync(join(dir, 'ca.pem'), identity.ca);
const children: ChildProcess[] = [];
// The servers go with this process, however it ends.
process.on('exit', () => children.forEach((c) => c.kill('SIGTERM')));

/** One server as `npm start` runs it; resolves with its URL and pid once it listens. */
function startServer(extra: Record<string, string>): Promise<{ url: string; pid: number }> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'silent', PLAYGROUND: 'off', DATA_DIR: dir, STORE_URL: REDIS, REDIS_URL: REDIS,
      ANSWER_QUEUE_PREFIX: PREFIX, NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'), ...identity.env, TEAMS_SERVICE_URL_HOSTS: '127.0.0.1', ...extra,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /health: (\S+)\/healthz/.exec(out);
      if (m) resolve({ url: m[1]!, pid: child.pid! });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} (run npm run build first)`)));
  });
}

/** Posts REQUESTS messages, CONCURRENCY at a time, each in its own conversation; the ack times in ms. */
async function burst(url: string, tag: string): Promise<{ acks: number[]; conversations: Set<string> }> {
  const acks: number[] = [];
  const conversations = new Set<string>();
  let next = 0;
  const one = async (i: number) => {
    // Unique per run: the shared store claims each message id for 10 minutes (de-duplication).
    const conversation = `a:bench-${PREFIX}-${tag}-${i}`;
    conversations.add(conversation);
    const body = {
      type: 'message', id: `in-${i}`, channelId: 'msteams', serviceUrl: connector.url, text: MENTION_TEXTS[i % MENTION_TEXTS.length],
      from: { id: `29:u-${i}`, aadObjectId: `aad-${tag}-${i}` }, recipient: { id: '28:bot' }, locale: 'en-US',
      conversation: { id: conversation, conversationType: 'personal', tenantId: 't-bench' }, channelData: { tenant: { id: 't-bench' } },
    };
    const t0 = performance.now();
    const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: identity.channelAuthorization(connector.url) }, body: JSON.stringify(body) });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    acks.push(performance.now() - t0);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < REQUESTS) await one(next++);
  }));
  return { acks, conversations };
}

const inline = await startServer({});
const external = await startServer({ ANSWER_WORKERS: 'external' });
const rows: Record<'inline' | 'external', Array<{ cpu: number; ack: number }>> = { inline: [], external: [] };
for (let r = 0; r < Number(values.rounds); r++) {
  for (const [name, server] of [['inline', inline], ['external', external]] as const) {
    await quiet(server.pid);
    const cpu0 = cpuMsOf(server.pid);
    const { acks, conversations } = await burst(server.url, `${name}-${r}`);
    // What users would see from this server: inline a reply in every conversation (a card, or a notice such as
    // "which Georgia?"), external every typing indicator (the worker would send the reply).
    const kind = name === 'inline' ? 'message' : 'typing';
    const seen = () => new Set(connector.calls.filter((c) => conversations.has(c.conversationId) && c.status < 300 && c.body?.type === kind).map((c) => c.conversationId)).size;
    const deadline = performance.now() + 120_000;
    while (seen() < REQUESTS) {
      if (performance.now() > deadline) throw new Error(`${name}: ${seen()} of ${REQUESTS} conversations answered at the connector (failed calls: ${connector.calls.filter((c) => c.status >= 300).length}, refused ${connector.refused.length})`);
      await new Promise((res) => setTimeout(res, 50));
    }
    await quiet(server.pid);
    const row = { cpu: (cpuMsOf(server.pid) - cpu0) / REQUESTS, ack: median(acks) };
    rows[name].push(row);
    console.log(`round ${r + 1} ${name.padEnd(8)} ${row.cpu.toFixed(2)} ms CPU/message, p50 ack ${row.ack.toFixed(1)} ms, load ${load1()}`);
  }
  connector.calls.length = 0;
}
const med = (name: 'inline' | 'external', k: 'cpu' | 'ack') => median(rows[name].map((x) => x[k]));
console.log(`median: inline ${med('inline', 'cpu').toFixed(2)} ms CPU/message, external ${med('external', 'cpu').toFixed(2)} ms (${(med('external', 'cpu') / med('inline', 'cpu')).toFixed(2)}×); p50 ack ${med('inline', 'ack').toFixed(1)} → ${med('external', 'ack').toFixed(1)} ms; load ${load1()}`);
for (const c of children) c.kill('SIGTERM');
const queue = new Queue(TEAMS_ANSWERS_QUEUE, { connection: { url: REDIS }, prefix: PREFIX });
await queue.obliterate({ force: true });
await queue.close();
await connector.close();
await identity.close();
