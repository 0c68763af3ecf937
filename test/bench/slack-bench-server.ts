/**
 * Child process of slack-bench.ts: runs one of the servers under test and prints
 * `READY <url>` on stdout. Modes:
 *   double  the Slack Web API double (answers the Web API calls both apps make); its
 *           READY line also names a counters URL: GET it for what the double has seen
 *           since the last GET (answers, busy replies, other posts, and when each reply
 *           arrived), so the benchmark counts what users got (bench only, not the app)
 *   bare    a bare Bolt app on its own HTTPReceiver that only acknowledges
 *   ours    the real app (createApp) with the Slack door on the shared server
 * Environment: BENCH_API_URL (Web API double), BENCH_SECRET (signing secret), BENCH_STORE_URL
 * (STORE_URL); with BENCH_ANSWER_PREFIX (and BENCH_REDIS_URL) `ours` runs ANSWER_WORKERS=external.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { createApp } from '../../src/app/create-app.js';
import { loadStoreBackend } from '../../src/store/create-store.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startSlackApiDouble } from '../doubles/slack-api-double.js';
import { BUSY_REPLY } from '../../src/channels/slack/listeners/reply-with-answer.js';
import { epochMs, type Counters } from './slack-load.js';
import { serveJson } from './serve-json.js';

const mode = process.argv[2];
// Exit normally on SIGINT so --cpu-prof can write its profile.
process.on('SIGINT', () => process.exit(0));
const secret = process.env.BENCH_SECRET ?? 'bench-secret';
const apiUrl = process.env.BENCH_API_URL;

async function main(): Promise<void> {
  if (mode === 'double') {
    let counters: Counters = { answers: 0, busy: 0, other: 0, replies: [] };
    const double = await startSlackApiDouble({
      onResponse(call, status) {
        if (call.method !== 'chat.postMessage' || status !== 200) return;
        const kind = Array.isArray(call.args.blocks) ? 'answers' : call.args.text === BUSY_REPLY ? 'busy' : 'other';
        counters[kind] += 1;
        if (kind !== 'other') counters.replies.push([String(call.args.thread_ts), epochMs()]);
      },
    });
    // Keep memory flat over long runs: forget calls as they come.
    setInterval(() => double.reset(), 1000).unref();
    // Each GET hands over what was counted since the last one.
    const countersUrl = await serveJson(() => {
      const read = counters;
      counters = { answers: 0, busy: 0, other: 0, replies: [] };
      return read;
    });
    console.log(`READY ${double.apiUrl} ${countersUrl}`);
  } else if (mode === 'bare') {
    const app = new App({ token: 'xoxb-bench', signingSecret: secret, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: apiUrl } });
    const server = (await app.start(0)) as Server;
    console.log(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
  } else if (mode === 'ours') {
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'slack-bench-')),
      ...(process.env.BENCH_STORE_URL ? { STORE_URL: process.env.BENCH_STORE_URL } : {}),
      // slack-workers-bench.ts: acknowledge only, answers queued for worker processes.
      ...(process.env.BENCH_ANSWER_PREFIX
        ? { ANSWER_WORKERS: 'external', REDIS_URL: process.env.BENCH_REDIS_URL, ANSWER_QUEUE_PREFIX: process.env.BENCH_ANSWER_PREFIX }
        : {}),
      LOG_LEVEL: 'silent',
      PLAYGROUND: 'off',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: apiUrl,
    });
    await loadStoreBackend(config);
    const app = createApp({ config, logger: silentLogger });
    const running = await app.start();
    console.log(`READY http://127.0.0.1:${running.port}/slack/events`);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
