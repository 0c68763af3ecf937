/**
 * The write schedule the question counter and the model accounting share: writes on the
 * interval while started, a second start() keeps one timer, stop() writes the last counts
 * and no timer write follows it. Fake timers stand in for the minutes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { periodicFlush } from './periodic-flush.js';

describe('periodicFlush', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('writes every interval once started, with one timer however often it is started', async () => {
    const flush = vi.fn(async () => undefined);
    const schedule = periodicFlush(flush, 1_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(flush).not.toHaveBeenCalled();
    schedule.start();
    schedule.start();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(flush).toHaveBeenCalledTimes(3);
    await schedule.stop();
  });

  it('writes the last counts at stop, and nothing after', async () => {
    const flush = vi.fn(async () => undefined);
    const schedule = periodicFlush(flush);
    schedule.start();
    await vi.advanceTimersByTimeAsync(59_000);
    await schedule.stop();
    expect(flush).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(flush).toHaveBeenCalledTimes(1);
  });
});
