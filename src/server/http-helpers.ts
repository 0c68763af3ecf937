/** Small helpers shared by doors: bounded body reading and JSON replies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { AdvisorError } from '../errors.js';
import { bodyGateOf } from './body-gate.js';
import { BODY_READ_TIMEOUT_MS } from './body-limits.js';

export class HttpError extends AdvisorError {
  readonly status: number;
  readonly details?: unknown;
  /** Extra response headers, e.g. Retry-After on 503, Connection: close on 413. */
  readonly headers?: Record<string, string>;
  constructor(status: number, message: string, details?: unknown, headers?: Record<string, string>) {
    super(message, status === 401 ? 'UNAUTHORIZED' : status === 404 ? 'NOT_FOUND' : 'INPUT_INVALID');
    this.status = status;
    this.details = details;
    this.headers = headers;
  }
}

/** The refusal for a body over `limit`; the connection is closed so the rest is not read. */
export function tooLarge(limit: number): HttpError {
  return new HttpError(413, `request body over ${limit} bytes`, undefined, { connection: 'close' });
}

/** Bolt's convention (BufferedIncomingMessage): a request whose body was already read carries it here. */
type BufferedRequest = IncomingMessage & { rawBody?: Buffer };

/**
 * Reads the raw body, refusing more than `limit` bytes with 413: at once when the
 * declared Content-Length is over it, and as soon as a chunked body passes it, without
 * holding the rest. The read takes a slot of the server's body gate (503 with
 * Retry-After when none is free) and must finish within BODY_READ_TIMEOUT_MS (408).
 * The body is kept on `req.rawBody`, where Bolt's HTTPReceiver looks for it, so a
 * second read returns the same bytes.
 */
export async function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<Buffer> {
  const buffered = req as BufferedRequest;
  if (Buffer.isBuffer(buffered.rawBody)) {
    if (buffered.rawBody.length > limit) throw tooLarge(limit);
    return buffered.rawBody;
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  const gate = bodyGateOf(req);
  const release = gate ? gate.tryEnter() : () => {};
  if (!release) throw new HttpError(503, 'the server is receiving too many requests at once; retry shortly', undefined, { 'retry-after': '1', connection: 'close' });
  try {
    buffered.rawBody = await receive(req, limit);
    return buffered.rawBody;
  } finally {
    release();
  }
}

function receive(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: HttpError | null) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onClose);
      if (!error) return resolve(Buffer.concat(chunks, size));
      // Stop reading: the server replies and closes the connection; Node discards what is still arriving.
      chunks.length = 0;
      req.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish(tooLarge(limit));
      chunks.push(chunk);
    };
    const onEnd = () => finish(null);
    const onAbort = () => finish(new HttpError(400, 'the request body was not received completely', undefined, { connection: 'close' }));
    const onClose = () => {
      if (!req.complete) onAbort();
    };
    const timer = setTimeout(() => finish(new HttpError(408, 'the request body took too long to arrive', undefined, { connection: 'close' })), BODY_READ_TIMEOUT_MS);
    timer.unref();
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onClose);
  });
}

export async function readJson(req: IncomingMessage, limit?: number): Promise<unknown> {
  const body = await readBody(req, limit);
  try {
    return JSON.parse(body.toString('utf8') || 'null');
  } catch {
    throw new HttpError(400, 'body is not valid JSON');
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

/** One line per problem of a request body: "field: what was expected". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
}
