/**
 * Paces deliveries below the platform's limit (REMINDERS_PER_SECOND) instead of
 * discovering it through 429s: at most `max` starts in any `durationMs` window. Uses
 * real time on purpose: it limits throughput, it does not schedule (schedules read
 * the injected clock), so tests with a frozen clock are never blocked by it.
 */
export interface RateLimiter {
  /** Resolves when one more delivery may start. */
  take(): Promise<void>;
}

export function createRateLimiter(max: number, durationMs: number, now: () => number = () => performance.now()): RateLimiter {
  const starts: number[] = [];
  let chain = Promise.resolve();
  return {
    take() {
      const next = chain.then(async () => {
        for (;;) {
          const t = now();
          while (starts.length && t - starts[0]! >= durationMs) starts.shift();
          if (starts.length < max) {
            starts.push(t);
            return;
          }
          await new Promise((r) => setTimeout(r, durationMs - (t - starts[0]!) + 1));
        }
      });
      chain = next;
      return next;
    },
  };
}
