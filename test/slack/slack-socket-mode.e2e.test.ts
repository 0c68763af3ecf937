/**
 * With SLACK_APP_TOKEN the Slack door runs on Socket Mode: it opens the connection
 * through apps.connections.open at SLACK_API_URL (so proxies and tests work), answers
 * envelopes pushed over the WebSocket with an ack carrying their envelope_id, then
 * posts the answer through the Web API. No HTTP route is mounted for Slack.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startSlackApiDouble, type SlackApiDouble } from '../doubles/slack-api-double.js';
import { fixture } from './slack-requests.js';

let double: SlackApiDouble;
let app: App;
let baseUrl: string;
let dataDir: string;

beforeAll(async () => {
  double = await startSlackApiDouble();
  dataDir = mkdtempSync(join(tmpdir(), 'slack-socket-'));
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PLAYGROUND: 'off',
    SLACK_BOT_TOKEN: 'xoxb-socket-token',
    SLACK_APP_TOKEN: 'xapp-socket-token',
    SLACK_API_URL: double.apiUrl,
  });
  expect(config.slackMode).toBe('socket');
  app = createApp({ config, clock: () => new Date('2026-11-23T10:00:00Z'), logger: silentLogger });
  baseUrl = (await app.start()).url;
  await double.socket.connected();
});

afterAll(async () => {
  await app?.stop();
  await double?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Slack door on Socket Mode', () => {
  it('connects with the app-level token and acks and answers a mention pushed over the socket', async () => {
    const open = double.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.token).toBe('xapp-socket-token');

    const payload = fixture<{ event: { ts: string } }>('app-mention');
    double.socket.send({ envelope_id: 'env-1', type: 'events_api', payload, accepts_response_payload: false, retry_attempt: 0, retry_reason: '' });
    expect(await double.socket.ack('env-1')).toMatchObject({ envelope_id: 'env-1' });
    const post = await double.waitFor('chat.postMessage', (c) => c.args.thread_ts === payload.event.ts);
    expect(post.token).toBe('xoxb-socket-token');
    expect(JSON.stringify(post.args.blocks)).toMatch(/Kyrgyzstan: (at least high \(level 3 of 4\)|level 3 of 4, high)/);
  });

  it('mounts no HTTP route for Slack', async () => {
    const res = await fetch(`${baseUrl}/slack/events`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(await (await fetch(`${baseUrl}/healthz`)).json()).toMatchObject({ ok: true, doors: expect.arrayContaining(['slack']) });
  });
});
