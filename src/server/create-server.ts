/**
 * The one HTTP server every door shares (Slack, Teams, web playground, travel-desk
 * API), on node:http with a tiny router. Whatever a request carries, it gets an answer
 * and the process keeps serving: a malformed URL or percent-escape is 400, a declared
 * body over MAX_REQUEST_BODY_BYTES is 413 before any door runs, every error becomes a
 * JSON reply, and request stream errors are caught here. Nothing here logs bodies,
 * headers or error messages (see describe-error.ts).
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Door, Route } from './types.js';
import { HttpError, sendJson, tooLarge } from './http-helpers.js';
import { createBodyGate, lendBodyGate } from './body-gate.js';
import { MAX_CONCURRENT_BODY_READS, MAX_REQUEST_BODY_BYTES } from './body-limits.js';
import { describeError } from './describe-error.js';
import { StoreUnavailableError } from '../errors.js';

export interface RunningServer {
  server: Server;
  port: number;
  /** A URL to open from this machine (localhost for loopback and wildcard binds). */
  url: string;
  /** The address really bound, e.g. "127.0.0.1:3000" or "0.0.0.0:3000" (all interfaces). */
  bindAddress: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  /**
   * Checks each dependency (store, Redis, queue) for `/healthz`: the reply lists them as
   * `dependencies: { name: "ok" | "down" }` and is 503 when any is down. Must settle
   * within its own bound (the reminder service's checks take at most STORE_TIMEOUT_MS).
   */
  health?: () => Promise<Record<string, 'ok' | 'down'>>;
  /**
   * More for `/healthz` to show beside the dependencies, read on each request (e.g. `llm`,
   * the model accounting). Counts only: nothing here may carry message text or secrets.
   */
  details?: () => Record<string, unknown>;
  /** Request bodies received at once; default MAX_CONCURRENT_BODY_READS (body-limits.ts). */
  maxConcurrentBodyReads?: number;
}

/** A path segment, percent-decoded; a malformed escape (`%ZZ`, a lone `%E2`) is the client's error. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'malformed percent-encoding in the URL');
  }
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
    return m ? Object.fromEntries(names.map((n, i) => [n, decodeSegment(m[i + 1]!)])) : null;
  };
}

/** The path of the request target: origin-form ("/a?b") or absolute-form ("http://h/a"); anything else is 400. */
function pathOf(target: string | undefined): string {
  const raw = target ?? '/';
  if (raw.startsWith('/')) return raw.split('?')[0]!;
  try {
    return new URL(raw).pathname;
  } catch {
    throw new HttpError(400, 'malformed request target');
  }
}

export function createServer(doors: Door[], logger: Logger, options: ServerOptions = {}): Server {
  const gate = createBodyGate(options.maxConcurrentBodyReads ?? MAX_CONCURRENT_BODY_READS);
  const routes = [
    { method: 'GET', match: compile({ method: 'GET', path: '/healthz', handler: () => {} }), handler: healthz(doors, options.health, options.details) },
    ...doors.flatMap((d) => d.routes.map((r) => ({ method: r.method, match: compile(r), handler: r.handler }))),
  ];

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = pathOf(req.url);
    if (Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BODY_BYTES) throw tooLarge(MAX_REQUEST_BODY_BYTES);
    let allowed = false;
    for (const r of routes) {
      const params = r.match(path);
      if (!params) continue;
      if (r.method !== '*' && r.method !== req.method && !(r.method === 'GET' && req.method === 'HEAD')) {
        allowed = true;
        continue;
      }
      await r.handler(req, res, params);
      return;
    }
    sendJson(res, allowed ? 405 : 404, { error: allowed ? 'method not allowed' : 'not found' });
  }

  function fail(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    if (error instanceof StoreUnavailableError) {
      // Nothing was saved and the client may retry: 503 with Retry-After, the cause to the log only.
      logger.warn({ err: describeError(error.cause), dependency: error.dependency, method: req.method, path: pathForLog(req.url) }, 'request failed: store unavailable');
      if (!res.headersSent) sendJson(res, 503, { error: error.message }, { 'retry-after': String(error.retryAfterSeconds) });
      else res.end();
      return;
    }
    if (error instanceof HttpError) {
      if (!res.headersSent) sendJson(res, error.status, { error: error.message, ...(error.details ? { details: error.details } : {}) }, error.headers);
      else res.end();
      return;
    }
    logger.error({ err: describeError(error), method: req.method, path: pathForLog(req.url) }, 'request failed');
    if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
    else res.end();
  }

  return createHttpServer((req, res) => {
    // A reset connection or a write after close emits 'error'; without a listener that would end the process.
    const streamError = (error: unknown) => logger.debug({ err: describeError(error) }, 'request stream error');
    req.on('error', streamError);
    res.on('error', streamError);
    lendBodyGate(req, gate);
    route(req, res)
      .catch((error: unknown) => fail(req, res, error))
      .catch((error: unknown) => {
        // Even writing the error reply failed (socket gone): log and let the connection go.
        logger.warn({ err: describeError(error) }, 'could not answer a request');
        res.destroy();
      });
  });
}

/** `GET /healthz`: the doors served, with `health` each dependency's state (503 when one is down), and any `details`. */
function healthz(doors: Door[], health: ServerOptions['health'], details: ServerOptions['details']): Route['handler'] {
  return async (_req, res) => {
    const names = doors.map((d) => d.name);
    const more = details?.() ?? {};
    if (!health) return sendJson(res, 200, { ok: true, doors: names, ...more });
    const dependencies = await health().catch(() => ({ health: 'down' as const }));
    const ok = Object.values(dependencies).every((state) => state === 'ok');
    sendJson(res, ok ? 200 : 503, { ok, doors: names, dependencies, ...more }, { 'cache-control': 'no-store' });
  };
}

/** The route part of a URL for logs: no query string (it may carry input), at most 200 characters. */
function pathForLog(url: string | undefined): string {
  return (url ?? '').split('?')[0]!.slice(0, 200);
}

export async function listen(server: Server, port: number, host: string): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const actual = address.port;
  const shownHost = host === '0.0.0.0' || host === '127.0.0.1' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return {
    server,
    port: actual,
    url: `http://${shownHost}:${actual}`,
    bindAddress: address.family === 'IPv6' ? `[${address.address}]:${actual}` : `${address.address}:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
