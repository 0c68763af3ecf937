/**
 * The fetch the Slack Web API client calls through: undici's `request` on a keep-alive
 * connection pool instead of the WHATWG `fetch`. The client sends small form or JSON
 * bodies and reads small JSON answers, and for that `fetch`'s Request/Response objects
 * and web streams were a measurable share of an answered mention's CPU (issue 18). Only
 * the part of fetch's contract the client uses is provided (@slack/web-api's
 * `FetchFunction`): status, headers, the body as text/JSON/bytes. Multipart uploads
 * (FormData bodies) go through the real fetch.
 *
 * Failures look like fetch's (a TypeError "fetch failed" with the socket error as its
 * `cause`, the signal's reason when aborted), so the client's retries and the start-up
 * check's messages (check-slack-connection.ts) read them the same way.
 */
import type { webApi } from '@slack/bolt';
import { Agent, request } from 'undici';

export interface SlackFetch extends webApi.FetchFunction {
  /** Closes the pooled connections (door stop). */
  close(): Promise<void>;
}

type Headers = Record<string, string | string[] | undefined>;
type FetchRequestInit = NonNullable<Parameters<webApi.FetchFunction>[1]>;
type FetchResponse = Awaited<ReturnType<webApi.FetchFunction>>;

function responseOf(url: string, status: number, headers: Headers, bytes: Buffer): FetchResponse {
  const get = (name: string) => {
    const v = headers[name.toLowerCase()];
    return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
  };
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: '',
    url,
    headers: {
      get,
      entries: () => Object.keys(headers).map((k): [string, string] => [k, get(k)!]),
    },
    text: async () => bytes.toString('utf8'),
    json: async () => JSON.parse(bytes.toString('utf8')) as unknown,
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
}

/** `connections`: sockets per origin kept open (the client sends at most 100 requests at once). */
export function createSlackFetch(options: { connections?: number; keepAliveMs?: number } = {}): SlackFetch {
  const dispatcher = new Agent({ connections: options.connections ?? 32, keepAliveTimeout: options.keepAliveMs ?? 30_000 });
  const slackFetch = async (input: string | URL, init: FetchRequestInit = {}): Promise<FetchResponse> => {
    const url = String(input);
    if (init.body !== undefined && typeof init.body !== 'string') return globalThis.fetch(url, init) as unknown as Promise<FetchResponse>;
    try {
      const res = await request(url, {
        method: (init.method ?? 'GET') as 'POST',
        headers: init.headers,
        body: init.body,
        signal: init.signal,
        dispatcher,
      });
      const bytes = Buffer.from(await res.body.arrayBuffer());
      return responseOf(url, res.statusCode, res.headers, bytes);
    } catch (error) {
      if (init.signal?.aborted) throw init.signal.reason;
      throw new TypeError('fetch failed', { cause: error });
    }
  };
  return Object.assign(slackFetch, { close: () => dispatcher.close() });
}
