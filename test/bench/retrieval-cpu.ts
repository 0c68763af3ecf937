/**
 * CPU per retrieval (the focusing retriever over the passage index, as the advisor calls
 * it) on the retrieval evaluation set, content/ against another base, passes alternating
 * in one process: the part of an answer that grows with the number of country files.
 * Questions that name a country search its shard and the topics'; those that name none
 * search the whole index (docs/retrieval.md). Run:
 *   npx tsx test/bench/retrieval-cpu.ts <dir>   (e.g. the 250-country base of synthetic-content.ts)
 * No assertions (timings are never asserted in tests).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { loadContent } from '../../src/content/load-content.js';
import { createPassageIndex } from '../../src/retrieval/passage-index.js';
import { createQuestionRetriever, type QuestionRetriever } from '../../src/retrieval/create-question-retriever.js';
import { evalSetSchema } from '../../src/retrieval/eval-retrieval.js';
import { gazetteerPlaceFinder } from '../../src/retrieval/place-finder.js';
import { domainWords } from '../../src/retrieval/domain-words.js';
import { loadUnderstander } from '../../src/understand/create-understander.js';

const other = process.argv[2];
if (!other) throw new Error('usage: npx tsx test/bench/retrieval-cpu.ts <content-dir>');
const ROOT = resolve(import.meta.dirname, '../..');
const set = evalSetSchema.parse(parse(readFileSync(resolve(ROOT, 'test/retrieval/eval-set.yaml'), 'utf8')));
const { gazetteer } = loadUnderstander(resolve(ROOT, 'intents'));
const findPlaces = gazetteerPlaceFinder(gazetteer);
const retrieverFor = (dir: string): QuestionRetriever => {
  const content = loadContent(dir);
  return createQuestionRetriever({ content, retriever: createPassageIndex(content, { isDomainWord: domainWords(gazetteer.englishWords) }), findPlaces });
};
const bases = [retrieverFor(resolve(ROOT, 'content')), retrieverFor(resolve(other))];
const groups = { 'name a country': set.questions.filter((q) => q.countries.length), 'name none': set.questions.filter((q) => !q.countries.length) };

/** Mean CPU µs per retrieval over five rounds of `questions`. */
function pass(r: QuestionRetriever, questions: typeof set.questions): number {
  const before = process.cpuUsage();
  for (let i = 0; i < 5; i++)
    for (const q of questions) r.retrieve(q.q, { intent: q.countries.length ? 'country' : 'topic', countryCodes: q.countries });
  const used = process.cpuUsage(before);
  return (used.user + used.system) / (5 * questions.length);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [name, questions] of Object.entries(groups)) {
  bases.forEach((b) => pass(b, questions));
  const runs: number[][] = [[], []];
  for (let i = 0; i < 9; i++) bases.forEach((b, k) => runs[k]!.push(pass(b, questions)));
  const [a, b] = runs.map(median) as [number, number];
  console.log(`questions that ${name} (${questions.length}): ${(a / 1000).toFixed(3)} ms → ${(b / 1000).toFixed(3)} ms CPU per retrieval = ${(b / a).toFixed(2)}× (median of 9 passes)`);
}
console.log(`load average: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
