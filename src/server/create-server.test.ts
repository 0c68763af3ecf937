/** Proves the shared server routes to doors over real HTTP and turns errors into JSON replies. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.js';
import { createServer, listen, type RunningServer } from './create-server.js';
import { HttpError, readJson, sendJson } from './http-helpers.js';
import type { Door } from './types.js';

let running: RunningServer;
const door: Door = {
  name: 'test',
  routes: [
    { method: 'GET', path: '/things/:id', handler: (_req, res, p) => sendJson(res, 200, { id: p.id }) },
    { method: 'POST', path: '/echo', handler: async (req, res) => sendJson(res, 200, await readJson(req, 64)) },
    { method: 'GET', path: '/teapot', handler: () => { throw new HttpError(418, 'short and stout'); } },
    { method: 'GET', path: '/boom', handler: () => { throw new Error('secret detail'); } },
  ],
};

beforeAll(async () => {
  running = await listen(createServer([door], silentLogger), 0, '127.0.0.1');
});
afterAll(() => running.close());

const get = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${running.port}${path}`, init);

describe('shared HTTP server', () => {
  it('answers health checks with the doors it serves', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, doors: ['test'] });
  });

  it('passes path parameters to the door', async () => {
    expect(await (await get('/things/a%20b')).json()).toEqual({ id: 'a b' });
  });

  it('answers 404 for unknown paths and 405 for a wrong method', async () => {
    expect((await get('/nowhere')).status).toBe(404);
    expect((await get('/echo')).status).toBe(405);
  });

  it('refuses bodies over the limit and malformed JSON', async () => {
    expect((await get('/echo', { method: 'POST', body: JSON.stringify({ a: 'x'.repeat(100) }) })).status).toBe(413);
    const bad = await get('/echo', { method: 'POST', body: '{nope' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'body is not valid JSON' });
  });

  it('maps typed errors to their status and hides unexpected ones', async () => {
    expect((await get('/teapot')).status).toBe(418);
    const boom = await get('/boom');
    expect(boom.status).toBe(500);
    expect(await boom.text()).not.toContain('secret detail');
  });
});
