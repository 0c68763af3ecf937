/**
 * Benchmark: Slack-signed Events API requests per second through our server (the
 * real app, Slack door on the shared HTTP server) against a bare Bolt app that only
 * acknowledges, on the same machine in one run, and acknowledgement latency p50/p99
 * under that load. Each server runs in its own process; this process only sends.
 *
 *   npx tsx test/bench/slack-bench.ts [--requests 4000] [--concurrency 32] [--rounds 2]
 *
 * Workloads, each with a unique event_id per request (as Slack sends them):
 *   ack-only  a channel message the apps do not answer (our server still checks
 *             the signature, de-duplicates the event_id in the store, filters bots)
 *   mention   "@bot travelling to Kyrgyzstan next week": our server acks, then
 *             answers (advisor, setStatus, chat.postMessage to the API double) in
 *             the same process while the load continues
 * Goal (issue 6): ours ≥ 0.8× bare Bolt's throughput, p99 ack < 100 ms.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '4000' },
    concurrency: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '2' },
  },
});
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const ROUNDS = Number(values.rounds);
const SECRET = 'bench-signing-secret';
const server = fileURLToPath(new URL('./slack-bench-server.ts', import.meta.url));
const children: ChildProcess[] = [];

function start(mode: string, env: Record<string, string> = {}): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', server, mode], {
    env: { ...process.env, BENCH_SECRET: SECRET, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
}

let seq = 0;
function eventBody(kind: 'ack-only' | 'mention'): string {
  seq += 1;
  const ts = `${1763890000 + seq}.000100`;
  const event =
    kind === 'mention'
      ? { type: 'app_mention', user: 'U0BENCH', text: '<@UBOT0001> travelling to Kyrgyzstan next week', ts, channel: 'C0BENCH', event_ts: ts }
      : { type: 'message', user: 'U0BENCH', text: 'lunch anyone?', ts, channel: 'C0BENCH', channel_type: 'channel', event_ts: ts };
  return JSON.stringify({
    token: 'x',
    team_id: 'T0001',
    api_app_id: 'A0BENCH',
    event,
    type: 'event_callback',
    event_id: `Ev${process.pid}x${seq}`,
    event_time: 1763890000,
    authorizations: [{ team_id: 'T0001', user_id: 'UBOT0001', is_bot: true, is_enterprise_install: false }],
  });
}

async function send(url: string, body: string): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
    body,
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`HTTP ${res.status} from ${url}`);
  return performance.now() - started;
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
}

async function load(url: string, kind: 'ack-only' | 'mention', requests: number): Promise<Result> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests) {
        next += 1;
        latencies.push(await send(url, eventBody(kind)));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  return { rps: requests / seconds, p50: pct(50), p99: pct(99) };
}

function median(results: Result[]): Result {
  const pick = (k: keyof Result) => [...results].map((r) => r[k]).sort((a, b) => a - b)[Math.floor(results.length / 2)]!;
  return { rps: pick('rps'), p50: pick('p50'), p99: pick('p99') };
}

async function main(): Promise<void> {
  const apiUrl = await start('double');
  const [bare, ours] = await Promise.all([start('bare', { BENCH_API_URL: apiUrl }), start('ours', { BENCH_API_URL: apiUrl })]);
  console.log(`node ${process.version}, ${REQUESTS} requests × ${ROUNDS} rounds, concurrency ${CONCURRENCY}`);
  const rows: string[] = [];
  for (const kind of ['ack-only', 'mention'] as const) {
    await load(bare, kind, 300); // warm-up (JIT, auth.test, keep-alive sockets)
    await load(ours, kind, 300);
    const b: Result[] = [];
    const o: Result[] = [];
    // Alternate which server goes first, so a change in machine load hits both alike.
    for (let r = 0; r < ROUNDS; r++) {
      if (r % 2) o.push(await load(ours, kind, REQUESTS));
      b.push(await load(bare, kind, REQUESTS));
      if (!(r % 2)) o.push(await load(ours, kind, REQUESTS));
    }
    const [mb, mo] = [median(b), median(o)];
    const fmt = (name: string, x: Result) => `| ${kind} | ${name} | ${x.rps.toFixed(0)} | ${x.p50.toFixed(1)} | ${x.p99.toFixed(1)} |`;
    rows.push(fmt('bare Bolt (ack only)', mb), fmt('our server', mo), `| ${kind} | ratio ours / bare | ${(mo.rps / mb.rps).toFixed(2)}× | | |`);
  }
  console.log('\n| workload | server | req/s | p50 ack ms | p99 ack ms |\n|---|---|---|---|---|');
  console.log(rows.join('\n'));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const c of children) c.kill();
  });
