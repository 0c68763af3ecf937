/**
 * Lets botbuilder's CloudAdapter.process, written for express/restify, run on our
 * plain node:http server: the request gets its parsed JSON body, the response gets
 * `status()`, `header()`, `send()` and `end()`. The reply is written once, on `end()`.
 *
 * Bad input never reaches botbuilder's own error paths: a body that is not an activity
 * (no string `type`) is 400 here, since CloudAdapter throws on it (a 500); and an error
 * reply is our short JSON, since botbuilder's text replies carry its stack trace
 * (e.g. its 401 to a bad token), which unauthenticated callers must not see.
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Request as BotRequest, Response as BotResponse } from 'botbuilder';
import { HttpError } from '../../server/http-helpers.js';

/** Throws 400 unless `body` has the one field every activity has: a string `type`. */
export function toBotRequest(req: IncomingMessage, body: unknown): BotRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || typeof (body as { type?: unknown }).type !== 'string')
    throw new HttpError(400, 'the body is not a Bot Framework activity (a JSON object with a "type")');
  return {
    method: req.method,
    headers: req.headers as Record<string, string | string[] | undefined>,
    body: (body ?? undefined) as Record<string, unknown> | undefined,
  };
}

export function toBotResponse(res: ServerResponse): BotResponse {
  let status = 200;
  let payload: string | undefined;
  return {
    socket: res.socket,
    status(code: number) {
      status = code;
      return this;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
      return this;
    },
    send(body?: unknown) {
      if (body === undefined || body === null) return this;
      if (typeof body === 'string' || Buffer.isBuffer(body)) {
        payload = body.toString();
        if (!res.hasHeader('content-type')) res.setHeader('content-type', 'text/plain; charset=utf-8');
      } else {
        payload = JSON.stringify(body);
        res.setHeader('content-type', 'application/json; charset=utf-8');
      }
      return this;
    },
    end() {
      if (res.writableEnded) return;
      if (status >= 400) {
        payload = JSON.stringify({ error: (STATUS_CODES[status] ?? 'error').toLowerCase() });
        res.setHeader('content-type', 'application/json; charset=utf-8');
      }
      res.statusCode = status;
      if (payload !== undefined) res.setHeader('content-length', Buffer.byteLength(payload));
      res.end(payload);
    },
  };
}
