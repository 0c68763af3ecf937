/**
 * The one rate limiter. Paces reminder deliveries below the platform's limit
 * (REMINDERS_PER_SECOND) instead of discovering it through 429s, and (one per tenant) the
 * Teams door's proactive sends under Microsoft's per-tenant limit (create-tenant-throttle.ts).
 * Starts are spaced `durationMs / max` apart (a virtual schedule, GCRA without a burst).
 * Each caller reserves the next slot of the schedule at once and waits for it; a timer that
 * fires late does not push the slots after it back, so the pace holds at the configured
 * rate (a window-log limiter that released `max` at once and then slept until the window
 * moved lost its timer lag every window: 0.87× of the rate in the reminders benchmark).
 * Uses real time by default on purpose: it limits throughput, it does not schedule
 * (schedules read the injected clock), so tests with a frozen clock are never blocked by
 * it; `now` and `sleep` are injectable so tests can step time themselves.
 */
export interface RateLimiter {
  /** Resolves when one more start fits the pace. */
  take(): Promise<void>;
  /**
   * Runs `call` in the next slot; the slot counts against the window until `call` settles
   * (see createCallLog), so a platform counting arrivals in a rolling window never sees
   * more than `max`, however this process or the platform stalled in between.
   */
  run<T>(call: () => Promise<T>): Promise<T>;
}

export const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const realNow = () => performance.now();

/**
 * The calls of the last `durationMs`: a call counts from its start until `durationMs`
 * after it settled, and a new one starts only while fewer than `max` count. Whenever the
 * platform stamps a call's arrival (after we sent it, before we had its answer), any
 * window of `durationMs` of its stamps holds at most `max`: the last call sent into it
 * started while all the others still counted. Why: the schedule lets the slots a stall
 * overran (GC, a loaded machine) fall due at once, and a stall between our start and the
 * platform's count (ours or the platform's) bunches calls further; each burst over the
 * platform's limit drew a 429 whose Retry-After cost a whole second of pace (issue 18:
 * 23–48 429s a run on a loaded machine). The price is the calls' latency: a call holds its
 * place `durationMs` plus its own duration.
 */
export function createCallLog(max: number, durationMs: number, now = realNow, sleep = defaultSleep) {
  const counted: Array<{ end: number }> = [];
  const settled: Array<() => void> = [];
  /** Waits for a place; the entry counts until `durationMs` after its `end` (set now when the call is nothing). */
  async function admit(holding: boolean): Promise<{ end: number }> {
    for (;;) {
      const t = now();
      for (let i = counted.length - 1; i >= 0; i--) if (counted[i]!.end + durationMs <= t) counted.splice(i, 1);
      if (counted.length < max) {
        const entry = { end: holding ? Infinity : t };
        counted.push(entry);
        return entry;
      }
      const soonest = Math.min(...counted.map((c) => c.end));
      // All in flight: wait for one to settle; otherwise for the soonest to leave the window.
      if (soonest === Infinity) await new Promise<void>((resolve) => settled.push(resolve));
      else await sleep(soonest + durationMs - t);
    }
  }
  return {
    /** A start with no call to wait for (it ends as it starts). */
    async start(): Promise<void> {
      await admit(false);
    },
    async run<T>(call: () => Promise<T>): Promise<T> {
      const entry = await admit(true);
      try {
        return await call();
      } finally {
        entry.end = now();
        for (const wake of settled.splice(0)) wake();
      }
    },
  };
}

export function createRateLimiter(max: number, durationMs: number, now = realNow, sleep = defaultSleep): RateLimiter {
  const interval = durationMs / max;
  const log = createCallLog(max, durationMs, now, sleep);
  // The slot the last caller was given; the next is `interval` after it, or now if that has passed.
  let last = -Infinity;
  // Waits for the caller's slot, or returns null when it is due now: the start is then
  // counted in this same turn of the event loop (a fake clock moved by others cannot get in between).
  const slot = (): Promise<void> | null => {
    const t = now();
    const next = Math.max(t, last + interval);
    last = next;
    return next > t ? sleep(next - t) : null;
  };
  return limiterOf(slot, log);
}

/**
 * A RateLimiter from a schedule (`slot` waits for the caller's slot, or returns null when
 * it is due now) and a call log; the Redis pacer shares it (create-redis-pacer.ts).
 */
export function limiterOf(slot: () => Promise<void> | null, log: ReturnType<typeof createCallLog>): RateLimiter {
  return {
    async take() {
      const wait = slot();
      if (wait) await wait;
      await log.start();
    },
    async run(call) {
      const wait = slot();
      if (wait) await wait;
      return log.run(call);
    },
  };
}
