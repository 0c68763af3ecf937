/**
 * Finding 17 (a, b): Slack start-up either works or stops `node dist/main.js` with
 * exit code 1 and one message saying what to fix, within a stated time. Contradictory
 * settings (bot token + signing secret + app token, which used to choose Socket Mode
 * silently) stop it at once naming both variables and how to choose. A Slack Web API
 * that cannot be reached (a closed port), never answers (SLACK_STARTUP_TIMEOUT_MS), or
 * answers auth.test with HTTP 500 stops it naming the URL and what to check, instead
 * of retrying "fetch failed" for minutes. Each case is the real process with a real
 * environment; the time from spawn to exit is measured and printed.
 */
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackApiDouble, type SlackApiDouble } from '../doubles/slack-api-double.js';
import { spawnSlackServer, type SlackServerProcess } from './slack-server-process.js';

/** Start-up of the process itself (imports, content, understander), generous for a shared 2-core machine. */
const PROCESS_START_ALLOWANCE_MS = 15_000;
const SLACK = { SLACK_BOT_TOKEN: 'xoxb-startup-token', SLACK_SIGNING_SECRET: 'startup-signing-secret' };

let double: SlackApiDouble;
let closedUrl: string;
let silent: Server;
let silentUrl: string;
const sockets: Socket[] = [];
const processes: SlackServerProcess[] = [];

function spawn(env: Record<string, string>): SlackServerProcess {
  const p = spawnSlackServer(env);
  processes.push(p);
  return p;
}

beforeAll(async () => {
  double = await startSlackApiDouble();
  // A port that was just free and is now closed: connections are refused.
  const probe = createNetServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedUrl = `http://127.0.0.1:${(probe.address() as { port: number }).port}/api/`;
  await new Promise<void>((r) => probe.close(() => r()));
  // A server that accepts connections and never answers (a black-holing proxy).
  silent = createNetServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  silentUrl = `http://127.0.0.1:${(silent.address() as { port: number }).port}/api/`;
});

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => silent?.close(() => r()));
  await double?.close();
});

describe('Slack start-up', () => {
  it('refuses bot token + signing secret + app token together, naming both and how to choose', async () => {
    const p = spawn({ ...SLACK, SLACK_APP_TOKEN: 'xapp-startup-token', SLACK_API_URL: double.apiUrl });
    const { code, ms } = await p.exit(PROCESS_START_ALLOWANCE_MS + 10_000);
    console.log(`contradictory Slack settings: exit ${code} after ${Math.round(ms)} ms`);
    expect(code).toBe('1');
    expect(p.output()).toContain('SLACK_SIGNING_SECRET, SLACK_APP_TOKEN: both set');
    expect(p.output()).toMatch(/keep SLACK_SIGNING_SECRET for the HTTP Events API .* or SLACK_APP_TOKEN \(xapp-…\) for Socket Mode, and unset the other/);
    expect(p.output()).not.toContain('Listening on');
  });

  it('stops within seconds, naming the URL, when SLACK_API_URL points at a closed port', async () => {
    const p = spawn({ ...SLACK, SLACK_API_URL: closedUrl });
    const { code, ms } = await p.exit(PROCESS_START_ALLOWANCE_MS + 10_000 + 5_000);
    console.log(`SLACK_API_URL on a closed port: exit ${code} after ${Math.round(ms)} ms`);
    expect(code).toBe('1');
    expect(p.output()).toContain(`Slack's Web API at ${closedUrl} could not be reached (ECONNREFUSED`);
    expect(p.output()).toContain(`check SLACK_API_URL (${closedUrl})`);
    expect(ms).toBeLessThan(PROCESS_START_ALLOWANCE_MS + 10_000);
  });

  it('stops after SLACK_STARTUP_TIMEOUT_MS, naming the URL, when Slack never answers', async () => {
    const p = spawn({ ...SLACK, SLACK_API_URL: silentUrl, SLACK_STARTUP_TIMEOUT_MS: '2000' });
    const { code, ms } = await p.exit(PROCESS_START_ALLOWANCE_MS + 2_000 + 5_000);
    console.log(`Slack API that never answers, SLACK_STARTUP_TIMEOUT_MS=2000: exit ${code} after ${Math.round(ms)} ms`);
    expect(code).toBe('1');
    expect(p.output()).toContain(`Slack's Web API at ${silentUrl} could not be reached (timed out; start-up waits at most 2 s, SLACK_STARTUP_TIMEOUT_MS)`);
    expect(ms).toBeGreaterThanOrEqual(2_000);
    expect(ms).toBeLessThan(PROCESS_START_ALLOWANCE_MS + 2_000);
  });

  it('stops at once, naming the URL and the status, when auth.test answers HTTP 500', async () => {
    for (let i = 0; i < 3; i++) double.failNext('auth.test', { status: 500 });
    const p = spawn({ ...SLACK, SLACK_API_URL: double.apiUrl });
    const { code, ms } = await p.exit(PROCESS_START_ALLOWANCE_MS + 10_000 + 5_000);
    console.log(`auth.test answering HTTP 500: exit ${code} after ${Math.round(ms)} ms`);
    expect(code).toBe('1');
    expect(p.output()).toContain(`Slack's Web API at ${double.apiUrl} answered auth.test with HTTP 500: check SLACK_API_URL (${double.apiUrl})`);
    expect(ms).toBeLessThan(PROCESS_START_ALLOWANCE_MS + 10_000);
  });
});
