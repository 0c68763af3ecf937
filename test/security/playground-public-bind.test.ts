/**
 * Finding 10 (medium): with HOST=0.0.0.0 (which the Slack set-up asks for) the
 * playground, which has no login, stayed on and dropped its Host and Origin checks:
 * `Host: evil.example` got 200 and a cross-origin POST created a trip (201). Proves it
 * is off unless the server binds to loopback or PLAYGROUND=on; that on any bind it
 * answers only to PLAYGROUND_HOSTS and takes writes only as same-origin JSON; and that
 * `npm start` prints the address it really bound and why the playground is on or off.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { advisorFor } from '../reminders/reminders-harness.js';
import { send } from './raw-http.js';
import { startServerProcess } from './server-process.js';

const started: Array<{ stop(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

async function start(env: Record<string, string>): Promise<{ app: App; port: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sec-playground-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const app = createApp({ config, logger: silentLogger, advisor: advisorFor(config), clock: () => new Date('2026-11-23T09:00:00Z') });
  const port = (await app.start()).port;
  started.push({ stop: async () => (await app.stop(), rmSync(dataDir, { recursive: true, force: true })) });
  return { app, port };
}

const trip = JSON.stringify({ destinations: ['KG'], start: '2026-12-01' });
const write = (port: number, headers: Record<string, string>) =>
  send(port, { method: 'POST', path: '/playground/api/reminders', headers: { 'content-type': 'application/json', ...headers }, body: trip });

describe('the playground on a public bind', () => {
  it('is off with HOST=0.0.0.0 unless PLAYGROUND=on, and on by default on loopback', async () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).playgroundEnabled).toBe(false);
    expect(loadConfig({ HOST: '::' }).playgroundEnabled).toBe(false);
    expect(loadConfig({ HOST: '0.0.0.0', PLAYGROUND: 'on' }).playgroundEnabled).toBe(true);
    expect(loadConfig({ HOST: '127.0.0.1' }).playgroundEnabled).toBe(true);
    const { app, port } = await start({ HOST: '0.0.0.0' });
    expect(app.doors.map((d) => d.name)).not.toContain('web');
    expect((await send(port, { path: '/playground/', headers: { host: 'evil.example' } })).status).toBe(404);
    expect((await write(port, { host: 'evil.example', origin: 'http://evil.example' })).status).toBe(404);
  });

  it('with PLAYGROUND=on on 0.0.0.0, refuses other Host names and cross-origin writes, and serves localhost', async () => {
    const { port } = await start({ HOST: '0.0.0.0', PLAYGROUND: 'on' });
    expect((await send(port, { path: '/playground/', headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await send(port, { path: '/playground/api/countries', headers: { host: `10.1.2.3:${port}` } })).status).toBe(403);
    // DNS rebinding: the page and its Origin both say evil.example.
    expect((await write(port, { host: 'evil.example', origin: 'http://evil.example' })).status).toBe(403);
    expect((await write(port, { host: `localhost:${port}`, origin: 'http://evil.example' })).status).toBe(403);
    expect((await write(port, { host: `localhost:${port}`, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await write(port, { host: `localhost:${port}`, 'content-type': 'text/plain' })).status).toBe(415);
    expect((await send(port, { path: '/playground/', headers: { host: `localhost:${port}` } })).status).toBe(200);
    expect((await write(port, { host: `localhost:${port}`, origin: `http://localhost:${port}` })).status).toBe(201);
  });

  it('answers only to PLAYGROUND_HOSTS when they are set', async () => {
    const { port } = await start({ HOST: '0.0.0.0', PLAYGROUND: 'on', PLAYGROUND_HOSTS: 'advisor.internal, [::1]' });
    expect((await send(port, { path: '/playground/', headers: { host: `advisor.internal:${port}` } })).status).toBe(200);
    expect((await send(port, { path: '/playground/', headers: { host: `ADVISOR.internal` } })).status).toBe(200);
    expect((await send(port, { path: '/playground/', headers: { host: `localhost:${port}` } })).status).toBe(403);
    expect((await send(port, { path: '/playground/', headers: { host: 'advisor.internal.evil.example' } })).status).toBe(403);
  });
});

describe('npm start says where it listens and whether the playground is on', () => {
  it('prints 0.0.0.0 (not localhost) on a public bind, and that the playground is off and why', async () => {
    const server = await startServerProcess({ HOST: '0.0.0.0' });
    started.push(server);
    expect(server.stdout()).toContain(`Listening on 0.0.0.0:${server.port}, all interfaces`);
    expect(server.stdout()).toContain('Playground: off (HOST=0.0.0.0 is not loopback; PLAYGROUND=on serves it, to PLAYGROUND_HOSTS only)');
    expect((await send(server.port, { path: '/playground/', headers: { host: 'evil.example' } })).status).toBe(404);
  });

  it('prints the loopback address and the playground URL on the default bind', async () => {
    const server = await startServerProcess({});
    started.push(server);
    expect(server.stdout()).toContain(`Listening on 127.0.0.1:${server.port} (`);
    expect(server.stdout()).toContain(`Playground: http://localhost:${server.port} (on: HOST=127.0.0.1 is loopback; PLAYGROUND=off removes it)`);
  });
});
