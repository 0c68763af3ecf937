/**
 * Benchmark: Slack-signed Events API requests through our server (the real app, Slack
 * door on the shared HTTP server) against a bare Bolt app that only acknowledges, on
 * the same machine in one run. Each server runs in its own process, the Slack API double
 * in a third; this process only sends and counts.
 *
 *   npx tsx test/bench/slack-bench.ts [--requests 3000] [--concurrency 32] [--rounds 3]
 *
 * Workloads, each request with a unique event_id (as Slack sends them):
 *   ack-only  a channel message the apps do not answer (our server still checks the
 *             signature, de-duplicates the event_id in the store, filters bots)
 *   mention   "@bot <a trip or country question from test/nlu/eval-set.yaml>", varied:
 *             our server acks, then answers through the Web API (the double)
 * Counted at the double, as Slack would see them: answers (Block Kit posts) apart from
 * "busy" replies. Each round ends only when the double has a reply in every thread and
 * the server process is idle, so no work spills into the other side's round; sides
 * alternate round by round. CPU is the server process's (/proc/<pid>/stat), per request,
 * including the answering that follows the acks. Prints the load average and the
 * configuration first, and the load at each row.
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { MENTION_TEXTS, load1, median, round, startServer, type RoundResult, type ServerProcess, type Workload } from './slack-load.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '3' },
    workload: { type: 'string', default: 'ack-only,mention' },
  },
});
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const ROUNDS = Number(values.rounds);
const WORKLOADS = values.workload.split(',') as Workload[];
const children: ServerProcess[] = [];

const fmt = (kind: string, name: string, x: RoundResult, answers: boolean) =>
  `| ${kind} | ${name} | ${x.rps.toFixed(0)} | ${x.p50.toFixed(1)} | ${x.p99.toFixed(1)} | ${answers ? `${x.answers} | ${x.busy} | ${x.answeredPerSecond.toFixed(0)} | ${x.p99Answer.toFixed(0)}` : '– | – | – | –'} | ${x.cpuPerRequest.toFixed(2)} | ${x.load} |`;

async function main(): Promise<void> {
  const double = await startServer('double');
  children.push(double);
  const [apiUrl, countersUrl] = [double.url, double.extra[0]!];
  const env = { BENCH_API_URL: apiUrl, ...(process.env.BENCH_STORE_URL ? { BENCH_STORE_URL: process.env.BENCH_STORE_URL } : {}) };
  const [bare, ours] = await Promise.all([startServer('bare', env), startServer('ours', env)]);
  children.push(bare, ours);
  console.log(`slack-bench: node ${process.version}, ${cpus().length} CPUs, load average ${load1()} at start`);
  console.log(`${REQUESTS} requests × ${ROUNDS} rounds per side and workload, ${CONCURRENCY} in flight, ${MENTION_TEXTS.length} mention texts, store ${process.env.BENCH_STORE_URL ?? 'embedded SQLite'}`);
  const rows: string[] = [];
  for (const kind of WORKLOADS) {
    // Warm-up (JIT, auth.test, keep-alive sockets), each side finishing its work.
    await round(bare, countersUrl, kind, 300, CONCURRENCY, false);
    await round(ours, countersUrl, kind, 300, CONCURRENCY, true);
    const b: RoundResult[] = [];
    const o: RoundResult[] = [];
    // Alternate which server goes first, so a change in machine load hits both alike.
    for (let r = 0; r < ROUNDS; r++) {
      if (r % 2) o.push(await round(ours, countersUrl, kind, REQUESTS, CONCURRENCY, true));
      b.push(await round(bare, countersUrl, kind, REQUESTS, CONCURRENCY, false));
      if (!(r % 2)) o.push(await round(ours, countersUrl, kind, REQUESTS, CONCURRENCY, true));
    }
    const [mb, mo] = [median(b), median(o)];
    const answered = kind === 'mention';
    rows.push(
      fmt(kind, 'bare Bolt (acks only)', mb, false),
      fmt(kind, 'our server', mo, answered),
      `| ${[kind, 'ours ÷ bare', `${(mo.rps / mb.rps).toFixed(2)}×`, '', '', '', '', answered ? `${(mo.answeredPerSecond / mb.rps).toFixed(2)}× bare's acks/s` : '', '', `${(mo.cpuPerRequest / mb.cpuPerRequest).toFixed(1)}×`, ''].join(' | ')} |`,
    );
    for (const [i, x] of o.entries()) if (answered) console.error(`  ours round ${i + 1}: ${x.answers} answers, ${x.busy} busy, ${x.answeredPerSecond.toFixed(0)} answered/s, cpu ${x.cpuPerRequest.toFixed(2)} ms/request, load ${x.load}`);
  }
  console.log('\n| workload | server | req/s | p50 ack ms | p99 ack ms | answers | busy replies | answered/s | p99 event→answer ms | CPU ms/request | load |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  console.log(rows.join('\n'));
  console.log(`\nmedians of ${ROUNDS} rounds; load average ${load1()} at the end`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const c of children) c.child.kill();
  });
