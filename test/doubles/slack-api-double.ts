/**
 * A local stand-in for Slack's Web API over real HTTP, so the real @slack/web-api
 * client (inside Bolt) and our JSON poster talk to it exactly as to slack.com:
 * `POST /api/<method>` with a form-encoded body (nested fields JSON-stringified) or a
 * JSON body (token only in `Authorization`, `missing_charset` warned, `invalid_json`
 * refused, as Slack does), bearer token in `Authorization` (a form body may carry it as a
 * field instead). It answers `{ ok: true, … }` like Slack, records every call, and
 * can be told to fail the next call of a method with a 429 + Retry-After or a
 * platform error. It also serves response_url posts (`POST /respond/<id>`), recorded
 * under the method name "response_url". `users.info` answers with the `tz` given in
 * `timeZones` (others are `user_not_found`), as the door asks for each user's zone.
 *
 * Point the app at it with `SLACK_API_URL: double.apiUrl`; give slash commands and
 * block actions `response_url: double.responseUrl('<id>')`.
 *
 * It can also hold a call unanswered (`holdNext`), with or without applying it: what a
 * client sees when it dies after Slack took a message but before it read the answer.
 *
 * Socket Mode: `apps.connections.open` returns a ws:// URL on the same server, where a
 * minimal WebSocket endpoint (RFC 6455 text frames, ping/pong, close) says `hello`,
 * lets a test push envelopes (`socket.send`) and records the client's acks.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedCall {
  /** Web API method, e.g. "chat.postMessage", or "response_url". */
  method: string;
  /** Parsed arguments; JSON-stringified nested fields (blocks, view, prompts) parsed back. */
  args: Record<string, unknown>;
  /** Bearer token sent, if any. */
  token: string | null;
  /** The request's Content-Type: how the body was sent (form or JSON). */
  contentType: string;
  /** For response_url calls: the id in the path. */
  responseId?: string;
  /** Milliseconds since the double started (real time, for rate-limit checks). */
  atMs: number;
}

export interface Failure {
  /** HTTP status; 429 answers with Retry-After. Default 200 with `{ok:false, error}`. */
  status?: number;
  /** Seconds, sent as the Retry-After header on a 429. */
  retryAfter?: number;
  /** Platform error code for `{ ok: false, error }`, e.g. "users_not_found". */
  error?: string;
}

export interface SlackApiDoubleOptions {
  /** auth.test identity. */
  botUserId?: string;
  botId?: string;
  teamId?: string;
  /** users.lookupByEmail directory: email → user id. */
  users?: Record<string, string>;
  /** usergroups.users.list: user group id → member user ids. */
  usergroups?: Record<string, string[]>;
  /** conversations.members: channel id → member user ids. */
  channelMembers?: Record<string, string[]>;
  /** users.info: user id → IANA zone (`user.tz`); other users get `user_not_found`. */
  timeZones?: Record<string, string>;
  /** Per-method rate limits (calls per rolling second); excess calls get 429 with Retry-After: 1, as Slack does. */
  rateLimits?: Record<string, number>;
  /** Called with each Web API call and the HTTP status it was answered with (benchmarks tally here instead of keeping calls). */
  onResponse?: (call: RecordedCall, status: number) => void;
}

export interface SocketModeDouble {
  /** Resolves when a Socket Mode client has connected and received `hello`. */
  connected(): Promise<void>;
  /** Sends an envelope such as `{ envelope_id, type: 'events_api', payload }`. */
  send(envelope: Record<string, unknown>): void;
  /** Resolves with the client's acknowledgement of that envelope. */
  ack(envelopeId: string, timeoutMs?: number): Promise<Record<string, unknown>>;
}

