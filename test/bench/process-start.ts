/**
 * Starting a project's processes and timing them, for the cold-start benchmarks
 * (cold-start.ts, cold-start-ab.ts): `root` is the checkout whose `bin/` or `dist/` runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuMsOf } from './slack-load.js';

export const BASE_ENV = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'silent' };

/** Wall time of one `node …args` process, and its whole CPU time from the shell's `times` (10 ms ticks). */
export function runTimed(root: string, args: string[], env: Record<string, string | undefined> = {}): { ms: number; cpuMs: number; stdout: string } {
  const started = performance.now();
  const script = '"$@"; status=$?; times >&2; exit $status';
  const r = spawnSync('/bin/sh', ['-c', script, 'sh', process.execPath, ...args], { cwd: root, env: { ...BASE_ENV, ...env }, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.split('\n')[0]}`);
  // The last line of `times`: the children's user and system time, "0m0.530s 0m0.070s".
  const [user = 0, system = 0] = [...(r.stderr.trim().split('\n').at(-1) ?? '').matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60_000 + Number(m[2]) * 1000);
  return { ms, cpuMs: user + system, stdout: r.stdout };
}

/**
 * `node dist/main.js` from spawn to its first /healthz 200: wall time and the server's CPU
 * time (/proc) to then; `whileUp` then runs with its pid before it is stopped.
 */
export async function serverToHealthz<T = undefined>(
  root: string,
  env: Record<string, string>,
  whileUp?: (pid: number) => Promise<T>,
): Promise<{ ms: number; cpuMs: number; after: T | undefined }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], { cwd: root, env: { ...BASE_ENV, PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  try {
    for (;;) {
      const port = /Listening on [^\s]+:(\d+)/.exec(out)?.[1];
      if (port && (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false))) break;
      if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}`);
      await sleep(5);
    }
    const ms = performance.now() - started;
    const cpuMs = cpuMsOf(child.pid!);
    return { ms, cpuMs, after: await whileUp?.(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done)));
  }
}
