/** Proves the delivery pacer lets `max` starts through per window and holds the next until the window moves. */
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './create-rate-limiter.js';

describe('createRateLimiter', () => {
  it('starts at most max per window, then waits for the oldest start to leave it', async () => {
    let t = 0;
    const limiter = createRateLimiter(3, 1000, () => t);
    const started: number[] = [];
    const all = Array.from({ length: 5 }, (_, i) => limiter.take().then(() => started.push(i)));
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    t = 999;
    await new Promise((r) => setTimeout(r, 5));
    expect(started).toEqual([0, 1, 2]);
    t = 1000;
    await Promise.all(all);
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });
});
