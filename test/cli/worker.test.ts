/**
 * `travel-advisor worker` as an operator runs it: the real process (bin → dist) refuses
 * a configuration it cannot work with in one line, and with the server's configuration
 * answers a message queued on BullMQ in real Redis through the Slack API double, then
 * stops cleanly on SIGTERM.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { ANSWERS_QUEUE, createAnswerQueue } from '../../src/channels/slack/answer-queue.js';
import { startSlackApiDouble } from '../doubles/slack-api-double.js';

const BIN = join(resolve(import.meta.dirname, '../..'), 'bin/travel-advisor.js');
const REDIS = 'redis://127.0.0.1:6379';
const prefix = `test-worker-cli-${randomUUID().slice(0, 8)}`;

afterAll(async () => {
  const queue = new Queue(ANSWERS_QUEUE, { connection: { url: REDIS }, prefix });
  await queue.obliterate({ force: true });
  await queue.close();
});

function run(env: Record<string, string>) {
  const r = spawnSync(process.execPath, [BIN, 'worker'], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
}

describe('travel-advisor worker', () => {
  it('says in one line what it needs when the server does not queue answers', () => {
    const inline = run({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    expect(inline.code).toBe(1);
    expect(inline.stderr).toMatch(/^error: worker answers the queue of servers with ANSWER_WORKERS=external/);
    const noRedis = run({ ANSWER_WORKERS: 'external', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    expect(noRedis.code).toBe(1);
    expect(noRedis.stderr).toMatch(/ANSWER_WORKERS: "external" queues answers on BullMQ; set REDIS_URL/);
    expect(noRedis.stderr).not.toMatch(/\n\s+at /);
  });

  it('answers a queued mention through Slack and stops on SIGTERM', async () => {
    const double = await startSlackApiDouble();
    const child = spawn(process.execPath, [BIN, 'worker', '--concurrency', '2'], {
      env: {
        PATH: process.env.PATH, ANSWER_WORKERS: 'external', REDIS_URL: REDIS, STORE_URL: REDIS, ANSWER_QUEUE_PREFIX: prefix,
        SLACK_BOT_TOKEN: 'xoxb-worker', SLACK_SIGNING_SECRET: 'worker-secret', SLACK_API_URL: double.apiUrl, LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      await new Promise<void>((ready, fail) => {
        child.stdout!.on('data', (d: Buffer) => d.toString().includes('Answer worker ready') && ready());
        void exited.then((code) => fail(new Error(`worker exited with ${code}: ${stderr}`)));
      });
      const queue = createAnswerQueue({ redisUrl: REDIS, prefix, timeoutMs: 3000 });
      const ts = `17638970${Math.floor(Math.random() * 90 + 10)}.000100`;
      await queue.enqueue({ team: 'T0001', channel: 'C0CLI', ts, dm: false, text: '<@UBOT0001> travelling to Kyrgyzstan next week', userId: 'U0CLI' });
      await queue.close();
      const post = await double.waitFor('chat.postMessage', (c) => c.args.thread_ts === ts, 20_000);
      expect(post.args.channel).toBe('C0CLI');
      expect(JSON.stringify(post.args.blocks)).toContain('Kyrgyzstan');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr).toBe('');
    } finally {
      child.kill('SIGKILL');
      await double.close();
    }
  }, 60_000);
});
