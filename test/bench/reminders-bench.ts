/**
 * Benchmark: 10,000 trips imported from CSV (the real `trips import` code) and their
 * reminders delivered through the Slack API double (own process) by the real Slack
 * deliverer, with the double enforcing a chat.postMessage rate limit (429 +
 * Retry-After, as Slack does). Reports import rate, reminders/s against the limit,
 * 429s seen, duplicates (must be 0), lost (must be 0) and peak memory of this process.
 *
 *   npx tsx test/bench/reminders-bench.ts [--trips 10000] [--limit 100] [--pace 90] [--scheduler local|bullmq]
 *
 * local:  the embedded SQLite store and the in-process scheduler; the clock is moved
 *         past the post-trip date, so all three reminders of every trip are due.
 * bullmq: STORE_URL and REDIS_URL on 127.0.0.1:6379, one in-process worker limited to
 *         --limit per second; trips start within the briefing window, so the
 *         briefings are due at once (BullMQ delays run on Redis' real clock).
 * "Delivered" = chat.postMessage answered ok; a duplicate = the same idempotency key
 * (message metadata) accepted twice; lost = due reminders never accepted.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { createApp } from '../../src/app/create-app.js';
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
const users: Record<string, string> = {};
const rows = ['email,destinations,start,end'];
for (let i = 0; i < TRIPS; i++) {
  const email = `traveller${i}@example.com`;
  users[email] = `U${String(i).padStart(8, '0')}`;
  const start = BULL ? day(IMPORT_NOW, 1 + (i % 5)) : day(IMPORT_NOW, 8 + (i % 12));
  rows.push(`${email},${COUNTRIES[i % COUNTRIES.length]},${start},${day(new Date(start), 2 + (i % 6))}`);
}
const csv = join(dir, 'trips.csv');
writeFileSync(csv, `${rows.join('\n')}\n`);

// The Slack double in its own process.
const optionsFile = join(dir, 'double-options.json');
writeFileSync(optionsFile, JSON.stringify({ users, rateLimits: { 'chat.postMessage': LIMIT } }));
const double = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./slack-double-process.ts', import.meta.url))], {
  env: { ...process.env, DOUBLE_OPTIONS_FILE: optionsFile },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const doubleUrl = await new Promise<string>((resolve) => double.stdout!.once('data', (c) => resolve(String(c).trim())));

const env = {
  DATA_DIR: dir, LOG_LEVEL: 'silent', PLAYGROUND: 'off', PORT: '0', REMINDERS_PER_SECOND: String(PACE),
  SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench-secret', SLACK_API_URL: `${doubleUrl}/api/`,
  ...(BULL ? { STORE_URL: REDIS, REDIS_URL: REDIS } : {}),
};
const config = loadConfig(env);
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

// Watch what Slack accepted.
const accepted = new Map<string, number>();
let rateLimited = 0;
const watchingFetch: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  if (String(input).endsWith('/chat.postMessage')) {
    if (res.status === 429) rateLimited++;
    else if (res.ok) {
      const body = init?.body;
      const params = typeof body === 'string' ? new URLSearchParams(body) : body instanceof URLSearchParams ? body : null;
      const meta = params?.get('metadata') ?? (typeof body === 'string' && body.startsWith('{') ? JSON.stringify(JSON.parse(body).metadata) : null);
      const key = meta ? (JSON.parse(meta) as { event_payload: { key: string } }).event_payload.key : 'unknown';
      accepted.set(key, (accepted.get(key) ?? 0) + 1);
    }
  }
  return res;
};

const RUN_AT = BULL ? Date.now() : Date.parse('2026-12-25T00:00:00Z');
const started = Date.now();
const clock = () => new Date(RUN_AT + (Date.now() - started));
const app = createApp({ config, logger: silentLogger, clock, advisor, fetch: watchingFetch });
const baselineRss = process.memoryUsage().rss;
const service = app.context.reminders;
const expected = (await service.listTrips()).flatMap((t) => t.reminders.filter((r) => Date.parse(r.dueAt) <= clock().getTime()));
const t1 = performance.now();
if (BULL) {
  // The worker only: no HTTP server needed.
  await service.start();
  while (accepted.size < expected.length) await new Promise((r) => setTimeout(r, 100));
} else {
  for (;;) {
    const r = await service.runDue!(clock());
    if (accepted.size >= expected.length) break;
    if (r.sent === 0) await new Promise((res) => setTimeout(res, 50));
  }
}
const deliverSeconds = (performance.now() - t1) / 1000;
await new Promise((r) => setTimeout(r, 500));
const duplicates = [...accepted.values()].filter((n) => n > 1).reduce((a, n) => a + n - 1, 0);
const lost = expected.filter((r) => !accepted.has(`${r.id}-0`)).length;
const statuses = (await service.listTrips()).flatMap((t) => t.reminders.map((r) => r.status));
clearInterval(sampler);

const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
console.log(
  [
    `scheduler: ${BULL ? 'BullMQ (Redis store, 1 worker)' : 'in-process (SQLite store)'}; node ${process.version}`,
    `import:    ${imported.created} trips in ${importSeconds.toFixed(1)} s (${Math.round(imported.created / importSeconds)} trips/s)`,
    `deliver:   ${accepted.size} of ${expected.length} due reminders in ${deliverSeconds.toFixed(1)} s = ${(accepted.size / deliverSeconds).toFixed(0)} reminders/s (limit ${LIMIT}/s, ${(accepted.size / deliverSeconds / LIMIT * 100).toFixed(0)}% of it)`,
    `429s:      ${rateLimited} answered (each waited out, Retry-After: 1); our pace REMINDERS_PER_SECOND=${PACE}`,
    `duplicates: ${duplicates}   lost: ${lost}   statuses: ${JSON.stringify(Object.fromEntries([...new Set(statuses)].map((s) => [s, statuses.filter((x) => x === s).length])))}`,
    `peak memory (this process): rss ${mb(peakRss)}, heap ${mb(peakHeap)} (rss with the app and content loaded, before delivery: ${mb(baselineRss)})`,
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
process.exit(duplicates || lost ? 1 : 0);
