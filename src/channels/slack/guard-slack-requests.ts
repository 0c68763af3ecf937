/**
 * What stands in front of Bolt's HTTPReceiver on `POST /slack/events`. Bolt checks the
 * signature, but it accepts timestamps from the future, answers a signed request as
 * often as it is sent, and a signed body of JSON `null` (or `payload=null`) throws
 * inside its receiver where nothing catches it: an unhandled rejection that ends the
 * process. So, on the raw request and before Bolt sees it:
 *
 * 1. a timestamp more than 5 minutes off our clock, either way, is refused (401);
 * 2. the signature is checked as Slack signs (`v0=` HMAC-SHA256 of `v0:<timestamp>:<body>`
 *    with the signing secret, compared in constant time) (401);
 * 3. the body is parsed exactly as Bolt parses it, and anything but a JSON object is
 *    refused (400);
 * 4. the signature is claimed once in the shared store for as long as the request
 *    could be accepted, so a replay is refused (401) by this replica and by every
 *    replica sharing STORE_URL. Events API callbacks are the exception: each carries an
 *    `event_id` that dedupeEvents (middleware.ts) already claims for an hour, so a
 *    copy is acknowledged (200) and never answered again, the same way as Slack's own
 *    retries, which must not be refused.
 *
 * Then the request goes to Bolt with its body already read (Bolt reuses `rawBody`). This
 * is the one signature check: the door builds its HTTPReceiver with
 * `signatureVerification: false`, and this guard is the only way to it (create-slack-door.ts;
 * MUST stay so). One HMAC over the bytes read, where Bolt's `verifySlackRequest` (tsscmp)
 * spent three HMACs and random bytes per check, twice per request. Nothing here logs
 * bodies or headers.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, type BufferedIncomingMessage } from '@slack/bolt';
import type Keyv from 'keyv';
import type { Logger } from 'pino';
import { claimOnceOrLocally } from '../../store/claim-once-or-locally.js';
import { readBody } from '../../server/http-helpers.js';

/** Slack's rule: a request whose timestamp is more than five minutes off is refused. */
export const MAX_CLOCK_SKEW_S = 5 * 60;
/**
 * How long a signature is remembered. A request is acceptable from 5 minutes before to
 * 5 minutes after its timestamp, so at most 10 minutes of our clock; one more minute
 * covers clocks of replicas that differ a little.
 */
export const REPLAY_TTL_MS = (2 * MAX_CLOCK_SKEW_S + 60) * 1000;
export interface SlackRequestGuardOptions {
  signingSecret: string;
  /** Largest body read, in bytes (413 beyond; see server/body-limits.ts). */
  bodyLimit: number;
  /** Where signatures are claimed; shared by replicas through STORE_URL. */
  seen: Keyv;
  logger: Logger;
  /** Hands the checked request (body attached as `rawBody`) to Bolt. */
  next: (req: BufferedIncomingMessage, res: ServerResponse) => void;
  /** False until the door has started; requests get 503 so Slack retries them later. */
  ready: () => boolean;
  /** Wall clock in ms, the clock Slack signs with (not the app's injectable clock). */
  now?: () => number;
}

function refuse(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, headers);
  res.end();
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** An Events API callback, whose copies dedupeEvents (middleware.ts) drops by `event_id`. MUST stay in sync with it. */
function hasEventId(body: object): boolean {
  const b = body as { type?: unknown; event_id?: unknown };
  return b.type === 'event_callback' && typeof b.event_id === 'string' && b.event_id.length > 0;
}

/** Slack's request signature (v0) of these bytes, checked in constant time. */
function signedBySlack(secret: string, timestamp: number, body: Buffer, signature: string): boolean {
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A route handler for `POST /slack/events` that refuses what Bolt must never see. */
export function guardSlackRequests(options: SlackRequestGuardOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const now = options.now ?? Date.now;
  const log = options.logger;
  // With the store down, signatures are remembered in this process: still refused when replayed here.
  const claim = claimOnceOrLocally({
    onFallback: () => log.warn('store unavailable: Slack replay check kept in this process'),
    onSweepError: () => log.warn('expired Slack request signatures not swept; tried again later'),
  });
  return async (req, res) => {
    if (!options.ready()) return refuse(res, 503, { 'retry-after': '5' });
    const raw = await readBody(req, options.bodyLimit);
    const contentType = header(req, 'content-type');
    // Slack's unsigned SSL check carries nothing to act on; Bolt answers it the same way.
    if (contentType === 'application/x-www-form-urlencoded' && new URLSearchParams(raw.toString('utf8')).get('ssl_check') === '1') return refuse(res, 200);

    const signature = header(req, 'x-slack-signature');
    const timestamp = Number(header(req, 'x-slack-request-timestamp'));
    const nowMs = now();
    if (!signature || !Number.isInteger(timestamp) || Math.abs(nowMs / 1000 - timestamp) > MAX_CLOCK_SKEW_S) {
      log.warn({ reason: signature ? 'timestamp missing or more than 5 minutes off' : 'no signature' }, 'Slack request refused');
      return refuse(res, 401);
    }
    if (!signedBySlack(options.signingSecret, timestamp, raw, signature)) {
      log.warn({ reason: 'signature mismatch' }, 'Slack request refused');
      return refuse(res, 401);
    }

    const buffered = Object.assign(req, { rawBody: raw }) as BufferedIncomingMessage;
    let body: unknown;
    try {
      body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
    } catch {
      body = undefined;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      log.warn({ reason: 'body is not a JSON object' }, 'Slack request refused');
      return refuse(res, 400);
    }

    if (!hasEventId(body) && !(await claim(options.seen, signature, REPLAY_TTL_MS, () => new Date(nowMs)))) {
      log.warn({ reason: 'replay of a request already received' }, 'Slack request refused');
      return refuse(res, 401);
    }
    options.next(buffered, res);
  };
}
