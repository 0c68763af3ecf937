/**
 * The door contract for the playground, through its real HTTP API on a real server
 * (createApp on loopback, SQLite in a temp dir): each thread is a page's conversation id.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { renderForPlayground } from '../../src/channels/web/render-for-playground.js';
import { defaultRenderers } from '../../src/channels/web/create-web-door.js';
import { PLAYGROUND_TRAVELLER } from '../../src/channels/web/playground-routes.js';
import { doorContract } from './door-contract.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const tags = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

doorContract('playground', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'door-playground-'));
  const app = createApp({ config: loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, PLAYGROUND: 'on' }), logger: silentLogger, clock: () => NOW });
  const base = (await app.start()).url.replace('localhost', '127.0.0.1');
  return {
    threads: true,
    async say(text, thread) {
      const res = await fetch(`${base}/playground/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text, timeZone: 'UTC', conversation: `contract-${thread}` }),
      });
      if (res.status !== 200) throw new Error(`playground answered ${res.status}`);
      const body = (await res.json()) as { reply: { notice: { text: string } | null }; slackHtml?: string };
      return `${body.reply.notice?.text ?? ''}\n${tags(body.slackHtml ?? '')}`;
    },
    limitProblems: (answer) => Object.values(renderForPlayground(answer, defaultRenderers).problems).filter((p): p is string => Boolean(p)),
    trips: () => app.context.reminders.listTrips({ traveller: PLAYGROUND_TRAVELLER }),
    async close() {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
});
