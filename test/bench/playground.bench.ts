/**
 * `npm run bench`: what the playground costs per question on the server: the real
 * app over real HTTP, POST /playground/api/ask for the Kyrgyzstan message, i.e. the
 * advisor's answer plus the Slack (Block Kit + HTML) and Teams (Adaptive Card)
 * renderings. The time until both are drawn in Chromium is measured end to end by
 * test/web/playground.browser.test.ts (printed, and saved to test/artifacts/).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';

let app: App;
let base = '';

beforeAll(async () => {
  app = createApp({ config: loadConfig({ PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'playground-bench-')), LOG_LEVEL: 'silent' }) });
  base = (await app.start()).url.replace('localhost', '127.0.0.1');
});
afterAll(async () => app?.stop());

const ask = (text: string) =>
  fetch(`${base}/playground/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) }).then((r) => r.json());

describe('playground', () => {
  bench('POST /playground/api/ask "travelling to Kyrgyzstan next week" (answer + both renderings)', async () => {
    await ask('travelling to Kyrgyzstan next week');
  }, { time: 2000 });
  bench('GET /playground/api/countries (every country scored)', async () => {
    await fetch(`${base}/playground/api/countries`).then((r) => r.json());
  }, { time: 1000 });
});
