/**
 * The door contract for Slack: signed Events API requests to the real Bolt app in the real
 * server (createApp), answers read back from the Slack Web API double. A thread is a
 * channel thread: its first mention is the root, the next ones reply in it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { answerToBlockKit } from '../../src/channels/slack/render/answer-to-block-kit.js';
import { SLACK_LIMITS } from '../../src/channels/slack/limits.js';
import { startSlackApiDouble, type RecordedCall } from '../doubles/slack-api-double.js';
import { expectWithinLimits, texts } from '../slack/slack-limits-check.js';
import { fixture, postEvent } from '../slack/slack-requests.js';
import { doorContract } from './door-contract.js';

const SECRET = 'door-contract-signing-secret-0123456789';
const NOW = new Date('2026-11-23T10:00:00Z');
const USER = 'U0CONTRACT';

doorContract('Slack', async () => {
  const double = await startSlackApiDouble();
  const dataDir = mkdtempSync(join(tmpdir(), 'door-slack-'));
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, PLAYGROUND: 'off', SLACK_BOT_TOKEN: 'xoxb-contract', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: double.apiUrl });
  const app = createApp({ config, logger: silentLogger, clock: () => NOW });
  const eventsUrl = `${(await app.start()).url}/slack/events`;
  const roots = new Map<string, string>();
  let seq = 0;

  function mention(text: string, thread: string | null, extra: Record<string, unknown> = {}) {
    const body = fixture<{ event: Record<string, unknown>; event_id: string }>('app-mention');
    seq += 1;
    const ts = `1763895${String(seq).padStart(3, '0')}.000100`;
    body.event_id = `Ev0CONTRACT${String(seq).padStart(5, '0')}`;
    const root = thread ? roots.get(thread) : undefined;
    if (thread && !root) roots.set(thread, ts);
    Object.assign(body.event, { text: `<@UBOT0001> ${text}`, user: USER, ts, event_ts: ts, ...(root ? { thread_ts: root } : {}), ...extra });
    return { body, thread: root ?? ts };
  }

  const inThread = (thread: string) => (c: RecordedCall) => c.args.thread_ts === thread;
  const text = (c: RecordedCall) => `${String(c.args.text ?? '')}\n${Array.isArray(c.args.blocks) ? texts(c.args.blocks as never) : ''}`;

  return {
    threads: true,
    async say(message, name) {
      const { body, thread } = mention(message, name);
      const before = double.callsTo('chat.postMessage').filter(inThread(thread)).length;
      await postEvent(eventsUrl, SECRET, body);
      await double.waitFor('chat.postMessage', (c) => inThread(thread)(c) && double.callsTo('chat.postMessage').filter(inThread(thread)).length > before, 15_000);
      // A notice and the advice are posted one after the other: wait until the thread is quiet.
      for (let n = -1; n !== double.callsTo('chat.postMessage').length; ) {
        n = double.callsTo('chat.postMessage').length;
        await new Promise((r) => setTimeout(r, 300));
      }
      return double.callsTo('chat.postMessage').filter(inThread(thread)).slice(before).map(text).join('\n');
    },
    async ignoresOwnMessage() {
      const { body, thread } = mention('travelling to Kyrgyzstan next week', null, { user: 'UBOT0001', bot_id: 'B0CONTRACT', bot_profile: { name: 'Travel advisor' } });
      await postEvent(eventsUrl, SECRET, body);
      await new Promise((r) => setTimeout(r, 1_000));
      return double.callsTo('chat.postMessage').filter(inThread(thread)).length === 0;
    },
    // Block Kit's own limits (50 blocks, 3,000 characters a section …: the checks of test/slack/); the first-screen budget is a goal tested there.
    limitProblems(answer) {
      const { blocks } = answerToBlockKit(answer);
      const problems: string[] = [];
      try {
        expectWithinLimits(blocks, SLACK_LIMITS.messageBlocks);
      } catch (error) {
        problems.push((error as Error).message);
      }
      return problems;
    },
    trips: () => app.context.reminders.listTrips({ traveller: { platform: 'slack', userId: USER } }),
    async close() {
      await app.stop();
      await double.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
});
