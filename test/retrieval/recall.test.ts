/**
 * Proves retrieval quality on the evaluation set (test/retrieval/eval-set.yaml: questions
 * with the passage ids that answer them, questions the content base does not cover, and
 * questions outside surveillance and device security), calling the index and the focusing
 * step exactly as the advisor does (same gazetteer, same word list): recall@5 must stay at
 * or above RECALL_FLOOR, unanswerable and out-of-scope questions must retrieve nothing,
 * subject questions must name exactly the destinations the content base has nothing on,
 * every sentence of the offline summaries must stay on the asked destinations and subject,
 * and every id in the set must still exist in content/.
 *
 * RECALL_FLOOR is 0.85: measured recall@5 is 0.960 on the content of 2026-11-29; the
 * floor leaves room for new content that legitimately competes for the top five (a new
 * topic on messaging apps, say) while catching a regression such as losing stop-word
 * handling or the grounding gate (the walking-skeleton index scored recall@5 0.92 and
 * retrieved passages for all thirty unanswerable questions, failing the third test).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import { createPassageIndex } from '../../src/retrieval/passage-index.js';
import { evalSetSchema, evaluateRetrieval, questionRetrieverFor } from '../../src/retrieval/eval-retrieval.js';
import { evaluateSummaries } from '../../src/channels/cli/retrieval/eval-summaries.js';
import { gazetteerPlaceFinder } from '../../src/retrieval/place-finder.js';
import { domainWords } from '../../src/retrieval/domain-words.js';
import { createExtractiveSummarizer } from '../../src/advisor/extractive-summarizer.js';
import { sharedUnderstander } from '../support/shared-understander.js';

const RECALL_FLOOR = 0.85;
const HIT_FLOOR = 0.95;

const content = loadContent(resolve(import.meta.dirname, '../../content'));
const set = evalSetSchema.parse(parse(readFileSync(resolve(import.meta.dirname, 'eval-set.yaml'), 'utf8')));
const { gazetteer } = sharedUnderstander();
const findPlaces = gazetteerPlaceFinder(gazetteer);
const index = createPassageIndex(content, { isDomainWord: domainWords(gazetteer.englishWords) });
const report = evaluateRetrieval(content, index, set, 5, findPlaces);

describe('retrieval on the evaluation set', () => {
  it('has at least 60 questions, each naming passages that exist in content/', () => {
    expect(set.questions.length).toBeGreaterThanOrEqual(60);
    expect(report.unknownIds).toEqual([]);
  });

  it(`keeps recall@5 at or above ${RECALL_FLOOR} and hit@5 at or above ${HIT_FLOOR}`, () => {
    const misses = report.results.filter((r) => r.recall < 1).map((r) => `${r.q} (missed ${r.missed.join(', ')})`);
    expect(report.recallAtK, misses.join('\n')).toBeGreaterThanOrEqual(RECALL_FLOOR);
    expect(report.hitAtK).toBeGreaterThanOrEqual(HIT_FLOOR);
  });

  it('retrieves nothing for questions the content base does not cover, "who won the world cup?" among them', () => {
    expect(set.unanswerable).toContain('who won the world cup?');
    expect(report.grounded).toEqual([]);
  });

  it('reads visa, weather, drone and vaccination questions as out of scope and retrieves nothing for them', () => {
    expect(set.outOfScope.map((o) => o.q)).toEqual(expect.arrayContaining(['do I need a visa for Russia?', "what's the weather in Moscow?"]));
    expect(report.inScope).toEqual([]);
  });

  it('names exactly the destinations whose content has nothing on the asked subject', () => {
    expect(set.questions.filter((q) => q.nothingOn.length).length).toBeGreaterThanOrEqual(3);
    expect(report.nothingOnMismatches).toEqual([]);
  });

  it('keeps every sentence of the offline summaries on the asked destinations and subject', async () => {
    const focused = questionRetrieverFor(content, index, findPlaces);
    const summaries = await evaluateSummaries(
      set,
      (q, countryCodes) => focused.retrieve(q, { intent: 'country', countryCodes }).passages,
      createExtractiveSummarizer(content),
      findPlaces,
    );
    expect(summaries.summaries).toBeGreaterThanOrEqual(40);
    expect(summaries.off).toEqual([]);
  });
});
