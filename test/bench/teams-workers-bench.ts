/**
 * Benchmark of Teams scale-out (ANSWER_WORKERS=external): the real server (`node
 * dist/main.js`, Bot Framework authentication against the Microsoft identity double)
 * acknowledges varied personal messages (test/nlu/eval-set.yaml) and queues them on BullMQ
 * in Redis; N `travel-advisor worker` processes (the built CLI) answer them proactively
 * through the Bot Connector double, each send in its tenant's slot of the pace shared in
 * Redis. Each N ∈ {1, 2, 4} gets a burst; answered messages/s is counted at the connector
 * double, from the first send to the last answer. The same burst through one server
 * answering inline (in the turn) is the baseline row. Rounds are paired: each runs every
 * configuration in turn (workers started, warmed up, measured, stopped). Messages are spread over `--tenants`
 * tenants (default 64: each stays far under the 40/s tenant pace; with `--tenants 1` the pace
 * binds, and the table shows it holding across every worker process).
 *
 *   npm run build && npx tsx test/bench/teams-workers-bench.ts [--requests 1000] [--concurrency 32] [--rounds 3] [--workers 1,2,4] [--tenants 64]
 *
 * Each round ends when every conversation has its answer and the processes are idle; an
 * answer missing after 120 s is counted lost, the same activity sent twice into one
 * conversation a duplicate. Every process (doubles and load in this one, server, workers)
 * shares the machine's cores, as slack-workers-bench.ts says.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { TEAMS_ANSWERS_QUEUE } from '../../src/channels/teams/workers/teams-answer-queue.js';
import { watchLogs, watchQueue } from './bench-hops.js';
import { cpuMsOf, epochMs, load1, percentile, quiet } from './slack-load.js';
import { startTeamsBench } from './teams-load.js';
import { runBench, startWorker, stopAll, workersBenchArgs } from './worker-processes.js';

const { requests: REQUESTS, concurrency: CONCURRENCY, rounds: ROUNDS, workerCounts: WORKER_COUNTS, tenants: TENANTS, redisUrl: REDIS } = workersBenchArgs(1000);
const PREFIX = `bench-teams-workers-${randomUUID().slice(0, 8)}`;
const children: ChildProcess[] = [];

interface Round { hops: Record<string, number>; acked: number; typing: number; answered: number; lost: number; duplicates: number; failedCalls: number; perSecond: number; p99: number; workerCpu: number; load: string }
const median = <K extends keyof Round>(rs: Round[], k: K) => [...rs].map((r) => r[k]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[rs.length >> 1]!;

async function main(): Promise<void> {
  const bench = await startTeamsBench({ redisUrl: REDIS, prefix: PREFIX, children });
  const { connector, problems } = bench;
  // Jobs queued, completed, failed, retried and stalled, by job id (bench-hops.ts): the hops between the ack and the connector.
  const stopWatching = await watchQueue(TEAMS_ANSWERS_QUEUE, { redisUrl: REDIS, prefix: PREFIX }, problems);
  let tag = 0;

  /** One burst at `server`; answers counted at the connector once every conversation has one (or 120 s passed) and all is idle. */
  async function round(server: { url: string; pid: number }, workers: ChildProcess[], n = REQUESTS): Promise<Round> {
    connector.calls.length = 0;
    connector.refused.length = 0;
    problems.take();
    const cpu0 = workers.reduce((a, w) => a + cpuMsOf(w.pid!), 0);
    const t0 = epochMs();
    const { sentAt, acks } = await bench.burst(server.url, `r${tag++}`, { requests: n, concurrency: CONCURRENCY, tenants: TENANTS });
    const sends = () => connector.calls.filter((c) => c.status < 300 && c.body?.type === 'message' && sentAt.has(c.conversationId));
    const deadline = performance.now() + 120_000;
    while (new Set(sends().map((c) => c.conversationId)).size < n && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    for (const pid of [server.pid, ...workers.map((w) => w.pid!)]) await quiet(pid);
    // The first answer in each conversation; an activity sent twice into one conversation is a duplicate.
    const first = new Map<string, number>();
    const bodies = new Set<string>();
    let duplicates = 0;
    for (const c of sends()) {
      if (!first.has(c.conversationId)) first.set(c.conversationId, c.at);
      const key = `${c.conversationId} ${JSON.stringify(c.body)}`;
      if (bodies.has(key)) duplicates++;
      bodies.add(key);
    }
    const last = Math.max(t0, ...first.values());
    const typing = new Set(connector.calls.filter((c) => c.status < 300 && c.body?.type === 'typing' && sentAt.has(c.conversationId)).map((c) => c.conversationId)).size;
    // Each hop of a round that lost an answer, so the loss has a place: acks, typing indicators, jobs, the processes' warnings and errors.
    const hops = problems.take();
    if (first.size < n) console.log(`  lost ${n - first.size} of ${n}: ${acks.length} acknowledged 200, ${typing} typing indicators, ${first.size} answers; ${JSON.stringify(hops)}`);
    return {
      hops, acked: acks.length, typing, answered: first.size, lost: n - first.size, duplicates,
      // Connector calls answered with an error or refused for their token: where a lost answer went.
      failedCalls: connector.calls.filter((c) => c.status >= 300).length + connector.refused.length,
      perSecond: first.size / ((last - t0) / 1000),
      p99: percentile([...first].map(([conv, at]) => at - sentAt.get(conv)!).sort((a, b) => a - b), 99),
      workerCpu: (workers.reduce((a, w) => a + cpuMsOf(w.pid!), 0) - cpu0) / Math.max(1, first.size),
      load: load1(),
    };
  }

  const cores = cpus().length;
  console.log(`teams-workers-bench: node ${process.version}, ${cores} CPUs, load average ${load1()} at start`);
  console.log(`${REQUESTS} personal messages × ${ROUNDS} rounds per row (median), ${CONCURRENCY} in flight, ${TENANTS} tenant(s), store and queue ${REDIS}`);
  const inline = await bench.startServer();
  const acking = await bench.startServer({ ANSWER_WORKERS: 'external' });
  await round(inline, [], Math.min(200, REQUESTS)); // warm-up
  // Paired: each round runs every configuration in turn, so a change in the machine's load falls on all of them.
  const names = ['inline (one process)', ...WORKER_COUNTS.map((n) => `external, ${n} worker${n === 1 ? '' : 's'}`)];
  const rows = names.map((name) => ({ name, rs: [] as Round[], perSecond: 0 }));
  for (let r = 0; r < ROUNDS; r++) {
    rows[0]!.rs.push(await round(inline, []));
    for (const [i, n] of WORKER_COUNTS.entries()) {
      const workers = await Promise.all(Array.from({ length: n }, () => startWorker(bench.env, children)));
      workers.forEach((w, k) => watchLogs(w, `worker ${k + 1}`, problems));
      await round(acking, workers, Math.min(100, REQUESTS)); // warm-up
      rows[i + 1]!.rs.push(await round(acking, workers));
      await stopAll(workers);
    }
    console.log(`round ${r + 1}: ${rows.map((row) => `${row.name} ${row.rs.at(-1)!.perSecond.toFixed(1)}/s (load ${row.rs.at(-1)!.load})`).join('; ')}`);
  }
  for (const row of rows) row.perSecond = median(row.rs, 'perSecond');
  const base = rows.find((r) => r.name.startsWith('external'))?.perSecond ?? 1;
  console.log('\n| answering | answered | lost | duplicates | failed connector calls | answered/s | vs 1 worker | p99 message → answer ms | worker CPU ms/answer | load |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const { name, rs, perSecond } of rows)
    console.log(`| ${name} | ${median(rs, 'answered')} | ${Math.max(...rs.map((r) => r.lost))} | ${Math.max(...rs.map((r) => r.duplicates))} | ${Math.max(...rs.map((r) => r.failedCalls))} | ${perSecond.toFixed(1)} | ${(perSecond / base).toFixed(2)}× | ${median(rs, 'p99').toFixed(0)} | ${name.startsWith('inline') ? '–' : median(rs, 'workerCpu').toFixed(2)} | ${rs.map((r) => r.load).join('–')} |`);
  // Every hop counted in the measured rounds: jobs by event, and each warning or error (a retried connection reset, a failed attempt…).
  for (const { name, rs } of rows) {
    const sum: Record<string, number> = {};
    for (const r of rs) for (const [k, v] of Object.entries(r.hops)) sum[k] = (sum[k] ?? 0) + v;
    console.log(`${name}, all rounds: ${rs.reduce((a, r) => a + r.acked, 0)} acknowledged, ${rs.reduce((a, r) => a + r.typing, 0)} typing, ${rs.reduce((a, r) => a + r.answered, 0)} answered; ${JSON.stringify(sum)}`);
  }
  console.log(`\nlost, duplicates and failed calls: the most in any round. This machine has ${cores} cores, shared by the server, the workers, the doubles, this load generator and whatever else runs (load ${load1()} now).`);
  await stopWatching();
  await bench.close();
}

runBench(main, { children, queue: TEAMS_ANSWERS_QUEUE, redisUrl: REDIS, prefix: PREFIX });
