/**
 * The one rate limiter. Paces reminder deliveries below the platform's limit
 * (REMINDERS_PER_SECOND) instead of discovering it through 429s, and (one per tenant) the
 * Teams door's proactive sends under Microsoft's per-tenant limit (create-tenant-throttle.ts).
 * Starts are spaced `durationMs / max` apart (a virtual schedule, GCRA without a burst), so
 * no window of `durationMs` ever holds more than `max` of them. Each caller reserves the
 * next slot of the schedule at once and waits for it; a timer that fires late does not
 * push the slots after it back, so the pace holds at the configured rate (a window-log
 * limiter that released `max` at once and then slept until the window moved lost its
 * timer lag every window: 0.87× of the rate in the reminders benchmark, and its bursts
 * drew 429s from a platform counting in a rolling window). Uses real time by default on
 * purpose: it limits throughput, it does not schedule (schedules read the injected clock),
 * so tests with a frozen clock are never blocked by it; `now` and `sleep` are injectable
 * so tests can step time themselves.
 */
export interface RateLimiter {
  /** Resolves when one more start fits the pace. */
  take(): Promise<void>;
}

export const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRateLimiter(
  max: number,
  durationMs: number,
  now: () => number = () => performance.now(),
  sleep: (ms: number) => Promise<void> = defaultSleep,
): RateLimiter {
  const interval = durationMs / max;
  // The slot the last caller was given; the next is `interval` after it, or now if that has passed.
  let last = -Infinity;
  return {
    take() {
      const t = now();
      const slot = Math.max(t, last + interval);
      last = slot;
      const wait = slot - t;
      return wait <= 0 ? Promise.resolve() : sleep(wait);
    },
  };
}
