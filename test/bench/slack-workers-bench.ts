/**
 * Benchmark of scale-out (ANSWER_WORKERS=external): the real server acknowledges signed
 * mentions and queues them on BullMQ in Redis; N `travel-advisor worker` processes (the
 * built CLI, `node bin/travel-advisor.js worker`) answer them through the Slack API
 * double. Each N ∈ {1, 2, 4} gets a burst of varied mentions (test/nlu/eval-set.yaml);
 * answered mentions/s is counted at the double, from the first send to the last answer.
 * The same burst through one server answering inline is the baseline row.
 *
 *   npm run build && npx tsx test/bench/slack-workers-bench.ts [--requests 2000] [--concurrency 32] [--rounds 3] [--workers 1,2,4]
 *
 * Every process (double, server, workers, this one) shares the machine's cores: past the
 * number of cores more workers add no CPU, only a larger share of a busy machine, which the
 * output says. Prints the table as measured, with the load at each row.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { ANSWERS_QUEUE } from '../../src/channels/slack/answer-queue.js';
import { MENTION_TEXTS, cpuMsOf, load1, median, round, startServer, type RoundResult, type ServerProcess } from './slack-load.js';
import { runBench, startWorker, stopAll, workersBenchArgs } from './worker-processes.js';

const { requests: REQUESTS, concurrency: CONCURRENCY, rounds: ROUNDS, workerCounts: WORKER_COUNTS, redisUrl: REDIS } = workersBenchArgs(2000);
const PREFIX = `bench-answers-${randomUUID().slice(0, 8)}`;
const children: ChildProcess[] = [];

/** One `travel-advisor worker` with the server's Slack configuration, as a deployment would give it (the secret is checked, not used). */
const startSlackWorker = (apiUrl: string) =>
  startWorker({ REDIS_URL: REDIS, STORE_URL: REDIS, ANSWER_QUEUE_PREFIX: PREFIX, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench-worker', SLACK_API_URL: apiUrl }, children);

interface Row { name: string; result: RoundResult; workerCpuPerAnswer: number }

/** Rounds against `server` (after a warm-up), the median kept; worker CPU per answer from /proc. */
async function measure(name: string, server: ServerProcess, countersUrl: string, workers: ChildProcess[]): Promise<Row> {
  await round(server, countersUrl, 'mention', 300, CONCURRENCY, true);
  const results: RoundResult[] = [];
  const perAnswer: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const cpu0 = workers.reduce((a, w) => a + cpuMsOf(w.pid!), 0);
    const result = await round(server, countersUrl, 'mention', REQUESTS, CONCURRENCY, true);
    results.push(result);
    perAnswer.push((workers.reduce((a, w) => a + cpuMsOf(w.pid!), 0) - cpu0) / Math.max(1, result.answers));
  }
  return { name, result: median(results), workerCpuPerAnswer: perAnswer.sort((a, b) => a - b)[perAnswer.length >> 1]! };
}

const fmt = ({ name, result: x, workerCpuPerAnswer }: Row, base: number) =>
  `| ${name} | ${x.answers} | ${x.busy} | ${x.answeredPerSecond.toFixed(0)} | ${(x.answeredPerSecond / base).toFixed(2)}× | ${x.p99Answer.toFixed(0)} | ${x.cpuPerRequest.toFixed(2)} | ${name.startsWith('inline') ? '–' : workerCpuPerAnswer.toFixed(2)} | ${x.load} |`;

async function main(): Promise<void> {
  const double = await startServer('double');
  const [apiUrl, countersUrl] = [double.url, double.extra[0]!];
  const env = { BENCH_API_URL: apiUrl, BENCH_STORE_URL: REDIS };
  const inline = await startServer('ours', env);
  const acking = await startServer('ours', { ...env, BENCH_REDIS_URL: REDIS, BENCH_ANSWER_PREFIX: PREFIX });
  children.push(double.child, inline.child, acking.child);
  const cores = cpus().length;
  console.log(`slack-workers-bench: node ${process.version}, ${cores} CPUs, load average ${load1()} at start`);
  console.log(`${REQUESTS} mentions × ${ROUNDS} rounds per row (median), ${CONCURRENCY} in flight, ${MENTION_TEXTS.length} mention texts, store and queue ${REDIS}`);
  const rows: Row[] = [await measure('inline (one process)', inline, countersUrl, [])];
  await stopAll([inline.child]);
  for (const n of WORKER_COUNTS) {
    const workers = await Promise.all(Array.from({ length: n }, () => startSlackWorker(apiUrl)));
    rows.push(await measure(`external, ${n} worker${n === 1 ? '' : 's'}`, acking, countersUrl, workers));
    await stopAll(workers);
  }
  const base = rows.find((r) => r.name.startsWith('external'))?.result.answeredPerSecond ?? 1;
  console.log('\n| answering | answered | busy | answered/s | vs 1 worker | p99 event→answer ms | server CPU ms/mention | worker CPU ms/answer | load |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(fmt(row, base));
  console.log(
    `\nThis machine has ${cores} cores, shared by the server, the workers, the Slack double, this load generator ` +
      `and whatever else runs (load ${load1()} now). More than ${cores} answering processes add no CPU here: on a busy ` +
      'machine more processes only win a larger share of it from the other work, and each worker overlaps its own ' +
      'Redis and Web API waits. That is not capacity; on separate machines (or more cores) each worker adds its own.',
  );
}

runBench(main, { children, queue: ANSWERS_QUEUE, redisUrl: REDIS, prefix: PREFIX });
