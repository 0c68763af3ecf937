/**
 * Benchmark: 10,000 trips imported from CSV (the real `trips import` code) and their
 * reminders delivered through the Slack API double (own process) by the real Slack
 * deliverer, with the double enforcing a chat.postMessage rate limit (429 +
 * Retry-After, as Slack does). Reports import rate, reminders/s against our configured
 * pace (REMINDERS_PER_SECOND) and against the platform's limit, 429s answered, duplicates
 * (must be 0), lost (must be 0), the event-loop delay of the app and of the double (a
 * stall on either side bunches calls, which a rolling-window limit counts as a burst),
 * and memory apart: this process runs the app (store,
 * scheduler, Slack door) and keeps only the expected reminder ids; the counting of what
 * Slack accepted is the double's, in its own process.
 *
 *   npx tsx test/bench/reminders-bench.ts [--trips 10000] [--limit 100] [--pace 90] [--scheduler local|bullmq]
 *
 * local:  the embedded SQLite store and the in-process scheduler; the clock is moved
 *         past the post-trip date, so all three reminders of every trip are due.
 * bullmq: STORE_URL and REDIS_URL on 127.0.0.1:6379 (database 7), one in-process worker
 *         paced at --pace per second (the queue's schedule in Redis); trips start within the briefing window, so the
 *         briefings are due at once (BullMQ delays run on Redis' real clock).
 * "Delivered" = chat.postMessage answered 200; a duplicate = the same idempotency key
 * (message metadata) accepted twice; lost = due reminders never accepted. Prints the
 * load average and the configuration first.
 */
import { spawn } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { createApp } from '../../src/app/create-app.js';
import { loadStoreBackend } from '../../src/store/create-store.js';
import { buildAdvisor } from '../../src/app/build-advisor.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { runTripsImport } from '../../src/channels/cli/trips-import-command.js';
import { QUEUE_NAME } from '../../src/reminders/bullmq-scheduler.js';

const { values } = parseArgs({
  options: { trips: { type: 'string', default: '10000' }, limit: { type: 'string', default: '100' }, pace: { type: 'string' }, scheduler: { type: 'string', default: 'local' } },
});
const TRIPS = Number(values.trips);
const LIMIT = Number(values.limit);
/** Our REMINDERS_PER_SECOND: by default 90% of the platform's limit, the margin we recommend. */
const PACE = Number(values.pace ?? Math.floor(LIMIT * 0.9));
const BULL = values.scheduler === 'bullmq';
/** Its own Redis database, so the bench's trips and queue never meet anyone else's. */
const REDIS = 'redis://127.0.0.1:6379/7';
const dir = mkdtempSync(join(tmpdir(), 'reminders-bench-'));

let peakRss = 0;
let peakHeap = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 50);

const COUNTRIES = ['KZ', 'KG;UZ', 'Kazakhstan', 'RU', 'TJ;KG', 'Armenia', 'BY', 'AZ'];
const IMPORT_NOW = BULL ? new Date() : new Date('2026-11-23T09:00:00Z');
const day = (d: Date, add: number) => new Date(d.getTime() + add * 86_400_000).toISOString().slice(0, 10);
const csv = join(dir, 'trips.csv');
const optionsFile = join(dir, 'double-options.json');
{
  // Block-scoped: the CSV and the double's directory are the benchmark's, not the app's memory.
  const users: Record<string, string> = {};
  const rows = ['email,destinations,start,end'];
  for (let i = 0; i < TRIPS; i++) {
    const email = `traveller${i}@example.com`;
    users[email] = `U${String(i).padStart(8, '0')}`;
    const start = BULL ? day(IMPORT_NOW, 1 + (i % 5)) : day(IMPORT_NOW, 8 + (i % 12));
    rows.push(`${email},${COUNTRIES[i % COUNTRIES.length]},${start},${day(new Date(start), 2 + (i % 6))}`);
  }
  writeFileSync(csv, `${rows.join('\n')}\n`);
  writeFileSync(optionsFile, JSON.stringify({ users, rateLimits: { 'chat.postMessage': LIMIT } }));
}
console.log(`reminders-bench: node ${process.version}, load average ${loadavg()[0]!.toFixed(2)} at start; ${TRIPS} trips, scheduler ${BULL ? 'bullmq' : 'local'}, platform limit ${LIMIT}/s, REMINDERS_PER_SECOND=${PACE}`);

// The Slack double in its own process; it counts what Slack accepted.
const double = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./slack-double-process.ts', import.meta.url))], {
  env: { ...process.env, DOUBLE_OPTIONS_FILE: optionsFile },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const [doubleUrl, countersUrl] = await new Promise<string[]>((resolve) => double.stdout!.once('data', (c) => resolve(String(c).trim().split(' '))));
interface Counters { accepted: number; duplicates: number; rateLimited: number; peakRss: number; firstAt: number; lastAt: number; loopDelayP99Ms: number; loopDelayMaxMs: number; keys?: string[] }
const counters = async (keys = false) => (await (await fetch(`${countersUrl}${keys ? '?keys=1' : ''}`)).json()) as Counters;

