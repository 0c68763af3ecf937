/**
 * Where answers are prepared after Slack has been acknowledged. Preparing an answer
 * is CPU work (understanding, retrieval, rendering); run inline it would hold up the
 * acknowledgements of requests arriving meanwhile, and Slack retries anything not
 * acknowledged within 3 s. The queue starts each job on a later turn of the event
 * loop (setImmediate), runs a few at a time, and refuses work beyond `maxPending` so
 * memory stays bounded under a flood; the caller then sends a short "busy" reply.
 */
import type { Logger } from 'pino';

export interface WorkQueue {
  /** Queues a job; false when the queue is full (the job will not run). */
  run(job: () => Promise<void>): boolean;
  /** Jobs queued or running. */
  readonly size: number;
  /** Resolves when every queued job has finished (for shutdown and tests). */
  idle(): Promise<void>;
}

export interface WorkQueueOptions {
  /** Jobs running at once (they overlap on Web API I/O); default 4. */
  concurrency?: number;
  /** Jobs waiting beyond which run() refuses; default 1000. */
  maxPending?: number;
  logger: Logger;
}

export function createWorkQueue(options: WorkQueueOptions): WorkQueue {
  const concurrency = options.concurrency ?? 4;
  const maxPending = options.maxPending ?? 1000;
  const pending: Array<() => Promise<void>> = [];
  let running = 0;
  let idleWaiters: Array<() => void> = [];

  let scheduled = false;

  function finish(): void {
    running -= 1;
    if (!running && !pending.length) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
    pump();
  }

  /** Starts one job per event-loop turn, so requests that arrived meanwhile are read (and acked) in between. */
  function pump(): void {
    if (scheduled || running >= concurrency || !pending.length) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      const job = pending.shift();
      if (!job) return;
      running += 1;
      job()
        .catch((error: unknown) => options.logger.error({ err: { message: error instanceof Error ? error.message : String(error) } }, 'Slack job failed'))
        .finally(finish);
      pump();
    });
  }

  return {
    run(job) {
      if (pending.length >= maxPending) return false;
      pending.push(job);
      pump();
      return true;
    },
    get size() {
      return pending.length + running;
    },
    idle() {
      if (!running && !pending.length) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
