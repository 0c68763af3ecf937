/**
 * Sends requests to the Slack door exactly as Slack does: a JSON body for Events API
 * callbacks, a form body for slash commands, `payload=<json>` for interactivity, each
 * signed with `X-Slack-Signature: v0=HMAC-SHA256(secret, "v0:<ts>:<raw body>")` and
 * `X-Slack-Request-Timestamp`. Fixtures in ./fixtures are payloads in Slack's format.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as T;
}

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Send this signature instead of the correct one. */
  signature?: string | null;
  /** X-Slack-Retry-Num, as Slack sends on redelivery. */
  retryNum?: number;
}

export async function postSigned(url: string, secret: string, body: string, contentType: string, options: SignOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp) };
  const signature = options.signature === undefined ? slackSignature(secret, timestamp, body) : options.signature;
  if (signature !== null) headers['x-slack-signature'] = signature;
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(url, { method: 'POST', headers, body });
}

export function postEvent(url: string, secret: string, payload: unknown, options?: SignOptions): Promise<Response> {
  return postSigned(url, secret, JSON.stringify(payload), 'application/json', options);
}

export function postCommand(url: string, secret: string, fields: Record<string, string>, options?: SignOptions): Promise<Response> {
  return postSigned(url, secret, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
}

export function postInteraction(url: string, secret: string, payload: unknown, options?: SignOptions): Promise<Response> {
  return postSigned(url, secret, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', options);
}
