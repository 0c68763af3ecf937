/**
 * What the Slack benchmarks (slack-bench.ts, slack-ab.ts) share: signed Events API
 * bodies with varied mention texts, the load generator, the counters of the Slack API
 * double (what Slack would have received: answers and busy replies apart, and when each
 * answer arrived), a server process's CPU from /proc, and the wait for a side to finish
 * its work before the next round.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { postSigned } from '../slack/slack-requests.js';

export const SECRET = 'bench-signing-secret';
export type Workload = 'ack-only' | 'mention';
/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes on one machine. */
export const epochMs = () => performance.timeOrigin + performance.now();
export const load1 = () => loadavg()[0]!.toFixed(2);

/** Trip and country questions from the understanding eval set, as people write them. */
export const MENTION_TEXTS: string[] = (() => {
  const set = parse(readFileSync(new URL('../nlu/eval-set.yaml', import.meta.url), 'utf8')) as { cases: Array<{ text: string; intent: string }> };
  return set.cases.filter((c) => c.intent === 'trip' || c.intent === 'country').map((c) => c.text);
})();

export interface Sent {
  body: string;
  /** The mention's ts: the thread its answer is posted in. */
  ts: string;
}

let seq = 0;
export function eventBody(kind: Workload): Sent {
  seq += 1;
  const ts = `${1763890000 + seq}.${String(process.pid % 1e6).padStart(6, '0')}`;
  const text = MENTION_TEXTS[seq % MENTION_TEXTS.length]!;
  const event =
    kind === 'mention'
      ? { type: 'app_mention', user: 'U0BENCH', text: `<@UBOT0001> ${text}`, ts, channel: 'C0BENCH', event_ts: ts }
      : { type: 'message', user: 'U0BENCH', text: 'lunch anyone?', ts, channel: 'C0BENCH', channel_type: 'channel', event_ts: ts };
  const body = JSON.stringify({
    token: 'x', team_id: 'T0001', api_app_id: 'A0BENCH', event, type: 'event_callback',
    event_id: `Ev${process.pid}x${seq}`, event_time: 1763890000,
    authorizations: [{ team_id: 'T0001', user_id: 'UBOT0001', is_bot: true, is_enterprise_install: false }],
  });
  return { body, ts };
}

async function send(url: string, body: string): Promise<number> {
  const started = performance.now();
  const res = await postSigned(url, SECRET, body, 'application/json');
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`HTTP ${res.status} from ${url}`);
  return performance.now() - started;
}

export interface LoadResult {
  seconds: number;
  acks: number[];
  /** thread ts → when its event was sent (epochMs). */
  sentAt: Map<string, number>;
}

/** Sends `requests` events, `concurrency` in flight; every one must be acknowledged with 200. */
export async function load(url: string, kind: Workload, requests: number, concurrency: number): Promise<LoadResult> {
  const acks: number[] = [];
  const sentAt = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next += 1;
        const e = eventBody(kind);
        sentAt.set(e.ts, epochMs());
        acks.push(await send(url, e.body));
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, acks, sentAt };
}

export const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);

/** What the double saw since the last read: answers (Block Kit posts), busy replies, other posts, and each answer's arrival. */
export interface Counters {
  answers: number;
  busy: number;
  other: number;
  /** [thread ts, epochMs] of each answer or busy reply. */
  replies: Array<[string, number]>;
}

export async function readCounters(countersUrl: string): Promise<Counters> {
  return (await (await fetch(countersUrl)).json()) as Counters;
}

/** CPU milliseconds (user + system) the process has used, from /proc/<pid>/stat (10 ms ticks on Linux). */
export function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // After "pid (comm) ": state is field 3, utime 14 and stime 15 (1-based) → indexes 11 and 12 here.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resolves once the process has used under 2% of a core for 300 ms (its deferred work is done), or after `timeoutMs`. */
export async function quiet(pid: number, timeoutMs = 60_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  let last = cpuMsOf(pid);
  while (performance.now() < until) {
    await new Promise((r) => setTimeout(r, 300));
    const now = cpuMsOf(pid);
    if (now - last <= 10) return;
    last = now;
  }
}

export interface ServerProcess {
  url: string;
  /** Further words on the READY line (the double's counters URL). */
  extra: string[];
  pid: number;
  child: ChildProcess;
}

/** Starts `slack-bench-server.ts <mode>` from project `dir` and waits for its READY line. */
export function startServer(mode: string, env: Record<string, string> = {}, dir?: string): Promise<ServerProcess> {
  const server = dir ? `${dir}/test/bench/slack-bench-server.ts` : fileURLToPath(new URL('./slack-bench-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', server, mode], {
    ...(dir ? { cwd: dir } : {}),
    env: { ...process.env, BENCH_SECRET: SECRET, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)(.*)/.exec(out);
      if (m) resolve({ url: m[1]!, extra: m[2]!.trim().split(/\s+/).filter(Boolean), pid: child.pid!, child });
    });
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
}

export interface RoundResult {
  rps: number;
  p50: number;
  p99: number;
  /** Mention rounds: answers delivered, busy replies, answered mentions/s (from first send to last answer), p99 event → answer. */
  answers: number;
  busy: number;
  answeredPerSecond: number;
  p99Answer: number;
  /** CPU of the server process over the round and its aftermath, per request. */
  cpuPerRequest: number;
  load: string;
}

/**
 * One round against one server: send the load, then (mention rounds of a server that
 * answers, `expectReplies`) wait until the
 * double has seen a reply in every thread, then until the server is quiet, so no work
 * spills into the next round. CPU is read from the server process before and after.
 */
export async function round(server: ServerProcess, countersUrl: string, kind: Workload, requests: number, concurrency: number, expectReplies: boolean): Promise<RoundResult> {
  await readCounters(countersUrl); // start from zero
  const cpu0 = cpuMsOf(server.pid);
  const t0 = epochMs();
  const l = await load(server.url, kind, requests, concurrency);
  const replies = new Map<string, number>();
  let answers = 0;
  let busy = 0;
  const deadline = performance.now() + 120_000;
  const wantReplies = kind === 'mention' && expectReplies;
  while (wantReplies && replies.size < requests && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    const c = await readCounters(countersUrl);
    answers += c.answers;
    busy += c.busy;
    for (const [ts, at] of c.replies) if (l.sentAt.has(ts) && !replies.has(ts)) replies.set(ts, at);
  }
  await quiet(server.pid);
  const cpu = cpuMsOf(server.pid) - cpu0;
  const acks = l.acks.sort((a, b) => a - b);
  const toAnswer = [...replies].map(([ts, at]) => at - l.sentAt.get(ts)!).sort((a, b) => a - b);
  const lastReply = Math.max(t0, ...replies.values());
  return {
    rps: requests / l.seconds,
    p50: percentile(acks, 50),
    p99: percentile(acks, 99),
    answers,
    busy,
    answeredPerSecond: answers ? answers / ((lastReply - t0) / 1000) : 0,
    p99Answer: percentile(toAnswer, 99),
    cpuPerRequest: cpu / requests,
    load: load1(),
  };
}

export function median(results: RoundResult[]): RoundResult {
  const pick = <K extends keyof RoundResult>(k: K) => [...results].map((r) => r[k]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[Math.floor(results.length / 2)]!;
  return {
    rps: pick('rps'), p50: pick('p50'), p99: pick('p99'), answers: pick('answers'), busy: pick('busy'),
    answeredPerSecond: pick('answeredPerSecond'), p99Answer: pick('p99Answer'), cpuPerRequest: pick('cpuPerRequest'), load: pick('load'),
  };
}
