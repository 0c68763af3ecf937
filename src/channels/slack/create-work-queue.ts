/**
 * Where answers are prepared after Slack has been acknowledged. Preparing an answer
 * is CPU work (understanding, retrieval, rendering); run inline it would hold up the
 * acknowledgements of requests arriving meanwhile, and Slack retries anything not
 * acknowledged within 3 s. The queue starts each job on a later turn of the event
 * loop (setImmediate) and runs a few at a time.
 *
 * Admission reflects capacity, not a fixed count. A message is refused ("busy") when
 *  - the CPU the messages already in the queue need (their number × the CPU a recent
 *    message cost, acknowledgement included) would take longer than `maxWaitMs`
 *    (SLACK_QUEUE_MAX_WAIT_MS, default 20 s): answering is CPU work on one thread, so
 *    this is the time to drain the queue on this machine; or
 *  - the oldest job still waiting to start has already waited `maxWaitMs`: answers that
 *    wait on I/O (a model writing the summary) cost little CPU but hold their slot, and
 *    this catches them within one bound; or
 *  - `maxPending` messages (SLACK_QUEUE_MAX_MESSAGES, default 10,000) are held: memory.
 * A burst the machine can answer within the bound is answered in full.
 *
 * Why not queued × wall time per message ÷ concurrency: during a burst a job's wall time
 * is mostly waiting for event-loop turns full of acknowledgements, so it measured 0.9 s
 * for an answer costing 4 ms of CPU, and a 2,000-mention burst got 1,590 busy replies
 * from a machine that answered them all within 20 s once admitted.
 *
 * The limit counts messages, not jobs: all jobs a message queues share its one admission
 * (see admitMessages in middleware.ts), and its cost is the time of all of them, so the
 * rule holds whether a message runs one listener or several.
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
  /** Admits one incoming message; null when the queue is at capacity (see the file comment). */
  admit(): Admission | null;
  /** One job as its own message: admit, run, release. False when the queue is at capacity. */
  run(job: () => Promise<void>): boolean;
  /** Jobs queued or running. */
  readonly size: number;
  /** Messages admitted and not yet fully answered. */
  readonly messages: number;
  /** Estimated milliseconds of CPU the messages in the queue still need. */
  readonly estimatedWaitMs: number;
  /** Resolves when every queued job has finished (for shutdown and tests). */
  idle(): Promise<void>;
}

export interface WorkQueueOptions {
  /** Jobs running at once (they overlap on Web API I/O); default 4. */
  concurrency?: number;
  /** Hard cap on messages waiting or being answered (memory bound); default 10,000. */
  maxPending?: number;
  /** Longest wait a newly admitted message may face; default 20 s. */
  maxWaitMs?: number;
  /** Milliseconds, monotonic; default performance.now (tests drive their own). */
  now?: () => number;
  /** CPU milliseconds this process has used; default process.cpuUsage (tests drive their own). */
  cpuMs?: () => number;
  logger: Logger;
}

export const DEFAULT_MAX_PENDING = 10_000;
export const DEFAULT_MAX_WAIT_MS = 20_000;
/**
 * CPU a message is assumed to cost before one has been measured (start-up, or a queue
 * held back in tests): about twice an answered mention with its acknowledgement on the
 * development machine (4 ms), so a first burst is not refused for lack of a measurement.
 */
export const INITIAL_MESSAGE_CPU_MS = 8;
/** Messages per measurement: CPU is read per window, not per job (it is the process's). */
const WINDOW = 16;
/** Recent windows whose median is the cost per message: rides out a GC pause or one slow answer. */
const SAMPLES = 15;

/** CPU milliseconds this process has used (user + system). */
export const processCpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export function createWorkQueue(options: WorkQueueOptions): WorkQueue {
  const concurrency = options.concurrency ?? 4;
  const maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const now = options.now ?? (() => performance.now());
  const cpuMs = options.cpuMs ?? processCpuMs;
  const pending: Array<{ job: () => Promise<void>; queuedAt: number }> = [];
  let running = 0;
  let admitted = 0;
  let idleWaiters: Array<() => void> = [];
  let scheduled = false;

  // CPU per message, measured over windows of WINDOW finished messages while the queue is busy
  // (an idle queue restarts the window, so CPU spent on other work then is not counted). A
  // window's CPU is divided by the messages that came in or went out, whichever is more:
  // while a burst is being acknowledged few answers finish, and CPU ÷ answers would bill
  // every acknowledgement to them (112 ms a message measured that way, against 4 ms steady).
  const samples: number[] = [];
  let nextSample = 0;
  let cost = INITIAL_MESSAGE_CPU_MS;
  let windowCpu = cpuMs();
  let windowIn = 0;
  let windowOut = 0;
  function restartWindow(): void {
    windowCpu = cpuMs();
    windowIn = 0;
    windowOut = 0;
  }
  /** Closes a window once WINDOW messages have finished in it (a burst still being acknowledged keeps the last cost). */
  function count(): void {
    if (windowOut < WINDOW) return;
    const used = cpuMs();
    samples[nextSample] = (used - windowCpu) / Math.max(windowIn, windowOut);
    nextSample = (nextSample + 1) % SAMPLES;
    cost = [...samples].sort((a, b) => a - b)[samples.length >> 1]!;
    restartWindow();
  }
  const estimatedWaitMs = () => admitted * cost;
  const oldestWaitMs = () => (pending.length ? now() - pending[0]!.queuedAt : 0);

  function finish(): void {
    running -= 1;
    if (!running && !pending.length) {
      restartWindow();
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
      const next = pending.shift();
      if (!next) return;
      running += 1;
      next.job()
        .catch((error: unknown) => options.logger.error({ err: { message: error instanceof Error ? error.message : String(error) } }, 'Slack job failed'))
        .finally(finish);
      pump();
    });
  }

  function admit(): Admission | null {
    if (admitted >= maxPending || estimatedWaitMs() >= maxWaitMs || oldestWaitMs() >= maxWaitMs) return null;
    // The first message into an empty queue starts a measurement window: CPU used while the queue was idle is not its cost.
    if (!admitted && !running && !pending.length) restartWindow();
    admitted += 1;
    windowIn += 1;
    // The place is held until the door has released the message and every job it queued has finished.
    let released = false;
    let unfinished = 0;
    let done = false;
    const settle = () => {
      if (done || !released || unfinished) return;
      done = true;
      admitted -= 1;
      windowOut += 1;
      count();
    };
    return {
      run(job) {
        unfinished += 1;
        pending.push({
          queuedAt: now(),
          job: async () => {
            try {
              await job();
            } finally {
              unfinished -= 1;
              settle();
            }
          },
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
    get estimatedWaitMs() {
      return estimatedWaitMs();
    },
    idle() {
      if (!running && !pending.length) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
