/**
 * Where a benchmark's lost answers went: counts at each hop that the connector double cannot
 * see. `watchLogs` reads a child's pino lines (the bench runs server and workers at
 * LOG_LEVEL=warn) and counts each warning or error by its message and error name/code: the
 * product never logs message text, and neither does this. `watchQueue` counts a BullMQ queue's
 * events (added, completed, failed, delayed for a retry, stalled, retries exhausted) by job id only, from its event
 * stream, so jobs removed on completion or failure are still counted.
 */
import type { ChildProcess } from 'node:child_process';
import { QueueEvents } from 'bullmq';

/** Counts by key; `take()` returns them and starts again from zero (one round each). */
export class Tally {
  private counts = new Map<string, number>();
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  take(): Record<string, number> {
    const out = Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
    this.counts.clear();
    return out;
  }
}

/** Counts the warn/error lines `child` writes to stdout into `tally`, as `<who> <level>: <msg> (<err name/code>)`. */
export function watchLogs(child: ChildProcess, who: string, tally: Tally): void {
  let rest = '';
  child.stdout!.on('data', (d: Buffer) => {
    const lines = (rest + d.toString()).split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      try {
        const l = JSON.parse(line) as { level?: number; msg?: string; err?: { name?: string; code?: string; type?: string } };
        if ((l.level ?? 0) < 40) continue;
        const why = [l.err?.name ?? l.err?.type, l.err?.code].filter(Boolean).join('/');
        tally.add(`${who} ${l.level! >= 50 ? 'error' : 'warn'}: ${l.msg}${why ? ` (${why})` : ''}`);
      } catch {
        // not a log line
      }
    }
  });
}

/** Counts `queue`'s job events into `tally` (job ids only, never data). */
export async function watchQueue(queue: string, options: { redisUrl: string; prefix: string }, tally: Tally): Promise<() => Promise<void>> {
  const events = new QueueEvents(queue, { connection: { url: options.redisUrl }, prefix: options.prefix });
  for (const name of ['added', 'completed', 'failed', 'delayed', 'stalled', 'retries-exhausted'] as const) events.on(name, () => tally.add(`jobs ${name}`));
  await events.waitUntilReady();
  return () => events.close();
}
