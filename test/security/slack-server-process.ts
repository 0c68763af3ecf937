/**
 * `node dist/main.js` as a deployer runs it, for the Slack security suites: started
 * with exactly the given environment (plus PATH, a temp DATA_DIR, port 0, loopback),
 * its output kept, and either its "Listening on" URL or its exit (code and time since
 * spawn) awaited. Needs `npm run build` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface SlackServerProcess {
  child: ChildProcess;
  output(): string;
  /** The base URL once the server listens; rejects if it exits first or after `timeoutMs`. */
  listening(timeoutMs?: number): Promise<string>;
  /** The exit code (or signal) and ms since spawn; rejects after `timeoutMs` (the process is then killed). */
  exit(timeoutMs: number): Promise<{ code: string; ms: number }>;
  /** null while running. */
  exited(): string | null;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs` (default 5 s). */
  stop(graceMs?: number): Promise<void>;
}

export function spawnSlackServer(env: Record<string, string>): SlackServerProcess {
  const dataDir = mkdtempSync(join(tmpdir(), 'h13s-process-'));
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'dist/main.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, PLAYGROUND: 'off', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let code: string | null = null;
  let ms = 0;
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const ended = new Promise<void>((r) =>
    child.on('exit', (c, signal) => {
      code = String(c ?? signal);
      ms = performance.now() - started;
      r();
    }),
  );
  const kill = async () => {
    if (code === null) child.kill('SIGKILL');
    await ended;
  };
  return {
    child,
    output: () => out,
    exited: () => code,
    listening(timeoutMs = 30_000) {
      return new Promise((resolveUrl, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "Listening on" within ${timeoutMs} ms:\n${out}`)), timeoutMs);
        const check = () => {
          const m = /health: (http:\/\/\S+)\/healthz/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolveUrl(m[1]!);
          }
        };
        child.stdout!.on('data', check);
        check();
        void ended.then(() => {
          clearTimeout(timer);
          reject(new Error(`exited (${code}) before listening:\n${out}`));
        });
      });
    },
    async exit(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)));
      const result = await Promise.race([ended.then(() => 'ended' as const), timedOut]);
      clearTimeout(timer);
      if (result === 'timeout') {
        await kill();
        throw new Error(`still running after ${timeoutMs} ms:\n${out}`);
      }
      return { code: code!, ms };
    },
    async stop(graceMs = 5_000) {
      if (code === null) child.kill('SIGTERM');
      await Promise.race([ended, new Promise((r) => setTimeout(r, graceMs))]);
      await kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
