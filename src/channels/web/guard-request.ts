/**
 * The playground has no login: it is meant for one person on their own machine. It is
 * off unless the server binds to loopback or PLAYGROUND=on (config.ts), and on any bind
 * these checks stop other machines and other web pages from using it: it answers only
 * to the Host names in PLAYGROUND_HOSTS (localhost names by default; defeats DNS
 * rebinding and direct access by IP), and state-changing calls must be same-origin JSON
 * (a cross-site form or no-cors fetch cannot send that).
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../../server/http-helpers.js';

export { isLoopbackHost } from '../../server/loopback.js';

/** The host name of a Host header or an Origin's authority, lower-case, without the port. */
export function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  return h.startsWith('[') ? h.slice(0, h.indexOf(']') + 1) : h.replace(/:\d*$/, '');
}

/** Throws 403 (or 415) for a request the playground must not serve; `allowedHosts` is config.PLAYGROUND_HOSTS. */
export function guardRequest(req: IncomingMessage, allowedHosts: readonly string[]): void {
  const host = req.headers.host ?? '';
  if (!allowedHosts.includes(hostName(host)))
    throw new HttpError(403, 'the playground answers only to the host names in PLAYGROUND_HOSTS; open http://localhost:<port>/');
  if (req.method === 'GET' || req.method === 'HEAD') return;
  if (req.headers['sec-fetch-site'] === 'cross-site') throw new HttpError(403, 'cross-origin request refused');
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}`)
    throw new HttpError(403, 'cross-origin request refused');
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    throw new HttpError(415, 'send JSON with content-type: application/json');
}
