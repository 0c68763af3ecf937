/**
 * The real `npm start` process (`node dist/main.js`, built by `npm test`) for the
 * security suites: started with a given environment on a free port, its stdout and
 * stderr kept, whether it is still alive, and its resident memory read from
 * /proc/<pid>/status (VmRSS now, VmHWM the peak), as the operating system counts it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  port: number;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** null while running; the exit code or signal once it ended. */
  exited(): string | null;
  /** Resident set size now and at its peak, in KiB (Linux /proc). */
  memoryKb(): { rss: number; peak: number };
  stop(): Promise<void>;
}

export interface StartOptions {
  startTimeoutMs?: number;
  /** Another program than the server (e.g. `['bin/travel-advisor.js', 'worker']`, relative to the root), with the line that says it is ready; `port` is then 0. */
  program?: { args: string[]; ready: string };
}

export async function startServerProcess(env: Record<string, string>, options: StartOptions = {}): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'security-server-'));
  const [script, ...args] = options.program?.args ?? ['dist/main.js'];
  const child = spawn(process.execPath, [join(ROOT, script!), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let exit: string | null = null;
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const ended = new Promise<void>((r) => child.on('exit', (code, signal) => ((exit = String(code ?? signal)), r())));
  const port = await new Promise<number>((resolvePort, reject) => {
    // A server that never says it listens is killed, or it outlives the test run and holds its port and CPU.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${err || out}`));
    }, options.startTimeoutMs ?? 30_000);
    const check = () => {
      const ready = options.program?.ready;
      const m = ready ? (out.includes(ready) ? [ready, '0'] : null) : /Listening on \S*?:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePort(Number(m[1]));
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', () => {
      clearTimeout(timer);
      reject(new Error(`server exited at start-up: ${err || out}`));
    });
  });
  return {
    port,
    child,
    stdout: () => out,
    stderr: () => err,
    exited: () => exit,
    memoryKb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      return { rss: kb('VmRSS'), peak: kb('VmHWM') };
    },
    async stop() {
      if (exit === null) {
        child.kill('SIGTERM');
        await Promise.race([ended, new Promise((r) => setTimeout(r, 5_000))]);
        if (exit === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
