/**
 * The playground has no login: it is meant for one person on their own machine.
 * Besides binding to loopback by default (HOST=127.0.0.1), these checks stop a web
 * page in the same browser from using it: a loopback-bound server answers only to a
 * loopback Host name (defeats DNS rebinding), and state-changing calls must be
 * same-origin JSON (a cross-site form or no-cors fetch cannot send that).
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../../server/http-helpers.js';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_NAMES.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host) || host.endsWith('.localhost');
}

function hostName(hostHeader: string): string {
  return hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.replace(/:\d+$/, '');
}

/** Throws 403 for a request the playground must not serve; `bindHost` is config.HOST. */
export function guardRequest(req: IncomingMessage, bindHost: string): void {
  const host = req.headers.host ?? '';
  if (isLoopbackHost(bindHost) && !isLoopbackHost(hostName(host).toLowerCase()))
    throw new HttpError(403, 'the playground answers only on localhost; open http://localhost:<port>/');
  if (req.method === 'GET' || req.method === 'HEAD') return;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}`)
    throw new HttpError(403, 'cross-origin request refused');
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    throw new HttpError(415, 'send JSON with content-type: application/json');
}