const env = {
  DATA_DIR: dir, LOG_LEVEL: 'silent', PLAYGROUND: 'off', PORT: '0', REMINDERS_PER_SECOND: String(PACE),
  SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench-secret', SLACK_API_URL: `${doubleUrl}/api/`,
  ...(BULL ? { STORE_URL: REDIS, REDIS_URL: REDIS } : {}),
};
const config = loadConfig(env);
await loadStoreBackend(config);
const advisor = buildAdvisor(config);

// Import through the real CLI code.
const t0 = performance.now();
const stderr = new PassThrough();
stderr.resume();
const imported = await runTripsImport(csv, { now: IMPORT_NOW.toISOString() }, {
  io: { stdin: new PassThrough(), stdout: new PassThrough().resume(), stderr },
  config: () => config,
  advisor: () => advisor,
});
const importSeconds = (performance.now() - t0) / 1000;

const RUN_AT = BULL ? Date.now() : Date.parse('2026-12-25T00:00:00Z');
const started = Date.now();
const clock = () => new Date(RUN_AT + (Date.now() - started));
const app = createApp({ config, logger: silentLogger, clock, advisor });
const baselineRss = process.memoryUsage().rss;
const service = app.context.reminders;
const expected = new Set((await service.listTrips()).flatMap((t) => t.reminders.filter((r) => Date.parse(r.dueAt) <= clock().getTime()).map((r) => `${r.id}-0`)));
// How late the app ran its callbacks while delivering: a stall lets a platform counting a rolling window see a burst.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const t1 = performance.now();
let delivered = 0;
if (BULL) {
  // The worker only: no HTTP server needed.
  await service.start();
  while ((delivered = (await counters()).accepted) < expected.size) await new Promise((r) => setTimeout(r, 100));
} else {
  for (;;) {
    const r = await service.runDue!(clock());
    if ((delivered = (await counters()).accepted) >= expected.size) break;
    if (r.sent === 0) await new Promise((res) => setTimeout(res, 50));
  }
}
const deliverSeconds = (performance.now() - t1) / 1000;
await new Promise((r) => setTimeout(r, 500));
const final = await counters(true);
const accepted = new Set(final.keys);
const lost = [...expected].filter((k) => !accepted.has(k)).length;
const statuses = (await service.listTrips()).flatMap((t) => t.reminders.map((r) => r.status));
clearInterval(sampler);
const rate = delivered / deliverSeconds;
/** From the first message Slack accepted to the last: the pace held, without the scheduler's start (store scan, first answers). */
const steady = (final.accepted - 1) / ((final.lastAt - final.firstAt) / 1000);

const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
console.log(
  [
    `scheduler: ${BULL ? 'BullMQ (Redis store, 1 worker)' : 'in-process (SQLite store)'}; node ${process.version}`,
    `import:    ${imported.created} trips in ${importSeconds.toFixed(1)} s (${Math.round(imported.created / importSeconds)} trips/s)`,
    `deliver:   ${delivered} of ${expected.size} due reminders in ${deliverSeconds.toFixed(1)} s = ${rate.toFixed(1)} reminders/s: ${(rate / PACE).toFixed(3)}× our pace REMINDERS_PER_SECOND=${PACE}, ${(rate / LIMIT).toFixed(3)}× the platform limit ${LIMIT}/s`,
    `steady:    ${steady.toFixed(1)} reminders/s from the first accepted to the last: ${(steady / PACE).toFixed(3)}× our pace, ${(steady / LIMIT).toFixed(3)}× the platform limit`,
    `429s:      ${final.rateLimited} answered by the double (each honoured: that platform waits its Retry-After: 1)`,
    `stalls:    event-loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms, max ${(loopDelay.max / 1e6).toFixed(0)} ms in the app; p99 ${final.loopDelayP99Ms.toFixed(0)} ms, max ${final.loopDelayMaxMs.toFixed(0)} ms in the double`,
    `duplicates: ${final.duplicates}   lost: ${lost}   statuses: ${JSON.stringify(Object.fromEntries([...new Set(statuses)].map((s) => [s, statuses.filter((x) => x === s).length])))}`,
    `memory, the app (this process: store, scheduler, Slack door, content; plus the expected ids): peak rss ${mb(peakRss)}, heap ${mb(peakHeap)} (rss before delivery: ${mb(baselineRss)})`,
    `memory, the bookkeeping (the double's process, counting every accepted message): peak rss ${mb(final.peakRss)}`,
    `load average ${loadavg()[0]!.toFixed(2)} at the end`,
  ].join('\n'),
);

if (BULL) for (const ns of ['reminders-trips', 'reminders-state', 'reminders-keys']) await app.context.store(ns).clear();
await app.stop();
if (BULL) {
  const q = new Queue(QUEUE_NAME, { connection: { url: REDIS }, prefix: 'travel-advisor' });
  await q.obliterate({ force: true }).catch(() => undefined);
  await q.close();
}
double.kill('SIGTERM');
rmSync(dir, { recursive: true, force: true });
process.exit(final.duplicates || lost ? 1 : 0);
