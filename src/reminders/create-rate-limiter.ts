/**
 * The one rate limiter: at most `max` starts in any sliding `durationMs` window, callers
 * served in order. Paces reminder deliveries below REMINDERS_PER_SECOND instead of
 * discovering the limit through 429s, and (one per tenant) the Teams door's proactive
 * sends under Microsoft's per-tenant limit (create-tenant-throttle.ts). Uses real time by
 * default on purpose: it limits throughput, it does not schedule (schedules read the
 * injected clock), so tests with a frozen clock are never blocked by it; `now` and
 * `sleep` are injectable so tests can step time themselves.
 */
export interface RateLimiter {
  /** Resolves when one more start fits in the window. */
  take(): Promise<void>;
}

export const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRateLimiter(
  max: number,
  durationMs: number,
  now: () => number = () => performance.now(),
  sleep: (ms: number) => Promise<void> = defaultSleep,
): RateLimiter {
  const starts: number[] = [];
  let chain = Promise.resolve();
  async function start(): Promise<void> {
    for (;;) {
      const t = now();
      while (starts.length && t - starts[0]! >= durationMs) starts.shift();
      if (starts.length < max) {
        starts.push(t);
        return;
      }
      await sleep(starts[0]! + durationMs - t);
    }
  }
  return {
    take() {
      // One queue, so concurrent callers cannot both take the last slot; a failed wait does not block the next.
      const next = chain.then(start);
      chain = next.catch(() => undefined);
      return next;
    },
  };
}
