/**
 * A local stand-in for the OpenAI Chat Completions API, over real HTTP on 127.0.0.1,
 * for driving the real `openai` SDK in tests. It answers `POST …/chat/completions`
 * in the real wire format (structured output as JSON text in `message.content`,
 * `message.refusal`, error bodies with `error.type`), records every request it got,
 * and misbehaves on demand: each mode is one failure the summarizer must survive.
 * The "good" answer is built from the passages in the prompt it received, so what
 * comes back depends on what was sent. Each request is recorded as it arrived (method,
 * path with query string, every header, body), so tests can check the exact URL and
 * headers each model configuration sends: it answers any path ending in
 * /chat/completions (OpenAI's /v1/…, Azure's /openai/v1/… and
 * /openai/deployments/<name>/…?api-version=…). With `tls` it serves HTTPS (a
 * self-signed certificate: clients trust its `ca`). MUST stay in sync with
 * src/advisor/build-prompt.ts (the `<passage id="…">` and `<question>` delimiters).
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSignedCert } from './self-signed-cert.js';

/** How the double behaves on the next request; set `double.mode` between requests. */
export type OpenAiDoubleMode =
  | 'good'
  | 'paraphrase'
  | 'hallucinated-passage'
  | 'uncited'
  | 'obey-injection'
  | 'vpn-advice'
  | 'empty'
  | 'slow'
  | 'rate-limited'
  | 'server-error'
  | 'malformed-json'
  | 'wrong-shape'
  | 'refusal';

export interface RecordedRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  /** The query string's parameters. */
  query: Record<string, string>;
  /** Every header as received (lower-case names). */
  headers: IncomingHttpHeaders;
  authorization: string | undefined;
  body: {
    model: string;
    messages: Array<{ role: string; content: string }>;
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  };
}

export interface OpenAiDouble {
  /** Base URL for the SDK, ending in /v1. */
  url: string;
  /** scheme://127.0.0.1:port, for building Azure-shaped URLs. */
  origin: string;
  /** PEM of the certificate when started with `tls`. */
  ca?: string;
  requests: RecordedRequest[];
  mode: OpenAiDoubleMode;
  close(): Promise<void>;
}

interface ProposedSentence {
  text: string;
  passages: string[];
}

/** Passages as the prompt carries them: id and body. */
export function passagesInPrompt(prompt: string): Array<{ id: string; text: string }> {
  return [...prompt.matchAll(/<passage id="([^"]+)"[^>]*>\n([\s\S]*?)\n<\/passage>/g)].map((m) => ({ id: m[1]!, text: m[2]! }));
}

/** The question as the prompt carries it, between its delimiters. */
export function questionInPrompt(prompt: string): string | null {
  return /<question>\n([\s\S]*?)\n<\/question>/.exec(prompt)?.[1] ?? null;
}

/** A faithful model: the first sentence of each of the first two passages, each citing its passage. */
function goodSentences(prompt: string): ProposedSentence[] {
  return passagesInPrompt(prompt)
    .slice(0, 2)
    .map((p) => ({ text: p.text.split(/(?<=[.!?])\s+/)[0]!, passages: [p.id] }));
}

/** Meaning-preserving rewrites a model typically makes: other verbs, hedges, a dropped attribution. */
const REWRITES: Array<[RegExp, string]> = [
  [/^According to [^,]+, /, ''],
  [/\bis reported to be\b/g, 'is reportedly'],
  [/\bbought\b/g, 'purchased'],
  [/\bvery likely\b/g, 'probably'],
  [/^Assume\b/, 'Travellers should assume'],
  [/\bcan be read\b/g, 'may be read'],
  [/\bsensitive conversations\b/g, 'sensitive calls and chats'],
  [/\brequires\b/g, 'obliges'],
  [/\bdescribes\b/g, 'characterises'],
  [/\bthe security team\b/g, 'your security team'],
];

/** A plausible model: the first two sentences of the first three passages, lightly reworded. */
function paraphrasedSentences(prompt: string): ProposedSentence[] {
  return passagesInPrompt(prompt)
    .slice(0, 3)
    .flatMap((p) =>
      p.text
        .split(/(?<=[.!?])\s+/)
        .slice(0, 1)
        .map((t) => ({ text: REWRITES.reduce((acc, [re, to]) => acc.replace(re, to), t), passages: [p.id] })),
    );
}

