/**
 * Start-up of the Slack door: a token Slack rejects stops start-up with a message
 * naming the variable to fix, instead of a server that silently never answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startSlackApiDouble } from '../doubles/slack-api-double.js';

describe('Slack door start-up', () => {
  it('fails with a clear message when Slack rejects the bot token', async () => {
    const double = await startSlackApiDouble();
    const dataDir = mkdtempSync(join(tmpdir(), 'slack-startup-'));
    double.failNext('auth.test', { error: 'invalid_auth' });
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      PLAYGROUND: 'off',
      SLACK_BOT_TOKEN: 'xoxb-revoked',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_API_URL: double.apiUrl,
    });
    const app = createApp({ config, logger: silentLogger });
    try {
      await expect(app.start()).rejects.toThrow(`Slack did not accept the bot token (invalid_auth): check SLACK_BOT_TOKEN and SLACK_API_URL (${double.apiUrl}).`);
    } finally {
      await app.stop();
      await double.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