export interface SlackApiDouble {
  socket: SocketModeDouble;
  /** Base URL of the server, e.g. http://127.0.0.1:PORT */
  url: string;
  /** What to set SLACK_API_URL to: `${url}/api/`. */
  apiUrl: string;
  responseUrl(id: string): string;
  calls: RecordedCall[];
  /** Calls of one method, in order. */
  callsTo(method: string): RecordedCall[];
  /** Makes the next call(s) of `method` fail; queue several by calling again. */
  failNext(method: string, failure: Failure): void;
  /** Resolves with the first recorded call (past or future) that matches. */
  waitFor(method: string, predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /**
   * The next call of `method` matching `predicate` is recorded and never answered (until
   * `release`); with `arrives` (default true) it takes effect first, e.g. a posted DM
   * lands in the DM's history, as when Slack took the message but its answer was lost.
   */
  holdNext(method: string, options?: { arrives?: boolean; predicate?: (args: Record<string, unknown>) => boolean }): void;
  /** Drops the connections of held calls (the client sees the connection end). */
  release(): void;
  /** Forget recorded calls (failures stay queued). */
  reset(): void;
  close(): Promise<void>;
}

/** The zone's offset from UTC now, in seconds, as users.info reports it in `tz_offset`. */
function tzOffsetSeconds(zone: string): number {
  const now = new Date();
  const local = new Date(now.toLocaleString('en-US', { timeZone: zone }));
  const utc = new Date(now.toLocaleString('en-US', { timeZone: 'UTC' }));
  return Math.round((local.getTime() - utc.getTime()) / 1000);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A body as Slack reads it. Form bodies (what @slack/web-api sends): fields as strings,
 * nested ones JSON-stringified (parsed back here). JSON bodies (our poster): the values as
 * sent, no token in them (Slack reads a JSON body's token only from `Authorization`), and
 * Slack's `missing_charset` warning when the Content-Type names no charset.
 */
function parseArgs(contentType: string, raw: string): { args: Record<string, unknown>; warning?: string } {
  if (/^application\/json\b/i.test(contentType)) {
    const { token: _ignored, ...args } = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
    return { args, ...(/charset=/i.test(contentType) ? {} : { warning: 'missing_charset' }) };
  }
  const parsed: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  for (const [k, v] of Object.entries(parsed)) {
    if (typeof v === 'string' && /^[[{]/.test(v)) {
      try {
        parsed[k] = JSON.parse(v);
      } catch {
        // a plain string that happens to start with a bracket
      }
    }
  }
  return { args: parsed };
}

export async function startSlackApiDouble(options: SlackApiDoubleOptions = {}): Promise<SlackApiDouble> {
  const botUserId = options.botUserId ?? 'UBOT0001';
  const botId = options.botId ?? 'BBOT0001';
  const teamId = options.teamId ?? 'T0001';
  const users = options.users ?? {};
  const recent = new Map<string, number[]>();
  /** True when this call exceeds the method's per-second limit. */
  function overLimit(method: string, atMs: number): boolean {
    const limit = options.rateLimits?.[method];
    if (!limit) return false;
    const window = (recent.get(method) ?? []).filter((t) => atMs - t < 1000);
    const over = window.length >= limit;
    if (!over) window.push(atMs);
    recent.set(method, window);
    return over;
  }
  const calls: RecordedCall[] = [];
  const failures = new Map<string, Failure[]>();
  const holds: Array<{ method: string; arrives: boolean; predicate: (args: Record<string, unknown>) => boolean }> = [];
  const held: Array<{ destroy(): unknown }> = [];
  const waiters: Array<{ method: string; predicate: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }> = [];
  const started = performance.now();
  let ts = 1_700_000_000;
  /** Messages posted per DM channel (a user id U… posts to D…), newest first, for conversations.history. */
  const dms = new Map<string, Array<Record<string, unknown>>>();
  const dmOf = (channel: string) => (/^U/.test(channel) ? `D${channel.slice(1)}` : channel);

  function record(call: RecordedCall): void {
    calls.push(call);
    for (const w of [...waiters]) {
      if (w.method === call.method && w.predicate(call)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(call);
      }
    }
  }

  function answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'travel-advisor', team_id: teamId, user_id: botUserId, bot_id: botId };
      case 'chat.postMessage': {
        ts += 1;
        const channel = dmOf(String(args.channel));
        if (channel.startsWith('D'))
          dms.set(channel, [{ type: 'message', text: args.text, bot_id: botId, ts: `${ts}.000100`, ...(args.metadata ? { metadata: args.metadata } : {}) }, ...(dms.get(channel) ?? [])]);
        return { ok: true, channel: args.channel, ts: `${ts}.000100`, message: { type: 'message', text: args.text, bot_id: botId, ts: `${ts}.000100` } };
      }
      case 'chat.postEphemeral':
        ts += 1;
        return { ok: true, message_ts: `${ts}.000200` };
      case 'views.publish':
        return { ok: true, view: { id: 'V0001', type: 'home', ...(args.view as object) } };
      case 'usergroups.users.list':
        return { ok: true, users: options.usergroups?.[String(args.usergroup)] ?? [] };
      case 'conversations.members':
        return { ok: true, members: options.channelMembers?.[String(args.channel)] ?? [], response_metadata: { next_cursor: '' } };
      case 'conversations.open':
        return { ok: true, channel: { id: dmOf(String(args.users)) } };
      case 'conversations.history': {
        const limit = Number(args.limit ?? 100);
        const messages = (dms.get(String(args.channel)) ?? []).slice(0, limit);
        // Like Slack, metadata only comes back when asked for.
        return { ok: true, has_more: false, messages: String(args.include_all_metadata) === 'true' ? messages : messages.map(({ metadata: _m, ...m }) => m) };
      }
      case 'apps.connections.open':
        return { ok: true, url: `${url.replace(/^http/, 'ws')}/link/?ticket=double` };
      case 'users.info': {
        const id = String(args.user);
        const tz = options.timeZones?.[id];
        if (!tz) return { ok: false, error: 'user_not_found' };
        const offset = tzOffsetSeconds(tz);
        return { ok: true, user: { id, team_id: teamId, name: id.toLowerCase(), deleted: false, tz, tz_label: tz, tz_offset: offset, is_bot: false } };
      }
      case 'users.lookupByEmail': {
        const id = users[String(args.email)];
        return id ? { ok: true, user: { id, team_id: teamId } } : { ok: false, error: 'users_not_found' };
      }
      default:
        return { ok: true };
    }
  }

  // --- Socket Mode: a minimal WebSocket server (server frames unmasked, client frames masked).
  let ws: Socket | null = null;
  let onConnected: Array<() => void> = [];
  const acks = new Map<string, Record<string, unknown>>();
  const ackWaiters = new Map<string, (ack: Record<string, unknown>) => void>();

  function frame(opcode: number, payload: Buffer): Buffer {
    const len = payload.length;
    const head = len < 126 ? Buffer.from([0x80 | opcode, len]) : len < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
    if (len >= 126 && len < 65536) {
      head[0] = 0x80 | opcode;
      head[1] = 126;
      head.writeUInt16BE(len, 2);
    } else if (len >= 65536) {
      head[0] = 0x80 | opcode;
      head[1] = 127;
      head.writeBigUInt64BE(BigInt(len), 2);
    }
    return Buffer.concat([head, payload]);
  }

  function onFrames(socket: Socket): void {
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (buffer.length < 2) return;
        const opcode = buffer[0]! & 0x0f;
        let len = buffer[1]! & 0x7f;
        let offset = 2;
        if (len === 126) [len, offset] = [buffer.readUInt16BE(2), 4];
        else if (len === 127) [len, offset] = [Number(buffer.readBigUInt64BE(2)), 10];
        const masked = (buffer[1]! & 0x80) !== 0;
        const total = offset + (masked ? 4 : 0) + len;
        if (buffer.length < total) return;
        const mask = masked ? buffer.subarray(offset, offset + 4) : null;
        const payload = Buffer.from(buffer.subarray(total - len, total));
        if (mask) for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
        buffer = buffer.subarray(total);
        if (opcode === 0x8) {
          socket.end(frame(0x8, Buffer.alloc(0)));
          return;
        }
        if (opcode === 0x9) socket.write(frame(0xa, payload));
        if (opcode === 0x1) {
          const message = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
          const id = String(message.envelope_id ?? '');
          acks.set(id, message);
          ackWaiters.get(id)?.(message);
        }
      }
    });
  }

  const socketDouble: SocketModeDouble = {
    connected: () => (ws ? Promise.resolve() : new Promise((resolve) => onConnected.push(resolve))),
    send(envelope) {
      if (!ws) throw new Error('no Socket Mode client connected');
      ws.write(frame(0x1, Buffer.from(JSON.stringify(envelope))));
    },
    ack(envelopeId, timeoutMs = 10_000) {
      const found = acks.get(envelopeId);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ack for envelope ${envelopeId}`)), timeoutMs);
        ackWaiters.set(envelopeId, (a) => (clearTimeout(timer), resolve(a)));
      });
    },
  };

  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const raw = await readBody(req);
    const contentType = String(req.headers['content-type'] ?? '');
    let args: Record<string, unknown>;
    let warning: string | undefined;
    try {
      ({ args, warning } = parseArgs(contentType, raw));
    } catch {
      // Slack answers a body it cannot parse with 200 and an error code.
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end('{"ok":false,"error":"invalid_json"}');
      return;
    }
    // The bearer token; a form body may carry it as a field instead (a JSON body may not: parseArgs dropped it).
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : typeof args.token === 'string' ? args.token : null;
    const atMs = performance.now() - started;
    const respond = path.match(/^\/respond\/([^/]+)$/);
    if (req.method === 'POST' && respond) {
      record({ method: 'response_url', args, token, contentType, responseId: decodeURIComponent(respond[1]!), atMs });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const api = path.match(/^\/api\/([a-zA-Z.]+)$/);
    if (req.method !== 'POST' || !api) {
      res.writeHead(404).end();
      return;
    }
    const method = api[1]!;
    const call = { method, args, token, contentType, atMs };
    record(call);
    const hold = holds.find((h) => h.method === method && h.predicate(args));
    if (hold) {
      holds.splice(holds.indexOf(hold), 1);
      if (hold.arrives && token) answer(method, args);
      held.push(req.socket);
      return;
    }
    const failure = failures.get(method)?.shift() ?? (overLimit(method, atMs) ? { status: 429, retryAfter: 1 } : undefined);
    options.onResponse?.(call, failure?.status ?? 200);
    if (failure?.status === 429) {
      res.writeHead(429, { 'retry-after': String(failure.retryAfter ?? 1), 'content-type': 'application/json' }).end('{"ok":false,"error":"ratelimited"}');
      return;
    }
    const answered = failure ? { ok: false, error: failure.error ?? 'internal_error' } : token ? answer(method, args) : { ok: false, error: 'not_authed' };
    const body = warning ? { ...answered, warning, response_metadata: { warnings: [warning] } } : answered;
    res.writeHead(failure?.status ?? 200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket) => {
    const key = String(req.headers['sec-websocket-key'] ?? '');
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    ws = socket;
    socket.on('close', () => {
      if (ws === socket) ws = null;
    });
    socket.on('error', () => undefined);
    onFrames(socket);
    socket.write(frame(0x1, Buffer.from(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0TRAVEL01' } }))));
    const waiting = onConnected;
    onConnected = [];
    for (const w of waiting) w();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    socket: socketDouble,
    apiUrl: `${url}/api/`,
    responseUrl: (id) => `${url}/respond/${encodeURIComponent(id)}`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    failNext(method, failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    waitFor(method, predicate = () => true, timeoutMs = 10_000) {
      const found = calls.find((c) => c.method === method && predicate(c));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { method, predicate, resolve: (c: RecordedCall) => (clearTimeout(timer), resolve(c)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no ${method} call matched within ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ')}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    holdNext(method, o = {}) {
      holds.push({ method, arrives: o.arrives ?? true, predicate: o.predicate ?? (() => true) });
    },
    release() {
      for (const socket of held.splice(0)) socket.destroy();
    },
    reset() {
      calls.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        ws?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
