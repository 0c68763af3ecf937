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
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { ANSWERS_QUEUE } from '../../src/channels/slack/answer-queue.js';
import { MENTION_TEXTS, cpuMsOf, load1, median, round, startServer, type RoundResult, type ServerProcess } from './slack-load.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '3' },
    workers: { type: 'string', default: '1,2,4' },
  },
});
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const ROUNDS = Number(values.rounds);
const WORKER_COUNTS = values.workers.split(',').map(Number);
const REDIS = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `bench-answers-${randomUUID().slice(0, 8)}`;
const BIN = fileURLToPath(new URL('../../bin/travel-advisor.js', import.meta.url));
const children: ChildProcess[] = [];

/** Starts one `travel-advisor worker` and waits for its ready line. */
function startWorker(apiUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'worker'], {
    env: {
      ...process.env, ANSWER_WORKERS: 'external', REDIS_URL: REDIS, STORE_URL: REDIS, ANSWER_QUEUE_PREFIX: PREFIX,
      // The server's own configuration, as a deployment would give it (the secret is checked, not used).
      SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench-worker', SLACK_API_URL: apiUrl, LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('Answer worker ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} (run npm run build first)`)));
  });
}

async function stopAll(processes: ChildProcess[]): Promise<void> {
  await Promise.all(processes.map((p) => new Promise<void>((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) return resolve();
    p.once('exit', () => resolve());
    p.kill('SIGTERM');
  })));
}

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
    const workers = await Promise.all(Array.from({ length: n }, () => startWorker(apiUrl)));
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

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopAll(children);
    const queue = new Queue(ANSWERS_QUEUE, { connection: { url: REDIS }, prefix: PREFIX });
    await queue.obliterate({ force: true }).catch(() => undefined);
    // Opening a Queue writes its meta key again: leave nothing of this run in the shared Redis.
    await (await queue.client).del(`${PREFIX}:${ANSWERS_QUEUE}:meta`);
    await queue.close();
  });
