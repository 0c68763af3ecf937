/**
 * The one HTTP server every door shares (Slack, Teams, web playground, travel-desk
 * API), on node:http with a tiny router. Errors become JSON replies; nothing here
 * logs bodies or headers.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Door, Route } from './types.js';
import { HttpError, sendJson } from './http-helpers.js';

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

function compile(route: Route): (path: string) => Record<string, string> | null {
  if (route.path.endsWith('*')) {
    const prefix = route.path.slice(0, -1);
    return (path) => (path.startsWith(prefix) ? { rest: path.slice(prefix.length) } : null);
  }
  const names: string[] = [];
  const re = new RegExp(
    '^' + route.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:([a-zA-Z]+)/g, (_, n: string) => (names.push(n), '([^/]+)')) + '$',
  );
  return (path) => {
    const m = re.exec(path);
    return m ? Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) : null;
  };
}

export function createServer(doors: Door[], logger: Logger): Server {
  const routes = [
    { method: 'GET', match: compile({ method: 'GET', path: '/healthz', handler: () => {} }), handler: ((_req, res) => sendJson(res, 200, { ok: true, doors: doors.map((d) => d.name) })) as Route['handler'] },
    ...doors.flatMap((d) => d.routes.map((r) => ({ method: r.method, match: compile(r), handler: r.handler }))),
  ];
  return createHttpServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    let allowed = false;
    for (const r of routes) {
      const params = r.match(path);
      if (!params) continue;
      if (r.method !== '*' && r.method !== req.method && !(r.method === 'GET' && req.method === 'HEAD')) {
        allowed = true;
        continue;
      }
      try {
        await r.handler(req, res, params);
      } catch (error) {
        if (error instanceof HttpError) {
          if (!res.headersSent) sendJson(res, error.status, { error: error.message, ...(error.details ? { details: error.details } : {}) });
        } else {
          logger.error({ err: error, path }, 'request failed');
          if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
          else res.end();
        }
      }
      return;
    }
    sendJson(res, allowed ? 405 : 404, { error: allowed ? 'method not allowed' : 'not found' });
  });
}

export async function listen(server: Server, port: number, host: string): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '127.0.0.1' || host === '::' ? 'localhost' : host;
  return {
    server,
    port: actual,
    url: `http://${shownHost}:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
