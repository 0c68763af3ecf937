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
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { TEAMS_ANSWERS_QUEUE } from '../../src/channels/teams/workers/teams-answer-queue.js';
import { cpuMsOf, load1, quiet } from './slack-load.js';
import { startTeamsBench } from './teams-load.js';
import { dropQueue } from './worker-processes.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const { values } = parseArgs({ options: { requests: { type: 'string', default: '300' }, concurrency: { type: 'string', default: '16' }, rounds: { type: 'string', default: '3' } } });
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const REDIS = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `bench-teams-${randomUUID().slice(0, 8)}`;
const children: ChildProcess[] = [];
const bench = await startTeamsBench({ redisUrl: REDIS, prefix: PREFIX, children });
const { connector } = bench;

const inline = await bench.startServer();
const external = await bench.startServer({ ANSWER_WORKERS: 'external' });
const rows: Record<'inline' | 'external', Array<{ cpu: number; ack: number }>> = { inline: [], external: [] };
for (let r = 0; r < Number(values.rounds); r++) {
  for (const [name, server] of [['inline', inline], ['external', external]] as const) {
    await quiet(server.pid);
    const cpu0 = cpuMsOf(server.pid);
    const { acks, sentAt } = await bench.burst(server.url, `${name}-${r}`, { requests: REQUESTS, concurrency: CONCURRENCY });
    // What users would see from this server: inline a reply in every conversation (a card, or a notice such as
    // "which Georgia?"), external every typing indicator (the worker would send the reply).
    const kind = name === 'inline' ? 'message' : 'typing';
    const seen = () => new Set(connector.calls.filter((c) => sentAt.has(c.conversationId) && c.status < 300 && c.body?.type === kind).map((c) => c.conversationId)).size;
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
await dropQueue(TEAMS_ANSWERS_QUEUE, REDIS, PREFIX);
await bench.close();
