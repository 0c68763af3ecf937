/**
 * Paired before/after benchmark of our server alone: two checkouts of the project (e.g.
 * `git archive <commit> | tar -x -C /tmp/before`, with node_modules linked in) each run
 * the real app side by side against one Slack API double (this checkout's, which counts
 * replies), and the load alternates between them round by round, so a change in the
 * machine's load hits both alike. Each round ends when every mention has its reply at
 * the double and the server is idle (slack-load.ts), and reports answers, busy replies,
 * answered mentions/s and CPU per request of the server process.
 *
 *   npx tsx test/bench/slack-ab.ts --before /tmp/before --after /tmp/after [--workload mention] [--requests 2000] [--rounds 5]
 *
 * BENCH_STORE_URL picks the store as in slack-bench.ts (default: embedded SQLite).
 */
import { parseArgs } from 'node:util';
import { load1, median, round, startServer, type RoundResult, type ServerProcess, type Workload } from './slack-load.js';

const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    after: { type: 'string' },
    workload: { type: 'string', default: 'mention' },
    requests: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '32' },
  },
});
if (!values.before || !values.after) throw new Error('--before and --after (project directories) are required');
const kind = values.workload as Workload;
const N = Number(values.requests);
const ROUNDS = Number(values.rounds);
const CONCURRENCY = Number(values.concurrency);
const kids: ServerProcess[] = [];

try {
  const double = await startServer('double');
  kids.push(double);
  const countersUrl = double.extra[0]!;
  const env = { BENCH_API_URL: double.url, ...(process.env.BENCH_STORE_URL ? { BENCH_STORE_URL: process.env.BENCH_STORE_URL } : {}) };
  const servers = { before: await startServer('ours', env, values.before), after: await startServer('ours', env, values.after) };
  kids.push(servers.before, servers.after);
  console.log(`slack-ab: node ${process.version}, load average ${load1()} at start; ${kind}, ${N} requests × ${ROUNDS} rounds, ${CONCURRENCY} in flight`);
  console.log(`before ${values.before}, after ${values.after}, store ${process.env.BENCH_STORE_URL ?? 'embedded SQLite'}`);
  const answers = kind === 'mention';
  for (const s of Object.values(servers)) await round(s, countersUrl, kind, 300, CONCURRENCY, answers);
  const res: Record<'before' | 'after', RoundResult[]> = { before: [], after: [] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const k of r % 2 ? (['after', 'before'] as const) : (['before', 'after'] as const)) res[k].push(await round(servers[k], countersUrl, kind, N, CONCURRENCY, answers));
  }
  const list = (a: RoundResult[], f: (x: RoundResult) => number, d = 0) => a.map((x) => f(x).toFixed(d)).join(',');
  for (const k of ['before', 'after'] as const) {
    const a = res[k];
    const m = median(a);
    console.log(
      `${kind} ${k}: req/s ${list(a, (x) => x.rps)} (med ${m.rps.toFixed(0)}), p99 ack med ${m.p99.toFixed(0)} ms, p50 med ${m.p50.toFixed(1)} ms` +
        (answers ? `, answers ${list(a, (x) => x.answers)}, busy ${list(a, (x) => x.busy)}, answered/s med ${m.answeredPerSecond.toFixed(0)}, p99 event→answer med ${m.p99Answer.toFixed(0)} ms` : '') +
        `, CPU ms/request ${list(a, (x) => x.cpuPerRequest, 2)} (med ${m.cpuPerRequest.toFixed(2)}), load ${a.map((x) => x.load).join(',')}`,
    );
  }
  const [b, a] = [median(res.before), median(res.after)];
  console.log(`after ÷ before: CPU per request ${(a.cpuPerRequest / b.cpuPerRequest).toFixed(2)}×, req/s ${(a.rps / b.rps).toFixed(2)}×; load average ${load1()} at the end`);
} finally {
  for (const c of kids) c.child.kill();
}
