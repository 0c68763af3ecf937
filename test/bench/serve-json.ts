/** A bench-only HTTP endpoint on loopback: GET returns `read(url)` as JSON (`url`: the request's path and query). Returns its URL. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function serveJson(read: (url: string) => unknown): Promise<string> {
  const server = createServer((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(read(req.url ?? '/'))));
  server.unref();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}
