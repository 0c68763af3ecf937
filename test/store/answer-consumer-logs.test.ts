/**
 * An answer job that fails for good leaves a trace. BullMQ removes a Teams answer job at once
 * when it fails (its data names the conversation), so without a log line a message whose
 * every attempt failed, or that was refused as permanent, was gone without a word from the
 * worker. On real Redis with the consumer every answer worker uses (startAnswerConsumer): a
 * job failing its only attempt is logged at error with its job id and never its data; a job
 * that fails once and then succeeds is not logged as failed for good.
 */
import { randomUUID } from 'node:crypto';
import { Queue, UnrecoverableError } from 'bullmq';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startAnswerConsumer } from '../../src/store/start-answer-consumer.js';

const REDIS = 'redis://127.0.0.1:6379';
const prefix = `consumer-logs-${randomUUID().slice(0, 8)}`;
const name = 'answers-under-test';
const queue = new Queue(name, { connection: { url: REDIS }, prefix });
afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
});

describe('answer consumer logs', () => {
  it('logs a job that fails for good by id, not one that succeeds on its second attempt', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = pino({ level: 'warn' }, { write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>) });
    const config = loadConfig({ REDIS_URL: REDIS, ANSWER_QUEUE_PREFIX: prefix, LOG_LEVEL: 'silent' });
    const done = new Set<string>();
    let doomedId: string | undefined;
    const worker = await startAnswerConsumer<{ secret: string; failures: number }>(name, async (job) => {
      try {
        if (job.data.failures < 0) throw new UnrecoverableError('refused for good');
        if (job.attemptsMade < job.data.failures) throw new Error('transient');
      } finally {
        done.add(`${job.id}:${job.attemptsMade}`);
      }
    }, { config, logger, concurrency: 2 });
    try {
      const doomed = await queue.add('answer', { secret: 'message text', failures: -1 }, { attempts: 5, removeOnFail: true, removeOnComplete: true });
      doomedId = doomed.id;
      const saved = await queue.add('answer', { secret: 'message text', failures: 1 }, { attempts: 2, backoff: { type: 'fixed', delay: 10 }, removeOnFail: true, removeOnComplete: true });
      const deadline = Date.now() + 10_000;
      while (!(done.has(`${doomed.id}:0`) && done.has(`${saved.id}:1`)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 200)); // the 'failed' event follows the processor
    } finally {
      await worker.close();
    }
    const failed = lines.filter((l) => l.msg === 'answer job failed for good: message not answered');
    expect(failed.map((l) => l.jobId)).toEqual([doomedId]);
    expect(JSON.stringify(lines)).not.toContain('message text');
  });
});
