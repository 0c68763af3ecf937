/**
 * CPU cost of the Slack event_id claim on the embedded SQLite store: N unique claims,
 * `--concurrency` in flight (as under load), reporting claims/s and CPU µs per claim
 * (user+system of this process, so less sensitive to other jobs than wall time).
 *
 *   npx tsx test/bench/claim-once-bench.ts [--claims 20000] [--concurrency 32] [--module ../../src/store/claim-once.ts]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createStore } from '../../src/store/create-store.js';

const { values } = parseArgs({
  options: {
    claims: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '32' },
    module: { type: 'string' },
  },
});
const CLAIMS = Number(values.claims);
const CONCURRENCY = Number(values.concurrency);
const { claimOnce } = (await import(values.module ? pathToFileURL(resolve(values.module)).href : '../../src/store/claim-once.js')) as typeof import('../../src/store/claim-once.js');

const dir = mkdtempSync(join(tmpdir(), 'claim-bench-'));
const store = createStore({ DATA_DIR: dir }, 'slack-dedupe');

async function run(prefix: string, claims: number): Promise<{ perSecond: number; cpuMicros: number }> {
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < claims) {
        next += 1;
        if (!(await claimOnce(store, `${prefix}${next}`, 3_600_000))) throw new Error('a fresh claim lost');
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { perSecond: claims / seconds, cpuMicros: (used.user + used.system) / claims };
}

await run('warm', 2000);
const result = await run('Ev', CLAIMS);
console.log(`${CLAIMS} claims, ${CONCURRENCY} in flight: ${result.perSecond.toFixed(0)} claims/s, ${result.cpuMicros.toFixed(1)} µs CPU per claim`);
await store.disconnect();
rmSync(dir, { recursive: true, force: true });
