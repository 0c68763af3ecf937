/**
 * Where answers are prepared after Slack has been acknowledged. Preparing an answer
 * is CPU work (understanding, retrieval, rendering); run inline it would hold up the
 * acknowledgements of requests arriving meanwhile, and Slack retries anything not
 * acknowledged within 3 s. The queue starts each job on a later turn of the event
 * loop (setImmediate), runs a few at a time, and admits at most `maxPending` incoming
 * messages at once so memory stays bounded under a flood; a message refused gets a
 * short "busy" reply from its listener.
 *
 * The cap counts messages, not jobs: one mention runs two listeners (the answer and
 * "remind me"), each with its own job, and both share the message's one admission
 * (see admitMessages in middleware.ts). Counting jobs told people "busy" at half the
 * stated cap.
 */
import type { Logger } from 'pino';

/** One incoming message's place in the queue, shared by all of its listeners. */
export interface Admission {
  /** Queues a job for this message; never refused (the message was admitted). */
  run(job: () => Promise<void>): void;
  /** No more jobs will come for this message; its place frees once its jobs are done. */
  release(): void;
}

export interface WorkQueue {
  /** Admits one incoming message; null when `maxPending` messages are already in. */
  admit(): Admission | null;
  /** One job as its own message: admit, run, release. False when the queue is full. */
  run(job: () => Promise<void>): boolean;
  /** Jobs queued or running. */
  readonly size: number;
  /** Messages admitted and not yet fully answered. */
  readonly messages: number;
  /** Resolves when every queued job has finished (for shutdown and tests). */
  idle(): Promise<void>;
}

export interface WorkQueueOptions {
  /** Jobs running at once (they overlap on Web API I/O); default 4. */
  concurrency?: number;
  /** Messages waiting or being answered beyond which admit() refuses; default 1000. */
  maxPending?: number;
  logger: Logger;
}

export const DEFAULT_MAX_PENDING = 1000;

export function createWorkQueue(options: WorkQueueOptions): WorkQueue {
  const concurrency = options.concurrency ?? 4;
  const maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
  const pending: Array<() => Promise<void>> = [];
  let running = 0;
  let admitted = 0;
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

  function admit(): Admission | null {
    if (admitted >= maxPending) return null;
    admitted += 1;
    // The place is held until the door has released the message and every job it queued has finished.
    let released = false;
    let unfinished = 0;
    let done = false;
    const settle = () => {
      if (done || !released || unfinished) return;
      done = true;
      admitted -= 1;
    };
    return {
      run(job) {
        unfinished += 1;
        pending.push(async () => {
          try {
            await job();
          } finally {
            unfinished -= 1;
            settle();
          }
        });
        pump();
      },
      release() {
        released = true;
        settle();
      },
    };
  }

  return {
    admit,
    run(job) {
      const admission = admit();
      if (!admission) return false;
      admission.run(job);
      admission.release();
      return true;
    },
    get size() {
      return pending.length + running;
    },
    get messages() {
      return admitted;
    },
    idle() {
      if (!running && !pending.length) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
