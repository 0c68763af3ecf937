/**
 * Group commit for the embedded SQLite store: while one statement runs, the items that
 * arrive wait and then go together in one multi-row statement. Under load this replaces
 * several statement round trips through the sqlite3 bindings (each a prepare, a step and a
 * finalize on the thread pool: about 100 µs of process CPU for a one-row write measured
 * alone) with one; when idle, an item goes at once. Used by claims (claim-once.ts) and by every keyv
 * `set` on SQLite (backends/open-sqlite-store.ts).
 */

/** Most items one statement carries (a few bound values each, far below SQLite's 32,766). */
const MAX_BATCH = 256;

export interface GroupCommit<I, O> {
  /** Queues `item`; settles with its own result of `write`, or rejects with its batch's error. */
  submit(item: I): Promise<O>;
  /**
   * Resolves once every item submitted so far has settled (written or failed); never rejects.
   * Batches go in arrival order, so that is when the last one submitted has settled.
   */
  settled(): Promise<void>;
}

/**
 * A group commit over `write` (which answers a batch with one result per item, in order).
 * Batches go one at a time, in the order their items arrived.
 */
export function groupCommit<I, O>(write: (batch: I[]) => Promise<O[]>): GroupCommit<I, O> {
  interface Pending {
    item: I;
    settle: (result: O) => void;
    fail: (error: unknown) => void;
  }
  let queue: Pending[] = [];
  let running = false;
  let last: Promise<unknown> = Promise.resolve();

  async function flush(): Promise<void> {
    running = true;
    while (queue.length) {
      const batch = queue.length > MAX_BATCH ? queue.splice(0, MAX_BATCH) : queue;
      if (batch === queue) queue = [];
      try {
        const results = await write(batch.map((p) => p.item));
        batch.forEach((p, i) => p.settle(results[i]!));
      } catch (error) {
        for (const p of batch) p.fail(error);
      }
    }
    running = false;
  }

  return {
    submit(item) {
      const done = new Promise<O>((settle, fail) => {
        queue.push({ item, settle, fail });
        if (!running) void flush();
      });
      last = done.catch(() => undefined);
      return done;
    },
    settled: () => last.then(() => undefined),
  };
}

/**
 * The multi-row statement for a batch of `rows` items, built by `build` from its VALUES
 * list (`(?, ?), (?, ?), …`); the texts of the first 64 sizes are kept.
 */
export function statementsByRows(build: (values: string) => string): (rows: number) => string {
  const statements = new Map<number, string>();
  return (rows) => {
    let sql = statements.get(rows);
    if (!sql) {
      sql = build(Array.from({ length: rows }, () => '(?, ?)').join(', '));
      if (statements.size < 64) statements.set(rows, sql);
    }
    return sql;
  };
}
