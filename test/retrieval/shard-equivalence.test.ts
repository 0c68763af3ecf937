/**
 * Proves that splitting the passage index by country (passage-shards.ts, shard-search.ts)
 * changes no ranking: on content/, every question of both evaluation sets (retrieval and
 * understanding), asked about one country, two countries, with and without topics, and
 * about topics only, ranks every matching passage in the same order as the whole
 * MiniSearch index filtered afterwards, whether the index was built now or loaded from the
 * build's stored form. Any drift from MiniSearch's scoring (a BM25 statistic, a prefix or
 * typo weight, a boost) reorders some of these thousands of rankings and fails here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import { createPassageIndex, storedPassageIndex } from '../../src/retrieval/passage-index.js';
import { evalSetSchema } from '../../src/retrieval/eval-retrieval.js';
import { readEvalSet } from '../../src/understand/run-eval.js';
import type { RetrieveOptions } from '../../src/retrieval/ports.js';

const content = loadContent(resolve(import.meta.dirname, '../../content'));
const retrievalSet = evalSetSchema.parse(parse(readFileSync(resolve(import.meta.dirname, 'eval-set.yaml'), 'utf8')));
const nluSet = readEvalSet(resolve(import.meta.dirname, '../nlu/eval-set.yaml'));
const questions = [
  ...retrievalSet.questions.map((q) => q.q),
  ...retrievalSet.unanswerable,
  ...retrievalSet.outOfScope.map((o) => o.q),
  ...nluSet.cases.map((c) => c.text),
];
const codes = [...content.countries.keys()].sort();
const whole = createPassageIndex(content, { shards: false });
const built = createPassageIndex(content);
const stored = createPassageIndex(content, { stored: storedPassageIndex(content) });
const all = content.passages.length;

/** The searches each question is put through: rotating over the country files so that every one is asked. */
function searches(i: number): RetrieveOptions[] {
  const one = codes[i % codes.length]!;
  const two = [one, codes[(i * 7 + 3) % codes.length]!];
  return [
    { countries: [one], includeTopics: false, limit: all },
    { countries: [one], includeTopics: true, limit: all },
    { countries: two, includeTopics: i % 2 === 0, limit: all },
    { topicsOnly: true, limit: all },
  ];
}

describe('the passage index split by country', () => {
  it(`ranks as the whole index on ${questions.length} questions × 4 searches, built or stored`, () => {
    expect(questions.length).toBeGreaterThan(300);
    const differing: string[] = [];
    let compared = 0;
    questions.forEach((q, i) => {
      for (const options of searches(i)) {
        const expected = whole.search(q, options).map((p) => p.id);
        compared += expected.length;
        for (const [name, index] of [['built', built], ['stored', stored]] as const) {
          const got = index.search(q, options).map((p) => p.id);
          if (JSON.stringify(got) !== JSON.stringify(expected)) differing.push(`${name} ${JSON.stringify(options)} ${q}`);
        }
      }
    });
    expect(differing).toEqual([]);
    // The comparison is not vacuous: thousands of ranked passages.
    expect(compared).toBeGreaterThan(5000);
  });

  it('keeps topic passages about other countries out of a country question, and in a topics-only one', () => {
    const certs = content.passages.find((p) => p.kind === 'topic' && p.countries.length > 0)!;
    const other = codes.find((c) => !certs.countries.includes(c))!;
    const words = `${certs.heading} ${certs.sentences[0]!.text}`;
    expect(stored.search(words, { countries: [other], includeTopics: true, limit: all })).not.toContain(certs);
    expect(stored.search(words, { countries: [certs.countries[0]!], includeTopics: true, limit: all })).toContain(certs);
    expect(stored.search(words, { topicsOnly: true, limit: all })).toContain(certs);
  });
});
