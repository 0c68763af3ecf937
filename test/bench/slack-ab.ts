/**
 * Paired before/after benchmark of our server alone: two checkouts of the project (e.g.
 * `git archive <commit> | tar -x -C /tmp/before`, with node_modules linked in) each run
 * the real app side by side against one Slack API double, and the load alternates between
 * them round by round, so a change in the machine's load hits both alike.
 *
 *   npx tsx test/bench/slack-ab.ts --before /tmp/before --after /tmp/after [--workload mention] [--requests 2000] [--rounds 5]
 *
 * BENCH_STORE_URL picks the store as in slack-bench.ts (default: embedded SQLite).
 */
import { parseArgs } from 'node:util';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
const SECRET = 'bench-signing-secret';
const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    after: { type: 'string' },
    workload: { type: 'string', default: 'mention' },
    requests: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '5' },
  },
});
if (!values.before || !values.after) throw new Error('--before and --after (project directories) are required');
const trees: Record<string, string> = { before: values.before, after: values.after };
const kind = values.workload;
const N = Number(values.requests);
const ROUNDS = Number(values.rounds);
const kids: ChildProcess[] = [];
function start(tree: string, mode: string, env: Record<string, string> = {}) {
  const dir = trees[tree]!;
  const child = spawn(process.execPath, ['--import', 'tsx', `${dir}/test/bench/slack-bench-server.ts`, mode], { cwd: dir, env: { ...process.env, BENCH_SECRET: SECRET, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  kids.push(child);
  return new Promise<string>((resolve) => { let out = ''; child.stdout!.on('data', (d: Buffer) => { out += d; const m = /READY (\S+)/.exec(out); if (m) resolve(m[1]!); }); });
}
let seq = 0;
function body(): string {
  seq += 1;
  const ts = `${1763890000 + seq}.000100`;
  const event = kind === 'mention' ? { type: 'app_mention', user: 'U0BENCH', text: '<@UBOT0001> travelling to Kyrgyzstan next week', ts, channel: 'C0BENCH', event_ts: ts } : { type: 'message', user: 'U0BENCH', text: 'lunch anyone?', ts, channel: 'C0BENCH', channel_type: 'channel', event_ts: ts };
  return JSON.stringify({ token: 'x', team_id: 'T0001', api_app_id: 'A0BENCH', event, type: 'event_callback', event_id: `Ev${process.pid}x${seq}`, event_time: 1763890000, authorizations: [{ team_id: 'T0001', user_id: 'UBOT0001', is_bot: true, is_enterprise_install: false }] });
}
async function send(url: string) {
  const b = body(); const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${b}`).digest('hex')}`;
  const t = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature }, body: b });
  await res.arrayBuffer(); return performance.now() - t;
}
async function load(url: string, n: number) {
  const lat: number[] = []; let next = 0; const t = performance.now();
  await Promise.all(Array.from({ length: 32 }, async () => { while (next < n) { next++; lat.push(await send(url)); } }));
  lat.sort((a, b) => a - b);
  return { rps: n / ((performance.now() - t) / 1000), p50: lat[Math.floor(n * 0.5)]!, p99: lat[Math.floor(n * 0.99)]! };
}
const dbl = await start('after', 'double');
const env = { BENCH_API_URL: dbl, ...(process.env.BENCH_STORE_URL ? { BENCH_STORE_URL: process.env.BENCH_STORE_URL } : {}) };
const urls = { before: await start('before', 'ours', env), after: await start('after', 'ours', env) };
await load(urls.before, 300); await load(urls.after, 300);
type Result = { rps: number; p50: number; p99: number };
const res: Record<string, Result[]> = { before: [], after: [] };
for (let r = 0; r < ROUNDS; r++) {
  const order = r % 2 ? ['after', 'before'] : ['before', 'after'];
  for (const k of order) { await new Promise((x) => setTimeout(x, 1500)); res[k]!.push(await load(urls[k as 'before' | 'after'], N)); }
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
for (const k of ['before', 'after']) {
  const a = res[k]!;
  console.log(`${kind} ${k}: rps ${a.map((x) => x.rps.toFixed(0)).join(',')} (med ${med(a.map((x) => x.rps)).toFixed(0)}), p99 ${a.map((x) => x.p99.toFixed(0)).join(',')} (med ${med(a.map((x) => x.p99)).toFixed(0)}), p50 med ${med(a.map((x) => x.p50)).toFixed(1)}`);
}
for (const c of kids) c.kill();
