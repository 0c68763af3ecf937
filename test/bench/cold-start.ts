/**
 * Cold start as people meet it, each figure paired with a bare `import('@slack/bolt')` in a
 * fresh process on the same machine (run alternately, so both see the same load):
 *   - `travel-advisor ask "travelling to Kyrgyzstan next week"`: wall time of the whole process;
 *   - `node dist/main.js` with no credentials: wall time from spawn to the first 200 from
 *     /healthz, then its resident memory (VmRSS) one second later, idle;
 * with the real content base and with a synthetic one of ~250 country files
 * (synthetic-content.ts), whose artifacts are built into a temporary ARTIFACTS_DIR first, as
 * `npm run build` does for content/. Needs `npm run build`. Run:
 *   npx tsx test/bench/cold-start.ts [--pairs 7]
 * Prints medians, the median of the per-pair ratios, and the load average. The machine is
 * shared: the ratios to bare Bolt are what count, and also the CPU time each process spent
 * (`ask`: the whole process; the server: to /healthz; bare Bolt: to the end of the import),
 * which load distorts less than wall time.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { runTimed, serverToHealthz } from './process-start.js';
import { writeSyntheticContent } from './synthetic-content.js';

const ROOT = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { pairs: { type: 'string', default: '7' } } });
const PAIRS = Number(values.pairs);
const work = mkdtempSync(join(tmpdir(), 'cold-start-'));

interface Run {
  ms: number;
  /** CPU time of the measured process, when known. */
  cpuMs?: number;
}

const run = (args: string[], env: Record<string, string | undefined> = {}) => runTimed(ROOT, args, env);

/** The import, then the process's own CPU time so far (user + system). */
const bareBolt = (): Run => {
  const r = run(['--input-type=module', '-e', "await import('@slack/bolt'); const c = process.cpuUsage(); process.stdout.write(String((c.user + c.system) / 1000))"]);
  return { ms: r.ms, cpuMs: Number(r.stdout) };
};
const ask = (env: Record<string, string>) => (): Run => run(['bin/travel-advisor.js', 'ask', 'travelling to Kyrgyzstan next week'], env);

/** Spawn to first /healthz 200 (wall and the server's CPU), and VmRSS (MB) one second after. */
async function serverStart(env: Record<string, string>): Promise<Run & { rssMb: number }> {
  const { ms, cpuMs, after } = await serverToHealthz(ROOT, { DATA_DIR: mkdtempSync(join(work, 'data-')), ...env }, async (pid) => {
    await sleep(1000);
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
  });
  return { ms, cpuMs, rssMb: after! };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/** Runs `measure` and bare Bolt alternately, PAIRS times. */
async function paired(label: string, measure: () => Run | Promise<Run>): Promise<{ ms: number; cpuMs: number }> {
  const mine: number[] = [];
  const bolt: number[] = [];
  const ratios: number[] = [];
  const cpu: number[] = [];
  const boltCpu: number[] = [];
  const cpuRatios: number[] = [];
  const loads: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const first = i % 2 === 0;
    const b1 = first ? bareBolt() : null;
    const m = await measure();
    const b = b1 ?? bareBolt();
    mine.push(m.ms);
    bolt.push(b.ms);
    ratios.push(m.ms / b.ms);
    if (m.cpuMs !== undefined) {
      cpu.push(m.cpuMs);
      boltCpu.push(b.cpuMs!);
      cpuRatios.push(m.cpuMs / b.cpuMs!);
    }
    loads.push(loadavg()[0]!);
  }
  const cpuLine = cpu.length
    ? `\n${''.padEnd(44)} CPU ${median(cpu).toFixed(0).padStart(5)} ms; bare Bolt import CPU ${median(boltCpu).toFixed(0).padStart(4)} ms; ratio ${median(cpuRatios).toFixed(2)}×`
    : '';
  console.log(
    `${label.padEnd(44)} median ${median(mine).toFixed(0).padStart(5)} ms; bare Bolt import ${median(bolt).toFixed(0).padStart(4)} ms; ` +
      `ratio ${median(ratios).toFixed(2)}× (median of ${PAIRS} pairs); load ${median(loads).toFixed(2)}${cpuLine}`,
  );
  return { ms: median(mine), cpuMs: cpu.length ? median(cpu) : NaN };
}

try {
  const synthetic = join(work, 'content-250');
  const countries = writeSyntheticContent(synthetic);
  const artifacts250 = join(work, 'artifacts-250');
  run(['dist/app/build-artifacts-cli.js'], { CONTENT_DIR: synthetic, ARTIFACTS_DIR: artifacts250 });
  const real = {};
  const big = { CONTENT_DIR: synthetic, ARTIFACTS_DIR: artifacts250 };

  console.log(`cold start, ${PAIRS} pairs each; load average at start ${load()}`);
  const askReal = await paired('ask (content/)', ask(real));
  const askBig = await paired(`ask (${countries} country files)`, ask(big));
  const rss: Record<string, number[]> = { real: [], big: [] };
  const serverReal = await paired('server to first /healthz (content/)', async () => {
    const r = await serverStart(real);
    rss.real!.push(r.rssMb);
    return r;
  });
  const serverBig = await paired(`server to first /healthz (${countries} countries)`, async () => {
    const r = await serverStart(big);
    rss.big!.push(r.rssMb);
    return r;
  });
  console.log(`idle RSS, no credentials: ${median(rss.real!).toFixed(0)} MB (content/), ${median(rss.big!).toFixed(0)} MB (${countries} countries)`);
  const growth = (a: { ms: number; cpuMs: number }, b: { ms: number; cpuMs: number }) => `${(b.ms / a.ms).toFixed(2)}× wall, ${(b.cpuMs / a.cpuMs).toFixed(2)}× CPU`;
  console.log(`growth to ${countries} countries: ask ${growth(askReal, askBig)}; server start ${growth(serverReal, serverBig)}`);
  console.log(`load average at end ${load()}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