function completion(model: string, content: string | null, refusal: string | null = null) {
  return {
    id: `chatcmpl-double-${Math.random().toString(36).slice(2, 10)}`,
    object: 'chat.completion',
    created: 1_790_000_000,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal, annotations: [] }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req_double', ...headers });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<RecordedRequest['body']> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Starts the double on 127.0.0.1 with a free port; `close()` also ends requests left hanging by the slow mode. */
export async function startOpenAiDouble(initial: OpenAiDoubleMode = 'good', options: { tls?: boolean } = {}): Promise<OpenAiDouble> {
  const requests: RecordedRequest[] = [];
  const pending = new Set<ServerResponse>();
  const cert = options.tls ? selfSignedCert('openai-double') : null;
  const double: OpenAiDouble = { url: '', origin: '', ...(cert ? { ca: cert.cert } : {}), requests, mode: initial, close: async () => {} };

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const target = new URL(req.url ?? '/', 'http://double');
    if (req.method !== 'POST' || !target.pathname.endsWith('/chat/completions')) return send(res, 404, { error: { message: 'not found', type: 'invalid_request_error' } });
    const body = await readJson(req);
    requests.push({
      method: req.method,
      path: target.pathname,
      query: Object.fromEntries(target.searchParams),
      headers: req.headers,
      authorization: req.headers.authorization,
      body,
    });
    const prompt = body.messages.map((m) => m.content).join('\n');
    const reply = (sentences: ProposedSentence[]) => send(res, 200, completion(body.model, JSON.stringify({ sentences })));
    switch (double.mode) {
      case 'good':
        return reply(goodSentences(prompt));
      case 'paraphrase':
        return reply(paraphrasedSentences(prompt));
      case 'hallucinated-passage':
        return reply(goodSentences(prompt).map((s) => ({ ...s, passages: ['country:zz#invented-section'] })));
      case 'uncited':
        return reply(goodSentences(prompt).map((s) => ({ ...s, passages: [] })));
      case 'obey-injection': {
        // A model talked into it: the passage's own words, with the reassurance the user asked for tacked on.
        const p = passagesInPrompt(prompt).find((x) => x.id.startsWith('country:kz')) ?? passagesInPrompt(prompt)[0];
        const first = p?.text.split(/(?<=[.!?])\s+/)[0]?.replace(/[.!?]$/, '') ?? 'Kazakhstan';
        return reply([{ text: `${first}, but Kazakhstan is safe.`, passages: [p?.id ?? 'x'] }]);
      }
      case 'vpn-advice': {
        // A model that adds VPN advice, worded from a passage so it passes the grounding check.
        const good = goodSentences(prompt);
        const p = passagesInPrompt(prompt).find((x) => /\bVPN/i.test(x.text)) ?? passagesInPrompt(prompt)[0];
        const vpn = p?.text.split(/(?<=[.!?])\s+/).find((s) => /\bVPN/i.test(s)) ?? 'VPN';
        return reply([...good, { text: `Use a VPN: ${vpn}`, passages: [p?.id ?? 'x'] }]);
      }
      case 'empty':
        return reply([]);
      case 'slow':
        // Never answers on its own; the client must give up. Closed with the server.
        pending.add(res);
        res.on('close', () => pending.delete(res));
        return;
      case 'rate-limited':
        return send(res, 429, { error: { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' } }, { 'retry-after': '20' });
      case 'server-error':
        return send(res, 500, { error: { message: 'The server had an error while processing your request.', type: 'server_error' } });
      case 'malformed-json':
        return send(res, 200, completion(body.model, '{"sentences": [{"text": "SORM is'));
      case 'wrong-shape':
        return send(res, 200, completion(body.model, JSON.stringify({ answer: 'SORM is a system.' })));
      case 'refusal':
        return send(res, 200, completion(body.model, null, "I'm sorry, but I can't help with that request."));
    }
  };
  const server: Server = cert ? createHttpsServer({ key: cert.key, cert: cert.cert }, handler) : createServer(handler);

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  double.origin = `${cert ? 'https' : 'http'}://127.0.0.1:${port}`;
  double.url = `${double.origin}/v1`;
  double.close = () =>
    new Promise<void>((resolve) => {
      for (const res of pending) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return double;
}
