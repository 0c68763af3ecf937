/**
 * Proves the delivery pacer spaces starts evenly, never lets more than `max` into a window,
 * and holds each call's place until it settled: after a stall overran several slots, the
 * calls a platform could count in one rolling window stay at `max`.
 */
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './create-rate-limiter.js';

/** Time the test moves by hand: sleepers wake when `to` passes their time. */
function virtualTime() {
  let t = 0;
  const sleepers: Array<{ at: number; wake: () => void }> = [];
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  };
  return {
    now: () => t,
    sleep: (ms: number) => new Promise<void>((wake) => sleepers.push({ at: t + ms, wake })),
    async to(x: number) {
      t = x;
      for (const s of sleepers.splice(0)) (s.at <= x ? s.wake() : sleepers.push(s));
      await settle();
    },
    settle,
  };
}

describe('createRateLimiter', () => {
  it('gives each caller the next slot of an even schedule: max per window, never more', async () => {
    const vt = virtualTime();
    const limiter = createRateLimiter(4, 100, vt.now, vt.sleep);
    const started: number[] = [];
    for (let i = 0; i < 6; i++) void limiter.take().then(() => started.push(vt.now()));
    await vt.settle();
    // Slots at 0, 25, 50, 75, 100, 125 ms: only the first is due at once.
    expect(started).toEqual([0]);
    for (let x = 1; x <= 125; x++) await vt.to(x);
    expect(started).toEqual([0, 25, 50, 75, 100, 125]);
  });

  it('starts no more than max in any window of real time', async () => {
    const limiter = createRateLimiter(5, 100);
    const at: number[] = [];
    // Measured from before the first take: the first start is due at once, but is recorded
    // only after every take was asked for (a busy machine makes that gap several ms).
    const asked = performance.now();
    await Promise.all(Array.from({ length: 15 }, () => limiter.take().then(() => at.push(performance.now()))));
    // The 15th start is due 280 ms after the first (timers fire late, never early; 2 ms of timer rounding allowed).
    expect(at[14]! - asked).toBeGreaterThanOrEqual(278);
    expect(at).toHaveLength(15);
  });

  it('after a stall, lets the overrun slots reach the platform only as far as max per window', async () => {
    const vt = virtualTime();
    const limiter = createRateLimiter(4, 100, vt.now, vt.sleep);
    const calls: Array<{ start: number; end: number }> = [];
    // Each call takes 5 ms (the platform's answer); 16 calls asked for at once: slots every 25 ms.
    for (let i = 0; i < 16; i++) {
      void limiter.run(async () => {
        const start = vt.now();
        await vt.sleep(5);
        calls.push({ start, end: vt.now() });
      });
    }
    await vt.settle();
    for (let x = 1; x <= 100; x++) await vt.to(x);
    // A stall: this process runs nothing from 100 to 170 ms, so the slots at 125 and 150 are overrun.
    await vt.to(170);
    for (let x = 171; x <= 500; x++) await vt.to(x);
    expect(calls).toHaveLength(16);
    // Whatever instant the platform stamps a call between its start and end, no window
    // (x, x + 100] of stamps can hold more than 4.
    for (let x = -100; x <= 500; x += 0.5) {
      const possible = calls.filter((c) => c.start <= x + 100 && c.end > x);
      expect(possible.length, `calls that could land in (${x}, ${x + 100}]`).toBeLessThanOrEqual(4);
    }
    // The overrun slots went at once when the stall ended; the rest as soon as the window allowed,
    // and the schedule is on time again before the 16th slot (375 ms).
    // When the stall ends, the overrun slots go as far as the window allows (three at 170: the
    // call started at 75 still counts until 180); from then on a call's place frees 100 ms
    // after it ended, so four calls take 105 ms, not 100: the price of the guarantee.
    expect(calls.map((c) => c.start)).toEqual([0, 25, 50, 75, 170, 170, 170, 180, 275, 275, 275, 285, 380, 380, 380, 390]);
  });
});
