/**
 * Runs the evaluation set (test/nlu/eval-set.yaml, 200+ hand-labelled messages in
 * every category, negatives included) through the real understander and holds the
 * issue's bar: at least 97% exact destination lists and 95% correct trip dates.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadUnderstander } from '../../src/understand/create-understander.js';
import { COUNTRY_BAR, DATE_BAR, formatReport, readEvalSet, runEval } from '../../src/understand/run-eval.js';

const set = readEvalSet(resolve(import.meta.dirname, 'eval-set.yaml'));

describe('NLU evaluation set', () => {
  it('has at least 200 messages across every category, with negatives', () => {
    expect(set.cases.length).toBeGreaterThanOrEqual(200);
    const categories = new Set(set.cases.map((c) => c.category));
    for (const c of ['country-names', 'codes', 'cities', 'demonyms', 'flags', 'misspellings', 'suggestions', 'russian', 'spanish', 'multiple', 'ambiguity', 'markup', 'dates-absolute', 'dates-ranges', 'dates-relative', 'intents'])
      expect(categories).toContain(c);
    expect(set.cases.filter((c) => c.countries.length === 0).length).toBeGreaterThanOrEqual(30);
  });

  it(`reaches ${COUNTRY_BAR * 100}% country and ${DATE_BAR * 100}% date accuracy`, () => {
    const report = runEval(set, loadUnderstander(resolve(import.meta.dirname, '../../intents')));
    const { total } = report;
    const detail = `${formatReport(report)}\n${report.failures.map((f) => `${f.case.text}: ${JSON.stringify(f.got)}`).join('\n')}`;
    expect(total.countries / total.cases, detail).toBeGreaterThanOrEqual(COUNTRY_BAR);
    expect(total.dates / total.dated, detail).toBeGreaterThanOrEqual(DATE_BAR);
    expect(total.intent / total.cases, detail).toBeGreaterThanOrEqual(0.9);
  });
});
