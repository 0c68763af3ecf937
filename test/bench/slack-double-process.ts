/**
 * The Slack API double in its own process for benchmarks, so its CPU and memory, and the
 * benchmark's bookkeeping, are not counted as the app's. Options come as JSON in
 * DOUBLE_OPTIONS (or the file DOUBLE_OPTIONS_FILE). Prints one line: the double's base URL
 * and a counters URL. The counters are kept here: chat.postMessage calls answered 200 per
 * idempotency key (reminder metadata), 429s answered, and this process's peak RSS; GET the
 * counters URL for the totals (and when the first and last message were accepted, and this process's event-loop delay), with `?keys=1` also for the keys accepted.
 * Recorded calls are dropped every second to keep the double's memory flat.
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startSlackApiDouble, type SlackApiDoubleOptions } from '../doubles/slack-api-double.js';
import { serveJson } from './serve-json.js';

const file = process.env.DOUBLE_OPTIONS_FILE;
const options = JSON.parse(file ? readFileSync(file, 'utf8') : (process.env.DOUBLE_OPTIONS ?? '{}')) as SlackApiDoubleOptions;
const accepted = new Map<string, number>();
let rateLimited = 0;
let peakRss = 0;
// When the first and the last message were accepted (ms since the epoch): the steady rate, start-up aside.
let firstAt = 0;
let lastAt = 0;
// How late this process ran its callbacks: a stall here bunches arrivals the rolling-window limit then counts as a burst.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100).unref();
const double = await startSlackApiDouble({
  ...options,
  onResponse(call, status) {
    if (call.method !== 'chat.postMessage') return;
    if (status === 429) rateLimited++;
    if (status !== 200) return;
    const key = (call.args.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key ?? 'unknown';
    accepted.set(key, (accepted.get(key) ?? 0) + 1);
    lastAt = performance.timeOrigin + performance.now();
    firstAt ||= lastAt;
  },
});
setInterval(() => double.reset(), 1000).unref();
const countersUrl = await serveJson((url) => ({
  accepted: accepted.size,
  duplicates: [...accepted.values()].reduce((a, n) => a + n - 1, 0),
  rateLimited,
  peakRss,
  firstAt,
  lastAt,
  loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
  loopDelayMaxMs: loopDelay.max / 1e6,
  ...(url.includes('keys=1') ? { keys: [...accepted.keys()] } : {}),
}));
process.stdout.write(`${double.url} ${countersUrl}\n`);
process.on('SIGTERM', () => void double.close().then(() => process.exit(0)));
