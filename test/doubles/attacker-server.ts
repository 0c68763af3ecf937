/**
 * An attacker's HTTP server on 127.0.0.1, for the security tests: whatever a request
 * asks, it is recorded (method, path, whether a bearer token came with it) and answered
 * by `respond`, by default 503. Pointed at as an activity's `serviceUrl`, it shows
 * whether the Teams door calls out to hosts it must not, and how often.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AttackerRequest {
  method: string;
  path: string;
  hadAuthorization: boolean;
  atMs: number;
}

export interface AttackerReply {
  status: number;
  body?: unknown;
}

export interface AttackerServer {
  /** Base URL, e.g. http://127.0.0.1:40123/ */
  url: string;
  port: number;
  requests: AttackerRequest[];
  /** How it answers from now on (default: 503 to everything). */
  respond(handler: (req: { method: string; path: string }) => AttackerReply): void;
  close(): Promise<void>;
}

async function drain(req: IncomingMessage): Promise<void> {
  for await (const _chunk of req) void _chunk;
}

export async function startAttackerServer(): Promise<AttackerServer> {
  const requests: AttackerRequest[] = [];
  const started = Date.now();
  let handler: (req: { method: string; path: string }) => AttackerReply = () => ({ status: 503, body: { error: 'unavailable' } });
  const server = createServer(async (req, res) => {
    await drain(req);
    const path = (req.url ?? '/').split('?')[0]!;
    const method = req.method ?? 'GET';
    requests.push({ method, path, hadAuthorization: Boolean(req.headers.authorization), atMs: Date.now() - started });
    const reply = handler({ method, path });
    res.writeHead(reply.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    requests,
    respond(h) {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
