/**
 * Runs the evaluation sets through the real understander and holds the issue's bar on
 * each: at least 97% exact destination lists and 95% correct trip dates. The set tuned
 * against (test/nlu/eval-set.yaml, 200+ hand-labelled messages in every category,
 * negatives included) and the batch written before tuning (test/nlu/eval-untuned.yaml)
 * are reported apart, as `npm run eval:nlu` prints them.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { normaliseSlackText } from '../../src/channels/slack/normalise-slack-text.js';
import { normaliseTeamsText } from '../../src/channels/teams/normalise-teams-text.js';
import { sharedUnderstander } from '../support/shared-understander.js';
import { COUNTRY_BAR, DATE_BAR, DEFAULT_EVAL_SETS, evaluateSets, formatReport, readEvalSet, runEval, type DoorNormalisers } from '../../src/understand/run-eval.js';

const ROOT = resolve(import.meta.dirname, '../..');
const set = readEvalSet(resolve(import.meta.dirname, 'eval-set.yaml'));
const untuned = readEvalSet(resolve(import.meta.dirname, 'eval-untuned.yaml'));
const understander = sharedUnderstander();
// As npm run eval:nlu (src/app/eval-nlu-cli.ts): a case in a door's syntax goes through that door first.
const doors: DoorNormalisers = { slack: normaliseSlackText, teams: normaliseTeamsText };

describe('NLU evaluation set', () => {
  it('has at least 200 messages across every category, with negatives', () => {
    expect(set.cases.length).toBeGreaterThanOrEqual(200);
    const categories = new Set(set.cases.map((c) => c.category));
    for (const c of ['country-names', 'codes', 'cities', 'demonyms', 'flags', 'misspellings', 'suggestions', 'russian', 'spanish', 'multiple', 'ambiguity', 'markup', 'dates-absolute', 'dates-ranges', 'dates-relative', 'intents'])
      expect(categories).toContain(c);
    expect(set.cases.filter((c) => c.countries.length === 0).length).toBeGreaterThanOrEqual(30);
  });

  it('has a separate batch of at least 40 messages written before tuning, of the kinds that failed in use', () => {
    expect(untuned.cases.length).toBeGreaterThanOrEqual(40);
    const categories = new Set(untuned.cases.map((c) => c.category));
    for (const c of ['dates-day-first', 'dates-locale', 'durations', 'periods', 'mixed-language', 'itineraries', 'territories', 'people', 'after-trip', 'country-questions', 'negatives'])
      expect(categories).toContain(c);
    const texts = new Set(set.cases.map((c) => c.text));
    expect(untuned.cases.filter((c) => texts.has(c.text))).toEqual([]);
  });

  it.each([
    ['the set tuned against', set],
    ['the batch written before tuning', untuned],
  ])(`%s reaches ${COUNTRY_BAR * 100}% country and ${DATE_BAR * 100}% date accuracy`, (_name, s) => {
    const report = runEval(s, understander, doors);
    const { total } = report;
    const detail = `${formatReport(report)}\n${report.failures.map((f) => `${f.case.text}: ${JSON.stringify(f.got)}`).join('\n')}`;
    expect(total.countries / total.cases, detail).toBeGreaterThanOrEqual(COUNTRY_BAR);
    expect(total.dates / total.dated, detail).toBeGreaterThanOrEqual(DATE_BAR);
    expect(total.intent / total.cases, detail).toBeGreaterThanOrEqual(0.9);
  });

  it('npm run eval:nlu reports the untuned batch in its own table, under its own name and description', () => {
    const result = evaluateSets(DEFAULT_EVAL_SETS.map((p) => resolve(ROOT, p)), understander, doors);
    const tables = result.tables.split('\n\n');
    expect(tables).toHaveLength(2);
    expect(tables[0]).toMatch(/^eval-set\.yaml\n/);
    expect(tables[1]).toMatch(/^eval-untuned\.yaml: batch written before tuning/);
    expect(tables[1]).toMatch(new RegExp(`\\nTOTAL +${untuned.cases.length} `));
    expect(tables[1]).toContain('itineraries');
    expect(tables[0]).not.toContain('itineraries');
    expect(result.ok).toBe(true);
  });

  it('runs a case written in Slack or Teams syntax through that door, and refuses to guess without it', () => {
    const markup = set.cases.filter((c) => c.door);
    expect(markup.map((c) => c.door)).toEqual(expect.arrayContaining(['slack', 'teams']));
    expect(runEval({ ...set, cases: markup }, understander, doors).failures).toEqual([]);
    expect(() => runEval({ ...set, cases: markup }, understander)).toThrow(/slack syntax/);
  });
});
