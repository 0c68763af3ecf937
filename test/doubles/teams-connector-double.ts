/**
 * A local stand-in for the Bot Connector service (the `serviceUrl` of a Teams
 * activity), over real HTTP on 127.0.0.1. It records what the bot sends to
 * `/v3/conversations/{id}/activities[/{activityId}]` (POST = send/reply, PUT = update),
 * answers `{ id }` as the real service does, serves `GET …/members/{userId}` from a
 * roster you fill in, and can fail the next calls with 429/412/502/504 on demand, or reset
 * their connection with no answer at all (what a client sees when it reuses a keep-alive
 * connection the server has just closed as idle).
 * Given `appTokens` (the Microsoft identity double's `checkAppToken`), it does what the
 * real service does with the bot's `Authorization: Bearer` app token: any request without
 * a valid one is answered 401 and recorded in `refused`, never in `calls`.
 * Used by the Teams door tests and the reminders tests.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  /** Decoded conversation id (Teams ids contain ':' ';' '@'). */
  conversationId: string;
  /** The activity replied to (POST …/activities/{id}) or updated (PUT …/activities/{id}). */
  activityId: string | null;
  /** The id the double answered with (sends and replies). */
  answeredId: string | null;
  status: number;
  /** When the double received it: wall-clock ms (performance.timeOrigin + now), comparable across processes. */
  at: number;
  authorization: string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface ConnectorDoubleOptions {
  /** Checks each request's Authorization header: null when it carries a valid app token, else why not (answered 401). */
  appTokens?: (authorization: string | null) => string | null;
}

export interface TeamsConnectorDouble {
  /** Base URL to put in `serviceUrl`, e.g. http://127.0.0.1:40123/ */
  url: string;
  /** Every activity call, failed ones included (with their status); not the ones refused for their token. */
  calls: ConnectorCall[];
  /** Every request of any kind (roster lookups and refused ones too), in order. */
  requests: Array<{ method: string; path: string; status: number }>;
  /** Requests answered 401 because their app token was missing or not valid, with the reason. */
  refused: Array<{ method: string; path: string; reason: string }>;
  /**
   * The next `n` activity calls answer `status` (Retry-After seconds with 429 when given);
   * with `only`, just the calls into that conversation and/or of that activity type (others pass untouched).
   */
  failNext(n: number, status: 429 | 412 | 502 | 504 | number, retryAfterSeconds?: number, only?: { conversationId?: string; type?: string }): void;
  /**
   * The next `n` matching activity calls get no answer: their connection is reset (the caller
   * sees ECONNRESET). Recorded in `resets`, never in `calls`.
   */
  resetNext(n: number, only?: { conversationId?: string; type?: string }): void;
  /** Activity calls whose connection was reset by resetNext, in order. */
  resets: Array<{ conversationId: string; type: unknown }>;
  /** Roster entry returned by GET /v3/conversations/{id}/members/{userId}. */
  setMember(userId: string, member: { email?: string; name?: string; aadObjectId?: string }): void;
  /** Resolves once at least `n` successful activity calls were recorded. */
  waitForCalls(n: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  /** Resolves with the first recorded call matching `predicate` (waiting for it if needed). */
  waitFor(predicate: (call: ConnectorCall) => boolean, timeoutMs?: number): Promise<ConnectorCall>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  return raw ? JSON.parse(raw) : null;
}

export async function startTeamsConnectorDouble(options: ConnectorDoubleOptions = {}): Promise<TeamsConnectorDouble> {
  const calls: ConnectorCall[] = [];
  const requests: TeamsConnectorDouble['requests'] = [];
  const refused: TeamsConnectorDouble['refused'] = [];
  const members = new Map<string, Record<string, unknown>>();
  const failures: Array<{ status: number; retryAfter?: number; only?: { conversationId?: string; type?: string } }> = [];
  const resetting: Array<{ conversationId?: string; type?: string } | undefined> = [];
  const resets: TeamsConnectorDouble['resets'] = [];
  const waiters: Array<() => void> = [];
  let nextId = 1;

  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const payload = JSON.stringify(body);
      requests.push({ method: req.method ?? '', path, status });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(payload);
    };
    const tokenProblem = options.appTokens?.(req.headers.authorization ?? null) ?? null;
    if (tokenProblem !== null) {
      req.resume();
      refused.push({ method: req.method ?? '', path, reason: tokenProblem });
      reply(401, { message: 'Authorization has been denied for this request.' });
      for (const w of waiters.splice(0)) w();
      return;
    }
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
    if (member && req.method === 'GET') {
      const userId = decodeURIComponent(member[2]!);
      const m = members.get(userId);
      return m ? reply(200, { id: userId, ...m }) : reply(404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
    }
    const activity = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (!activity || (req.method !== 'POST' && req.method !== 'PUT')) return reply(404, { error: { code: 'NotFound', message: path } });
    const body = await readBody(req);
    const conversationId = decodeURIComponent(activity[1]!);
    const type = (body as { type?: unknown } | null)?.type;
    const reset = resetting.findIndex((o) => (o?.conversationId ?? conversationId) === conversationId && (o?.type ?? type) === type);
    if (reset >= 0) {
      resetting.splice(reset, 1);
      resets.push({ conversationId, type });
      req.socket.resetAndDestroy();
      for (const w of waiters.splice(0)) w();
      return;
    }
    const at = failures.findIndex((f) => (f.only?.conversationId ?? conversationId) === conversationId && (f.only?.type ?? type) === type);
    const failure = at < 0 ? undefined : failures.splice(at, 1)[0];
    const status = failure?.status ?? (req.method === 'POST' ? 201 : 200);
    const answeredId = failure ? null : req.method === 'PUT' ? decodeURIComponent(activity[2]!) : `activity-${nextId++}`;
    calls.push({
      method: req.method,
      conversationId,
      activityId: activity[2] ? decodeURIComponent(activity[2]) : null,
      answeredId,
      status,
      at: performance.timeOrigin + performance.now(),
      authorization: req.headers.authorization ?? null,
      body,
    });
    if (failure)
      reply(status, { error: { code: 'Throttled', message: `double failing with ${status}` } }, failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {});
    else reply(status, { id: answeredId });
    for (const w of waiters.splice(0)) w();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const ok = () => calls.filter((c) => c.status < 300);
  /** Waits on recorded calls (woken by each new call), failing after `timeoutMs`. */
  async function until(done: () => boolean, timeoutMs: number, why: () => string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`connector double: ${why()}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        waiters.push(() => (clearTimeout(t), resolve()));
      });
    }
  }

  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    requests,
    refused,
    failNext(n, status, retryAfterSeconds, only) {
      for (let i = 0; i < n; i++) failures.push({ status, retryAfter: retryAfterSeconds, only });
    },
    resets,
    resetNext(n, only) {
      for (let i = 0; i < n; i++) resetting.push(only);
    },
    setMember(userId, m) {
      members.set(userId, m);
    },
    async waitForCalls(n, timeoutMs = 5000) {
      await until(() => ok().length >= n, timeoutMs, () => `expected ${n} calls, got ${ok().length}`);
      return ok();
    },
    async waitFor(predicate, timeoutMs = 5000) {
      await until(() => calls.some(predicate), timeoutMs, () => 'no recorded call matched');
      return calls.find(predicate)!;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
