/**
 * The answer queue runs jobs after the current request returns, a few at a time, and
 * refuses a flood of messages (not jobs): past a hard cap, or once the estimated wait
 * (messages × recent median CPU per message) or the oldest job's wait reaches its bound.
 */
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

  /** Finishes `n` messages, each costing `ms` of CPU on the queue's CPU clock. */
  async function measure(queue: ReturnType<typeof createWorkQueue>, cpu: { ms: number }, n: number, ms: number) {
    for (let i = 0; i < n; i++)
      queue.run(async () => {
        cpu.ms += ms;
      });
    await queue.idle();
  }

  /** Offers `n` messages at once, each answered after a short gate; which were admitted. */
  function flood(queue: ReturnType<typeof createWorkQueue>, n: number): boolean[] {
    const gate = new Promise<void>((r) => setTimeout(r, 10));
    return Array.from({ length: n }, () => queue.run(() => gate));
  }

  it('admits while the CPU the queue needs fits the wait bound, then refuses a flood beyond capacity', async () => {
    const cpu = { ms: 0 };
    const queue = createWorkQueue({ logger: silentLogger, concurrency: 2, maxWaitMs: 1000, cpuMs: () => cpu.ms });
    // Messages measured at 50 ms of CPU each: 1000 / 50 = 20 messages fit in the bound.
    await measure(queue, cpu, 16, 50);
    const accepted = flood(queue, 30);
    expect(accepted.filter(Boolean)).toHaveLength(20);
    expect(accepted.slice(20).every((a) => !a)).toBe(true);
    expect(queue.estimatedWaitMs).toBe(1000);
    await queue.idle();
    // Drained: the queue admits again.
    expect(queue.run(async () => undefined)).toBe(true);
  });

  it('admits a large burst when messages are cheap, up to the hard cap', async () => {
    const cpu = { ms: 0 };
    const queue = createWorkQueue({ logger: silentLogger, maxPending: 3000, maxWaitMs: 20_000, cpuMs: () => cpu.ms });
    // 2 ms a message: 10,000 would fit in 20 s, the hard cap of 3,000 decides.
    await measure(queue, cpu, 16, 2);
    const accepted = flood(queue, 3500);
    expect(accepted.filter(Boolean)).toHaveLength(3000);
    await queue.idle();
  });

  it('refuses once the oldest waiting job has waited the bound (answers slow on I/O, cheap on CPU)', async () => {
    let clock = 0;
    const queue = createWorkQueue({ logger: silentLogger, concurrency: 1, maxWaitMs: 1000, now: () => clock, cpuMs: () => 0 });
    let open!: () => void;
    const slow = new Promise<void>((r) => (open = r));
    expect(queue.run(() => slow)).toBe(true);
    expect(queue.run(async () => undefined)).toBe(true);
    await new Promise((r) => setImmediate(r));
    clock += 999;
    expect(queue.run(async () => undefined)).toBe(true);
    clock += 1;
    // The second job has waited 1 s behind the slow one: newcomers are told "busy".
    expect(queue.run(async () => undefined)).toBe(false);
    open();
    await queue.idle();
    expect(queue.run(async () => undefined)).toBe(true);
    await queue.idle();
  });
});
