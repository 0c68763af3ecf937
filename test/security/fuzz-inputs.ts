/**
 * The bad inputs the fuzz run throws at each door: hand-picked shapes (malformed URLs
 * and escapes, wrong methods, broken, truncated and oversize bodies, wrong content
 * types, bad signatures and tokens, hostile Host/Origin headers) crossed with a seeded
 * generator, so a run is repeatable. None of them is a valid request: none may create a
 * trip, and none may get a 5xx.
 */
import { createHmac } from 'node:crypto';
import type { RawRequest } from './raw-http.js';

export type Door = 'server' | 'slack' | 'teams' | 'api' | 'playground';
export interface BadInput extends RawRequest {
  door: Door;
  /** Sent as raw bytes on a socket instead of through node:http. */
  bytes?: string;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run sends the same inputs. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ESCAPES = ['%ZZ', '%', '%E2%82', '%C0%AF', '%uD800', '%00', '%ED%A0%80', '%%', '%2', '%FF%FE'];
const NASTY_JSON = [
  '', '{', '{"a":', '[', 'null', '0', '"text"', '[]', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"x":1}}}',
  '{"text":' + '['.repeat(5000) + ']'.repeat(5000) + '}', '\u0000\u0001\u0002', '\uFEFF{}', '{"a":1}{"b":2}', '{"text":"\uD800"}',
  '{"a":' + '1'.repeat(400) + '}', 'true', '{"text":null}', '{"text":' + JSON.stringify('x'.repeat(5000)) + '}',
];
const TYPES = ['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-7', ''];

/** The trip-shaped bodies the API and the playground must refuse. */
function badTrips(): unknown[] {
  const ok = { traveller: { email: 'ana@example.com' }, destinations: ['KZ'], start: '2026-12-08', end: '2026-12-12' };
  return [
    { ...ok, end: '9999-12-31' }, { ...ok, start: '0000-01-01' }, { ...ok, start: '2026-02-30', end: '2026-03-01' }, { ...ok, start: '2026-12-12', end: '2026-12-08' },
    { ...ok, traveller: { email: 'a'.repeat(300) + '@example.com' } }, { ...ok, traveller: { email: 'not-an-email' } }, { ...ok, traveller: {} },
    { ...ok, traveller: { slackUserId: 'x' } }, { ...ok, traveller: { teamsUserId: '28:bot' } }, { ...ok, destinations: [] },
    { ...ok, destinations: ['Atlantis'] }, { ...ok, destinations: Array(500).fill('KZ') }, { ...ok, destinations: ['K'.repeat(10_000)] },
    { ...ok, destinations: 'KZ' }, { ...ok, start: 20261208 }, { ...ok, extra: 1 }, { ...ok, traveller: { email: 'ana@example.com', admin: true } },
    { ...ok, start: '2026-12-08T00:00:00Z' }, { ...ok, end: null }, { ...ok, start: '2025-01-01', end: '2026-12-01' }, { ...ok, start: '2027-01-01', end: '2028-06-30' },
  ];
}

