/**
 * Proves the BullMQ workers' pace is one schedule in the real Redis at 127.0.0.1:6379:
 * two pacers on two connections (two workers) draw their slots from one key, so together
 * they start no faster than the configured rate. Each test uses its own key.
 */
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedisPacer, type RedisEval } from '../../src/reminders/create-redis-pacer.js';

const REDIS = 'redis://127.0.0.1:6379';
const queues: Queue[] = [];
afterEach(async () => {
  for (const q of queues.splice(0)) await q.close();
});

function worker(key: string, max: number, durationMs: number) {
  const queue = new Queue(`pace-test-${randomUUID().slice(0, 8)}`, { connection: { url: REDIS } });
  queues.push(queue);
  return createRedisPacer({ client: () => queue.client as unknown as Promise<RedisEval>, key, max, durationMs });
}

describe('the pace shared by BullMQ workers (real Redis)', () => {
  it('spaces the starts of two workers on one schedule: together no faster than the rate', async () => {
    const key = `test-pace-${randomUUID()}`;
    // 20 a second: a slot every 50 ms, whichever worker asks.
    const [a, b] = [worker(key, 20, 1000), worker(key, 20, 1000)];
    const starts: number[] = [];
    const asked = performance.now();
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).take().then(() => starts.push(performance.now()))));
    // Slots 0, 50, …, 950 ms on Redis' clock: the 20th start comes 950 ms after the first
    // take was asked for (each worker on its own schedule would be done by 450 ms).
    expect(starts).toHaveLength(20);
    expect(Math.max(...starts) - asked).toBeGreaterThanOrEqual(940);
  });

  it('runs the call in its slot and returns its result', async () => {
    const pacer = worker(`test-pace-${randomUUID()}`, 10, 1000);
    expect(await pacer.run(async () => 'sent')).toBe('sent');
    await expect(pacer.run(async () => Promise.reject(new Error('platform down')))).rejects.toThrow('platform down');
  });
});
