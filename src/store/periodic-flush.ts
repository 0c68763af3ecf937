/**
 * The write schedule of a per-process record (question counts, model accounting): counts
 * grow in memory, and `flush` writes them every `intervalMs` and once more when the process
 * stops, so a crash loses at most one interval. The timer is unref'd: a pending write never
 * holds the process open. `flush` must not reject (it logs a store failure and retries at
 * the next write), since nothing awaits the timer's call.
 */

export interface PeriodicFlush {
  /** Starts the timer; a second call keeps the one already running. */
  start(): void;
  /** Stops the timer and writes the last counts. */
  stop(): Promise<void>;
}

/** Calls `flush` every `intervalMs` (default one minute) between start() and stop(), and once at stop(). */
export function periodicFlush(flush: () => Promise<void>, intervalMs = 60_000): PeriodicFlush {
  let timer: NodeJS.Timeout | null = null;
  return {
    start() {
      timer ??= setInterval(() => void flush(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await flush();
    },
  };
}
