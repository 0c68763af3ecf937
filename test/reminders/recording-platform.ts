/**
 * A stand-in messaging platform for the crash and multi-worker tests, over real HTTP:
 * records each delivery by idempotency key, can hold a chosen user's request open
 * (so the test can kill the sender mid-delivery), and answers "was this delivered?".
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PlatformDelivery {
  userId: string;
  key: string;
  kind: string;
  pid: number;
}

export async function startRecordingPlatform() {
  const delivered: PlatformDelivery[] = [];
  const held: ServerResponse[] = [];
  let hold: { userId: string; record: boolean } | null = null;
  const arrivals: Array<(d: PlatformDelivery) => void> = [];
  const limitOnce = new Set<string>();
  let rateLimited = 0;
  let waiting: { count: number; resolve: () => void } | null = null;
  const record = (d: PlatformDelivery) => {
    delivered.push(d);
    if (waiting && delivered.length >= waiting.count) waiting.resolve();
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && url.pathname === '/delivered') {
      const key = url.searchParams.get('key');
      res.end(JSON.stringify({ delivered: delivered.some((d) => d.key === key) }));
      return;
    }
    let body = '';
    for await (const chunk of req) body += chunk;
    const d = JSON.parse(body) as PlatformDelivery;
    if (limitOnce.delete(d.userId)) {
      rateLimited++;
      res.writeHead(429, { 'retry-after': '1' }).end('{"ok":false,"error":"ratelimited"}');
      return;
    }
    if (hold && hold.userId === d.userId) {
      if (hold.record) record(d);
      held.push(res);
      for (const a of arrivals.splice(0)) a(d);
      return;
    }
    record(d);
    for (const a of arrivals.splice(0)) a(d);
    res.end('{"ok":true}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    delivered,
    /** Hold this user's delivery open; `record` says whether the message counts as arrived. */
    hold(userId: string, record: boolean) {
      hold = { userId, record };
    },
    release() {
      hold = null;
    },
    /** The first delivery to each of these users is answered 429 with Retry-After: 1. */
    rateLimitFirst(users: string[]) {
      for (const u of users) limitOnce.add(u);
    },
    get rateLimited() {
      return rateLimited;
    },
    /** Resolves once `count` deliveries have been recorded. */
    untilDelivered(count: number): Promise<void> {
      if (delivered.length >= count) return Promise.resolve();
      return new Promise((r) => (waiting = { count, resolve: r }));
    },
    /** Resolves at the next delivery request that matches. */
    nextArrival(match: (d: PlatformDelivery) => boolean): Promise<PlatformDelivery> {
      return new Promise((resolve) => {
        const wait = (d: PlatformDelivery) => (match(d) ? resolve(d) : arrivals.push(wait));
        arrivals.push(wait);
      });
    },
    async close() {
      for (const r of held) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
