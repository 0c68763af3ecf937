/**
 * HTTP the way an attacker sends it, for the security suites: any method, path, header
 * and body (fixed-length, chunked, endless, truncated), over node:http or a bare
 * socket, recording the answer even when the server cuts the upload short (a 413 is
 * often followed by a reset while the client is still writing).
 */
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';

export interface RawAnswer {
  /** null when no response arrived (connection refused, reset, timed out). */
  status: number | null;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Why there was no response, if there was none. */
  error?: string;
  ms: number;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** A fixed body, sent with Content-Length unless `headers` says otherwise. */
  body?: Buffer | string;
  /** A chunked body: `count` chunks of `chunk` bytes, written as fast as the socket takes them. */
  chunked?: { chunk: Buffer; count: number };
  timeoutMs?: number;
}

export function send(port: number, r: RawRequest): Promise<RawAnswer> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const done = (a: Omit<RawAnswer, 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...a, ms: Math.round(performance.now() - started) });
    };
    const headers: Record<string, string> = { ...(r.headers ?? {}) };
    if (r.chunked) headers['transfer-encoding'] = 'chunked';
    const onResponse = (res: IncomingMessage) => {
      const parts: Buffer[] = [];
      const finish = () => done({ status: res.statusCode ?? null, headers: res.headers, body: Buffer.concat(parts).toString('utf8') });
      res.on('data', (c: Buffer) => parts.push(c)).on('end', finish).on('error', finish);
    };
    let req: ClientRequest;
    try {
      req = request({ host: '127.0.0.1', port, method: r.method ?? 'GET', path: r.path, headers, agent: false }, onResponse);
    } catch (e) {
      // node:http itself refuses to send it (e.g. a space in the path): nothing reached the server.
      return done({ status: null, headers: {}, body: '', error: `not sendable: ${(e as Error).message}` });
    }
    timer = setTimeout(() => {
      done({ status: null, headers: {}, body: '', error: 'timeout' });
      req.destroy();
    }, r.timeoutMs ?? 10_000);
    // A write after the server answered and closed is expected; the answer already counts.
    req.on('error', (e: NodeJS.ErrnoException) => setTimeout(() => done({ status: null, headers: {}, body: '', error: e.code ?? e.message }), 50));
    if (r.chunked) {
      const { chunk, count } = r.chunked;
      let i = 0;
      const pump = () => {
        while (i < count && !req.destroyed && !settled) {
          i += 1;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!req.destroyed) req.end();
      };
      pump();
    } else req.end(r.body);
  });
}

/** Writes raw bytes on a socket and returns the status of the first response line (null if none). */
export function sendBytes(port: number, bytes: string | Buffer, timeoutMs = 5_000): Promise<{ status: number | null; text: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: m ? Number(m[1]) : null, text });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (d) => {
      text += d.toString('latin1');
      if (/\r\n\r\n/.test(text)) {
        const len = /content-length: (\d+)/i.exec(text);
        const head = text.indexOf('\r\n\r\n') + 4;
        if (!len || text.length - head >= Number(len[1])) finish();
      }
    });
    socket.on('error', finish);
    socket.on('close', finish);
  });
}

/** GET /healthz with a deadline: true when the server answered 200. */
export async function healthy(port: number, timeoutMs = 3_000): Promise<boolean> {
  const a = await send(port, { path: '/healthz', timeoutMs });
  return a.status === 200;
}
