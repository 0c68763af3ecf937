/** The answer queue runs jobs after the current request returns, a few at a time, and refuses a flood of messages (not jobs). */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../logger.js';
import { createWorkQueue } from './create-work-queue.js';

describe('createWorkQueue', () => {
  it('starts a job only after the caller has returned (so the ack goes out first)', async () => {
    const queue = createWorkQueue({ logger: silentLogger });
    const order: string[] = [];
    queue.run(async () => {
      order.push('job');
    });
    order.push('ack');
    await queue.idle();
    expect(order).toEqual(['ack', 'job']);
  });

  it('runs at most `concurrency` jobs at once and all of them eventually', async () => {
    const queue = createWorkQueue({ logger: silentLogger, concurrency: 2 });
    let active = 0;
    let peak = 0;
    let done = 0;
    const gates: Array<() => void> = [];
    for (let i = 0; i < 6; i++)
      queue.run(async () => {
        active += 1;
        peak = Math.max(peak, active);
        await new Promise<void>((resolve) => gates.push(resolve));
        active -= 1;
        done += 1;
      });
    const turn = () => new Promise((r) => setImmediate(r));
    while (active < 2) await turn();
    for (let i = 0; i < 5; i++) await turn();
    expect(active).toBe(2);
    while (done < 6) {
      gates.splice(0).forEach((open) => open());
      await turn();
    }
    await queue.idle();
    expect(peak).toBe(2);
    expect(queue.size).toBe(0);
  });

  it('refuses jobs beyond maxPending and keeps running after a job throws', async () => {
    const queue = createWorkQueue({ logger: silentLogger, concurrency: 1, maxPending: 2 });
    const ran: number[] = [];
    const accepted = [0, 1, 2, 3].map((i) =>
      queue.run(async () => {
        ran.push(i);
        if (i === 0) throw new Error('boom');
      }),
    );
    // Two waiting (none started yet, jobs start on a later turn): the third and fourth are refused.
    expect(accepted).toEqual([true, true, false, false]);
    await queue.idle();
    expect(ran).toEqual([0, 1]);
  });

  it('counts messages, not jobs: jobs under one admission share its place until all are done', async () => {
    const queue = createWorkQueue({ logger: silentLogger, concurrency: 1, maxPending: 2 });
    const first = queue.admit()!;
    first.run(async () => undefined);
    first.run(async () => undefined);
    const second = queue.admit()!;
    second.run(async () => undefined);
    // Two messages with three jobs between them: the cap of 2 is reached, not passed.
    expect(queue.admit()).toBeNull();
    first.release();
    second.release();
    await queue.idle();
    expect(queue.messages).toBe(0);
    expect(queue.admit()).not.toBeNull();
  });
});
