/**
 * `npm run bench`: how long understanding one message takes once the advisor has
 * started (each iteration reads the next message of the eval set), and the cost of
 * building the gazetteer and training the classifier from already-loaded data.
 * Cold start-up (decoding the city package, reading the word list) is measured by
 * test/bench/understand-startup.ts, since module caching hides it here.
 */
import { bench, describe } from 'vitest';
import { resolve } from 'node:path';
import { loadIntents } from '../../src/understand/load-intents.js';
import { createUnderstander } from '../../src/understand/create-understander.js';
import { buildGazetteer } from '../../src/understand/gazetteer/build-gazetteer.js';
import { loadCities } from '../../src/understand/gazetteer/load-cities.js';
import { loadEnglishWords } from '../../src/understand/gazetteer/english-words.js';
import { loadAirports } from '../../src/understand/gazetteer/load-airports.js';
import { readEvalSet } from '../../src/understand/run-eval.js';

const intents = loadIntents(resolve(import.meta.dirname, '../../intents'));
const cities = loadCities();
const englishWords = loadEnglishWords();
const airports = loadAirports();
const understander = createUnderstander({ intents, cities, englishWords, airports });
const set = readEvalSet(resolve(import.meta.dirname, '../nlu/eval-set.yaml'));
const untuned = readEvalSet(resolve(import.meta.dirname, '../nlu/eval-untuned.yaml'));
const ctx = { now: new Date(set.now), timeZone: 'UTC' };
let i = 0;
let j = 0;

describe('understand', () => {
  bench('understand one message (eval set, round robin)', () => {
    understander.understand(set.cases[i++ % set.cases.length]!.text, ctx);
  }, { time: 3000, warmupTime: 1000, warmupIterations: 1000 });
  bench('understand one message (untuned batch: dates by locale, itineraries, territories)', () => {
    const c = untuned.cases[j++ % untuned.cases.length]!;
    understander.understand(c.text, { ...ctx, ...(c.locale ? { locale: c.locale } : {}) });
  }, { time: 3000, warmupTime: 1000, warmupIterations: 1000 });
});

describe('start-up (data already decoded)', () => {
  bench('build gazetteer', () => void buildGazetteer(intents.places, { cities, englishWords, airports }), { iterations: 5, time: 0 });
  bench('build gazetteer + train classifier', () => void createUnderstander({ intents, cities, englishWords, airports }), { iterations: 5, time: 0 });
});
