/**
 * The Slack door as the security suites attack it: the real server from createApp on
 * port 0 with HTTP-mode Slack settings, the Slack API double behind SLACK_API_URL, a
 * fresh SQLite store in a temp dir, and helpers to build signed mentions with unique
 * event ids. `env` and `options` add to or override any part.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App, type AppOptions } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startSlackApiDouble, type SlackApiDouble, type SlackApiDoubleOptions } from '../doubles/slack-api-double.js';
import { fixture } from '../slack/slack-requests.js';
import '../support/store-backends.js';

export const SECRET = 'security-signing-secret-0123456789abcdef';

export interface SlackHarness {
  app: App;
  double: SlackApiDouble;
  url: string;
  eventsUrl: string;
  close(): Promise<void>;
}

export async function startSlackHarness(
  env: Record<string, string> = {},
  options: Omit<AppOptions, 'config'> = {},
  doubleOptions: SlackApiDoubleOptions = {},
): Promise<SlackHarness> {
  const double = await startSlackApiDouble(doubleOptions);
  const dataDir = mkdtempSync(join(tmpdir(), 'h13s-slack-'));
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PLAYGROUND: 'off',
    SLACK_BOT_TOKEN: 'xoxb-security-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: double.apiUrl,
    ...env,
  });
  const app = createApp({ logger: silentLogger, ...options, config });
  const running = await app.start();
  return {
    app,
    double,
    url: running.url,
    eventsUrl: `${running.url}/slack/events`,
    async close() {
      await app.stop();
      await double.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let seq = 0;

/** A signed-ready app_mention body with a unique event id and ts, asking `text`. */
export function mentionBody(text: string): { event: Record<string, unknown> & { ts: string }; event_id: string } {
  seq += 1;
  const body = fixture<{ event: Record<string, unknown> & { ts: string }; event_id: string }>('app-mention');
  const ts = `1763${String(process.pid % 1000).padStart(3, '0')}${String(seq).padStart(3, '0')}.${String(seq).padStart(6, '0')}`;
  body.event_id = `Ev0H13S${process.pid}X${seq}`;
  Object.assign(body.event, { text: `<@UBOT0001> ${text}`, ts, event_ts: ts });
  return body;
}
