/**
 * Two replicas of the server sharing one Redis store (STORE_URL) receive the same
 * Slack event, as happens when Slack retries through a load balancer: exactly one of
 * them answers. Both run the real app against one Slack API double.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startSlackApiDouble, type SlackApiDouble } from '../doubles/slack-api-double.js';
import { fixture, postEvent } from './slack-requests.js';
import '../support/store-backends.js';

const SECRET = 'replica-signing-secret';
const run = randomUUID().slice(0, 8);
let double: SlackApiDouble;
let dataDir: string;
const replicas: Array<{ app: App; url: string }> = [];

function mention(id: string, ts: string) {
  const body = fixture<{ event: Record<string, unknown>; event_id: string }>('app-mention');
  body.event_id = `Ev${run}${id}`;
  Object.assign(body.event, { ts, event_ts: ts, text: '<@UBOT0001> travelling to Kyrgyzstan next week' });
  return body;
}

beforeAll(async () => {
  double = await startSlackApiDouble();
  dataDir = mkdtempSync(join(tmpdir(), 'slack-replicas-'));
  for (let i = 0; i < 2; i++) {
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      STORE_URL: 'redis://127.0.0.1:6379',
      PLAYGROUND: 'off',
      SLACK_BOT_TOKEN: 'xoxb-replica',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: double.apiUrl,
    });
    const app = createApp({ config, logger: silentLogger, clock: () => new Date('2026-11-23T10:00:00Z') });
    const running = await app.start();
    replicas.push({ app, url: `${running.url}/slack/events` });
  }
});

afterAll(async () => {
  for (const r of replicas) await r.app.stop();
  await double?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Slack door on two replicas sharing Redis', () => {
  it('answers an event delivered to both replicas exactly once', async () => {
    const ts = '1763895000.000100';
    const body = mention('dup', ts);
    const [a, b] = await Promise.all(replicas.map((r, i) => postEvent(r.url, SECRET, body, i ? { retryNum: 1 } : {})));
    expect([a!.status, b!.status]).toEqual([200, 200]);
    await double.waitFor('chat.postMessage', (c) => c.args.thread_ts === ts);
    // Later events through each replica are answered, so both have processed the duplicate by now.
    for (const [i, r] of replicas.entries()) {
      const marker = mention(`m${i}`, `176389510${i}.000100`);
      await postEvent(r.url, SECRET, marker);
      await double.waitFor('chat.postMessage', (c) => c.args.thread_ts === marker.event.ts);
    }
    expect(double.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts)).toHaveLength(1);
  });
});
