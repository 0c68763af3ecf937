/**
 * Slack retries an event for minutes (up to three times) when it thinks our ack was
 * lost. On the default embedded SQLite store the event_id claim is durable: a retry
 * that reaches a restarted process (same DATA_DIR) is not answered a second time.
 * Real app, real SQLite file, Slack API double over HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startSlackApiDouble, type SlackApiDouble } from '../doubles/slack-api-double.js';
import { fixture, postEvent } from './slack-requests.js';

const SECRET = 'restart-signing-secret';
let double: SlackApiDouble;
let dataDir: string;
let app: App | undefined;

function mention(eventId: string, ts: string) {
  const body = fixture<{ event: Record<string, unknown>; event_id: string }>('app-mention');
  body.event_id = eventId;
  Object.assign(body.event, { ts, event_ts: ts, text: '<@UBOT0001> travelling to Kyrgyzstan next week' });
  return body;
}

async function start(): Promise<string> {
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    PLAYGROUND: 'off',
    SLACK_BOT_TOKEN: 'xoxb-restart',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: double.apiUrl,
  });
  app = createApp({ config, logger: silentLogger, clock: () => new Date('2026-11-23T10:00:00Z') });
  const running = await app.start();
  return `${running.url}/slack/events`;
}

const answersIn = (ts: string) => double.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts);

beforeAll(async () => {
  double = await startSlackApiDouble();
  dataDir = mkdtempSync(join(tmpdir(), 'slack-restart-'));
});

afterAll(async () => {
  await app?.stop();
  await double?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Slack door across a restart (embedded SQLite store)', () => {
  it('does not answer a retried event again after the process restarted', async () => {
    const original = mention('Ev0RESTART01', '1763896000.000100');
    let url = await start();
    expect((await postEvent(url, SECRET, original)).status).toBe(200);
    await double.waitFor('chat.postMessage', (c) => c.args.thread_ts === '1763896000.000100');
    await app!.stop();

    // A new process on the same data directory receives Slack's retries.
    url = await start();
    for (const retryNum of [1, 2, 3]) {
      expect((await postEvent(url, SECRET, original, { retryNum })).status).toBe(200);
    }
    // A new event is answered, so the retries before it were processed (and dropped).
    await postEvent(url, SECRET, mention('Ev0RESTART02', '1763896001.000100'));
    await double.waitFor('chat.postMessage', (c) => c.args.thread_ts === '1763896001.000100');
    expect(answersIn('1763896000.000100')).toHaveLength(1);
    expect(answersIn('1763896001.000100')).toHaveLength(1);
  });
});
