/**
 * Lets botbuilder's CloudAdapter.process, written for express/restify, run on our
 * plain node:http server: the request gets its parsed JSON body, the response gets
 * `status()`, `header()`, `send()` and `end()`. The reply is written once, on `end()`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request as BotRequest, Response as BotResponse } from 'botbuilder';

export function toBotRequest(req: IncomingMessage, body: unknown): BotRequest {
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
      res.statusCode = status;
      if (payload !== undefined) res.setHeader('content-length', Buffer.byteLength(payload));
      res.end(payload);
    },
  };
}
