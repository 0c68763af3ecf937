/**
 * What the scale-out benchmarks (slack-workers-bench.ts, teams-workers-bench.ts) share:
 * their command line, starting `travel-advisor worker` processes from the built CLI (`node
 * bin/travel-advisor.js worker`) with a platform's configuration, stopping processes by
 * their own pids, and leaving nothing of a run's queue in the shared Redis.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';

const BIN = fileURLToPath(new URL('../../bin/travel-advisor.js', import.meta.url));

/** Starts one `travel-advisor worker` with `env` over this process's and waits for its ready line; `children` gets it at once. */
export function startWorker(env: Record<string, string>, children: ChildProcess[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'worker'], { env: { ...process.env, ANSWER_WORKERS: 'external', LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('Answer worker ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} (run npm run build first)`)));
  });
}

/** SIGTERM to each process still running; resolves once all have exited. */
export async function stopAll(processes: ChildProcess[]): Promise<void> {
  await Promise.all(processes.map((p) => new Promise<void>((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) return resolve();
    p.once('exit', () => resolve());
    p.kill('SIGTERM');
  })));
}

/** Removes a bench run's queue from the shared Redis, its meta key too (opening a Queue writes it again). */
export async function dropQueue(name: string, redisUrl: string, prefix: string): Promise<void> {
  const queue = new Queue(name, { connection: { url: redisUrl }, prefix });
  await queue.obliterate({ force: true }).catch(() => undefined);
  await (await queue.client).del(`${prefix}:${name}:meta`);
  await queue.close();
}

/** The scale-out benches' command line: `--requests`, `--concurrency 32`, `--rounds 3`, `--workers 1,2,4`, and `--tenants 64` (Teams). */
export function workersBenchArgs(defaultRequests: number) {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: String(defaultRequests) },
      concurrency: { type: 'string', default: '32' },
      rounds: { type: 'string', default: '3' },
      workers: { type: 'string', default: '1,2,4' },
      tenants: { type: 'string', default: '64' },
    },
  });
  return {
    requests: Number(values.requests), concurrency: Number(values.concurrency), rounds: Number(values.rounds),
    workerCounts: values.workers.split(',').map(Number), tenants: Number(values.tenants),
    redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
}

/** Runs a bench's `main`; however it ends, stops its processes and drops its queue. */
export function runBench(main: () => Promise<void>, after: { children: ChildProcess[]; queue: string; redisUrl: string; prefix: string }): void {
  main()
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(async () => {
      await stopAll(after.children);
      await dropQueue(after.queue, after.redisUrl, after.prefix);
    });
}
