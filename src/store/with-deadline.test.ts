import { spawnSync } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../errors.js';
import { withDeadline } from './with-deadline.js';
import { PACKAGE_ROOT } from '../config.js';

let server: Server | null = null;
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

/** A TCP "store" that answers each connection at once, or never. */
async function store(answers: boolean): Promise<number> {
  server = createServer((socket) => (answers ? socket.end('ok') : sockets.add(socket)));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return (server!.address() as { port: number }).port;
}

function ask(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    sockets.add(socket);
    let data = '';
    socket.on('data', (d) => (data += d));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('withDeadline', () => {
  it('says the store is unavailable when it does not answer in time', async () => {
    const port = await store(false);
    await expect(withDeadline('store', 100, () => ask(port))).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('does not blame the store for time this process spent busy: an answer that arrived meanwhile is taken', async () => {
    const port = await store(true);
    const call = withDeadline('store', 100, () => ask(port));
    // The store answers within milliseconds, but a synchronous 400 ms (a content reload)
    // keeps the process from reading it until the deadline timer is long overdue.
    busy(400);
    await expect(call).resolves.toBe('ok');
  });

  it('ends a call whose driver holds nothing open (a Redis client between reconnects) instead of letting the process exit mid-await', () => {
    // A real process (the built module), since the fault is Node exiting with code 13, "unsettled
    // top-level await", when only an unref'd deadline timer was left: the CSV import died so when Redis did.
    const script = `import { withDeadline } from ${JSON.stringify(join(PACKAGE_ROOT, 'dist/store/with-deadline.js'))};
      await withDeadline('store', 100, () => new Promise(() => {})).catch((e) => console.log(e.name));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect([r.status, r.stdout.trim()]).toEqual([0, 'StoreUnavailableError']);
  });
});
