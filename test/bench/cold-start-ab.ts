/**
 * Start-up CPU of two builds, interleaved: each round runs, in turn (the order alternating),
 * both builds on content/ and on the synthetic ~250-country base (synthetic-content.ts), for
 * `ask` (the whole process's CPU, from the shell's `times`) and for the server (its CPU from
 * /proc at the first /healthz 200), as cold-start.ts measures them. Prints per-round 250 ÷
 * content/ ratios and their medians, and after ÷ before. Each build must have run `npm run
 * build`; its own build command makes its 250-country artifacts. Run:
 *   npx tsx test/bench/cold-start-ab.ts <before-root> <after-root> [rounds, default 9]
 * (a root is a checkout or a copy with dist/, bin/, content/, intents/, package-lock.json).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuMsOf } from './slack-load.js';
import { writeSyntheticContent } from './synthetic-content.js';

const [before, after, roundsArg] = process.argv.slice(2);
if (!before || !after) throw new Error('usage: npx tsx test/bench/cold-start-ab.ts <before-root> <after-root> [rounds]');
const ROUNDS = Number(roundsArg ?? 9);
const work = mkdtempSync(join(tmpdir(), 'lazy-ab-'));
const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'silent' };
const synth = join(work, 'content-250');
writeSyntheticContent(synth);

/** CPU time (ms) of one `ask` process, from the shell's `times` (10 ms ticks). */
function askCpu(root: string, env: Record<string, string>): number {
  const r = spawnSync('/bin/sh', ['-c', '"$@"; status=$?; times >&2; exit $status', 'sh', process.execPath, 'bin/travel-advisor.js', 'ask', 'travelling to Kyrgyzstan next week'], { cwd: root, env: { ...baseEnv, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const [u = 0, s = 0] = [...(r.stderr.trim().split('\n').at(-1) ?? '').matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60_000 + Number(m[2]) * 1000);
  return u + s;
}
/** The server's CPU time (ms, /proc) at its first /healthz 200. */
async function serverCpu(root: string, env: Record<string, string>): Promise<number> {
  const child = spawn(process.execPath, ['dist/main.js'], { cwd: root, env: { ...baseEnv, PORT: '0', HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(work, 'd-')), ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  try {
    for (;;) {
      const port = /Listening on [^\s]+:(\d+)/.exec(out)?.[1];
      if (port && (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false))) break;
      if (child.exitCode !== null) throw new Error('server exited');
      await sleep(5);
    }
    return cpuMsOf(child.pid!);
  } finally {
    child.kill('SIGTERM');
    await new Promise((d) => (child.exitCode !== null ? d(null) : child.once('exit', d)));
  }
}
// Each root gets its own 250-country artifacts, built by its own build command.
const big: Record<string, Record<string, string>> = {};
for (const [name, root] of [['before', before], ['after', after]] as const) {
  // The build command moved to app/ with the content digest (issue 18); an older build has it in artifacts/.
  const cli = ['dist/app/build-artifacts-cli.js', 'dist/artifacts/build-artifacts-cli.js'].find((p) => existsSync(join(root, p)))!;
  const dir = join(work, `art-${name}`);
  const r = spawnSync(process.execPath, [cli], { cwd: root, env: { ...baseEnv, CONTENT_DIR: synth, ARTIFACTS_DIR: dir } });
  if (r.status !== 0) throw new Error(String(r.stderr));
  big[name] = { CONTENT_DIR: synth, ARTIFACTS_DIR: dir };
}
const roots = { before, after };
const res: Record<string, number[]> = {};
const push = (k: string, v: number) => (res[k] ??= []).push(v);
const loads: number[] = [];
console.log(`load at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (let i = 0; i < ROUNDS; i++) {
  const order = i % 2 ? (['after', 'before'] as const) : (['before', 'after'] as const);
  for (const v of order) {
    const real = askCpu(roots[v], {});
    const b = askCpu(roots[v], big[v]!);
    push(`${v} ask real`, real); push(`${v} ask 250`, b); push(`${v} ask ratio`, b / real);
    const sr = await serverCpu(roots[v], {});
    const sb = await serverCpu(roots[v], big[v]!);
    push(`${v} server real`, sr); push(`${v} server 250`, sb); push(`${v} server ratio`, sb / sr);
  }
  loads.push(loadavg()[0]!);
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [k, xs] of Object.entries(res)) console.log(`${k.padEnd(20)} median ${med(xs).toFixed(k.includes('ratio') ? 2 : 0)}${k.includes('ratio') ? '×' : ' ms'}  (${xs.map((x) => x.toFixed(k.includes('ratio') ? 2 : 0)).join(' ')})`);
for (const what of ['ask', 'server']) for (const n of ['real', '250']) console.log(`after/before ${what} ${n}: ${(med(res[`after ${what} ${n}`]!) / med(res[`before ${what} ${n}`]!)).toFixed(2)}×`);
console.log(`load (1 min) per round: ${loads.map((l) => l.toFixed(1)).join(' ')}; at end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
rmSync(work, { recursive: true, force: true });
