/** Proves the delivery pacer spaces starts evenly and never lets more than `max` into a window. */
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './create-rate-limiter.js';

describe('createRateLimiter', () => {
  it('gives each caller the next slot of an even schedule: max per window, never more', async () => {
    let t = 0;
    const limiter = createRateLimiter(4, 100, () => t);
    const started: number[] = [];
    const all = Array.from({ length: 6 }, (_, i) => limiter.take().then(() => started.push(i)));
    await new Promise((r) => setImmediate(r));
    // Slots at 0, 25, 50, 75, 100, 125 ms: only the first is due at once.
    expect(started).toEqual([0]);
    await Promise.all(all);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
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
});
