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
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_ENV as baseEnv, runTimed, serverToHealthz } from './process-start.js';
import { writeSyntheticContent } from './synthetic-content.js';

const [before, after, roundsArg] = process.argv.slice(2);
if (!before || !after) throw new Error('usage: npx tsx test/bench/cold-start-ab.ts <before-root> <after-root> [rounds]');
const ROUNDS = Number(roundsArg ?? 9);
const work = mkdtempSync(join(tmpdir(), 'lazy-ab-'));
const synth = join(work, 'content-250');
writeSyntheticContent(synth);

/** CPU time (ms) of one `ask` process. */
const askCpu = (root: string, env: Record<string, string>) => runTimed(root, ['bin/travel-advisor.js', 'ask', 'travelling to Kyrgyzstan next week'], env).cpuMs;
/** The server's CPU time (ms, /proc) at its first /healthz 200. */
const serverCpu = async (root: string, env: Record<string, string>) => (await serverToHealthz(root, { DATA_DIR: mkdtempSync(join(work, 'd-')), ...env })).cpuMs;
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