export function badInputs(options: { token: string; signingSecret: string; port: () => number }): BadInput[] {
  const rnd = random(13);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const json = { 'content-type': 'application/json' };
  const auth = { authorization: `Bearer ${options.token}` };
  const out: BadInput[] = [];
  const add = (door: Door, r: Omit<BadInput, 'door'>) => out.push({ door, ...r });

  // The server itself: paths, methods and bytes no door is reached with.
  for (const path of ['/playground/api/countries/', '/api/trips/', '/playground/api/reminders/delivered/', '/nowhere/', '/playground/'])
    for (const e of ESCAPES) add('server', { path: path + e, headers: auth });
  for (const path of ['/healthz', '/slack/events', '/api/messages', '/api/trips', '/playground/api/ask', '/playground/api/reminders'])
    for (const method of ['PUT', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND']) add('server', { method, path, headers: { ...json, ...auth }, body: method === 'TRACE' ? undefined : '{}' });
  for (const bytes of [
    'GET * HTTP/1.1\r\nHost: x\r\n\r\n', 'GET http://[bad HTTP/1.1\r\nHost: x\r\n\r\n', 'GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n',
    'GET /healthz\r\n\r\n', 'GARBAGE\r\n\r\n', '\u0000\u0001\u0002\r\n\r\n', 'GET /healthz HTTP/1.1\r\nBad Header\r\n\r\n',
    `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Long: ${'a'.repeat(20_000)}\r\n\r\n`, 'POST /api/trips HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nxx\r\n0\r\n\r\n',
    'POST /api/trips HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n{}',
    'POST /api/trips HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n', 'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n',
    'GET /playground/..%2f..%2fpackage.json HTTP/1.1\r\nHost: localhost\r\n\r\n', 'GET /playground/../../package.json HTTP/1.1\r\nHost: localhost\r\n\r\n',
  ]) add('server', { path: '/', bytes });

  // Slack: nothing unsigned, badly signed, stale, replayed-shape or malformed gets through.
  const now = () => Math.floor(Date.now() / 1000);
  const sign = (secret: string, ts: number, body: string) => `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
  const event = JSON.stringify({ type: 'event_callback', event_id: 'EvFUZZ', event: { type: 'app_mention', text: 'travelling to KZ', user: 'U1', channel: 'C1', ts: '1.1' } });
  for (const body of [event, ...NASTY_JSON, 'ssl_check=1&payload=' + encodeURIComponent(event), 'payload=%7B', 'command=/travel&text=KZ'])
    for (const variant of ['unsigned', 'bad-signature', 'wrong-secret', 'stale', 'nan-timestamp'] as const) {
      const ts = variant === 'stale' ? now() - 3600 : now();
      const headers: Record<string, string> = { 'content-type': pick(TYPES), 'x-slack-request-timestamp': variant === 'nan-timestamp' ? 'soon' : String(ts) };
      if (variant === 'bad-signature') headers['x-slack-signature'] = 'v0=' + 'ab'.repeat(32);
      if (variant === 'wrong-secret' || variant === 'stale' || variant === 'nan-timestamp') headers['x-slack-signature'] = sign(variant === 'wrong-secret' ? 'not-the-secret' : options.signingSecret, ts, body);
      if (headers['content-type'] === '') delete headers['content-type'];
      add('slack', { method: 'POST', path: '/slack/events', headers, body });
    }
  add('slack', { method: 'POST', path: '/slack/events', headers: json, body: Buffer.alloc(2 * 1024 * 1024, 0x7b) });
  add('slack', { method: 'POST', path: '/slack/events', headers: json, chunked: { chunk: Buffer.alloc(64 * 1024, 0x20), count: 40 } });
  add('slack', { method: 'POST', path: '/slack/events', headers: { ...json, 'content-length': '1000' }, body: '{"type":', timeoutMs: 1_500 });

  // Teams (Bot Framework authentication on): nothing without a valid token reaches the bot.
  const activity = JSON.stringify({ type: 'message', id: 'fuzz', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1/', text: 'KZ', from: { id: '29:x' }, recipient: { id: '28:bot' }, conversation: { id: 'a:x' } });
  for (const authorization of [undefined, 'Basic dXNlcjpwYXNz', 'Bearer', 'Bearer not-a-jwt', 'Bearer a.b.c', 'Bearer eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.', 'bearer ' + 'x'.repeat(5000)])
    for (const body of [activity, ...NASTY_JSON.slice(0, 10)]) {
      const headers: Record<string, string> = { 'content-type': pick(TYPES) || 'application/json' };
      if (authorization) headers.authorization = authorization;
      add('teams', { method: 'POST', path: '/api/messages', headers, body });
    }
  add('teams', { method: 'POST', path: '/api/messages', headers: { ...json, authorization: 'Bearer x' }, body: Buffer.alloc(600 * 1024, 0x20) });
  add('teams', { method: 'POST', path: '/api/messages', headers: { ...json, authorization: 'Bearer x' }, chunked: { chunk: Buffer.alloc(64 * 1024, 0x20), count: 10 } });

  // Travel-desk API: bad tokens, bad bodies, bad queries and ids.
  for (const authorization of [undefined, '', 'Bearer', `Bearer ${options.token}x`, `Basic ${options.token}`, `Bearer ${options.token.toUpperCase()}`, `Bearer  ${options.token} extra`])
    add('api', { method: 'POST', path: '/api/trips', headers: { ...json, ...(authorization === undefined ? {} : { authorization }) }, body: JSON.stringify(badTrips()[0]) });
  for (const trip of badTrips()) add('api', { method: 'POST', path: '/api/trips', headers: { ...json, ...auth }, body: JSON.stringify(trip) });
  for (const body of NASTY_JSON) add('api', { method: 'POST', path: '/api/trips', headers: { 'content-type': pick(TYPES), ...auth }, body });
  add('api', { method: 'POST', path: '/api/trips', headers: { ...json, ...auth, 'idempotency-key': 'k'.repeat(300) }, body: JSON.stringify(badTrips()[0]) });
  add('api', { method: 'POST', path: '/api/trips', headers: { ...json, ...auth }, body: Buffer.alloc(200 * 1024, 0x20) });
  for (const q of ['?status=bogus', '?status=', '?status=%ZZ', '?status[]=sent', '?' + 'a'.repeat(5000)]) add('api', { path: '/api/trips' + q, headers: auth });
  for (const id of ['nope', 'x'.repeat(5000), '..%2f..', '%00', encodeURIComponent("'; DROP TABLE trips;--")]) {
    add('api', { path: `/api/trips/${id}`, headers: auth });
    add('api', { method: 'DELETE', path: `/api/trips/${id}`, headers: auth });
  }

  // Playground: hostile Host and Origin headers, wrong content types, bad bodies.
  const host = () => `localhost:${options.port()}`;
  for (const h of ['evil.example', '10.0.0.1', 'localhost.evil.example', 'LOCALHOST:1:2', '[::2]', 'localhost@evil.example', 'a'.repeat(300)])
    for (const path of ['/playground/', '/playground/api/countries', '/playground/api/reminders']) add('playground', { path, headers: { host: h } });
  // No Host header at all (node:http would add one): HTTP/1.1 requires it, HTTP/1.0 does not.
  for (const version of ['1.1', '1.0']) add('playground', { path: '/playground/', bytes: `GET /playground/ HTTP/${version}\r\n\r\n` });
  for (const origin of ['http://evil.example', 'null', 'http://localhost.evil.example', 'file://', 'https://localhost:1'])
    add('playground', { method: 'POST', path: '/playground/api/reminders', headers: { host: host(), origin, ...json }, body: JSON.stringify({ destinations: ['KG'], start: '2026-12-01' }) });
  add('playground', { method: 'POST', path: '/playground/api/reminders', headers: { host: host(), 'sec-fetch-site': 'cross-site', ...json }, body: JSON.stringify({ destinations: ['KG'], start: '2026-12-01' }) });
  for (const path of ['/playground/api/ask', '/playground/api/reminders', '/playground/api/action'])
    for (const body of NASTY_JSON) add('playground', { method: 'POST', path, headers: { host: host(), 'content-type': pick(TYPES) }, body });
  for (const body of [{ destinations: ['kg'], start: '2026-12-01' }, { destinations: [], start: '2026-12-01' }, { destinations: Array(50).fill('KG'), start: '2026-12-01' }, { destinations: ['KG'], start: 'soon' }, { destinations: ['KG'] }])
    add('playground', { method: 'POST', path: '/playground/api/reminders', headers: { host: host(), ...json }, body: JSON.stringify(body) });
  for (const body of [{ text: '' }, { text: 'x'.repeat(5000) }, { text: 'KZ\u0000\u0007' }, { text: 'KZ', timeZone: 'Mars/Olympus' }, { text: 42 }, { action: 'remind', value: '{' }, { id: 'x'.repeat(1000) }])
    add('playground', { method: 'POST', path: pick(['/playground/api/ask', '/playground/api/action']), headers: { host: host(), ...json }, body: JSON.stringify(body) });
  for (const path of ['/playground/api/countries/ZZ', '/playground/api/countries/' + 'K'.repeat(3000), '/playground/api/reminders/delivered/nope', '/playground/%2e%2e/%2e%2e/package.json', '/playground/....//....//etc/passwd', '/playground/index.html%00.js'])
    add('playground', { path, headers: { host: host() } });
  add('playground', { method: 'POST', path: '/playground/api/reminders/nope/cancel', headers: { host: host(), ...json }, body: '{}' });
  add('playground', { method: 'POST', path: '/playground/api/ask', headers: { host: host(), ...json }, chunked: { chunk: Buffer.alloc(16 * 1024, 0x20), count: 10 } });
  return out;
}
