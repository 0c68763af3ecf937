/** Small helpers shared by doors: bounded body reading and JSON replies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { AdvisorError } from '../errors.js';

export class HttpError extends AdvisorError {
  readonly status: number;
  readonly details?: unknown;
  constructor(status: number, message: string, details?: unknown) {
    super(message, status === 401 ? 'UNAUTHORIZED' : status === 404 ? 'NOT_FOUND' : 'INPUT_INVALID');
    this.status = status;
    this.details = details;
  }
}

/** Reads the raw body, refusing more than `limit` bytes (default 1 MiB) with 413. */
export async function readBody(req: IncomingMessage, limit = 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `request body over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
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
