/**
 * Measures the output check on hand-written, model-style sentences against the real
 * content (test/llm/check-sentences.yaml): how many faithful rewordings it keeps (the
 * cost of strictness) and how many unfaithful sentences it drops (the point of it).
 * The floors are the figures docs/retrieval.md reports, rounded down.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import { checkLlmSummary, type ProposedSentence } from '../../src/advisor/check-llm-summary.js';

const content = loadContent(resolve(import.meta.dirname, '../../content'));
const fixture = parse(readFileSync(resolve(import.meta.dirname, 'check-sentences.yaml'), 'utf8')) as { faithful: ProposedSentence[]; unfaithful: ProposedSentence[] };
const known = new Set(content.passages.map((p) => p.id));

/** Each sentence is checked against the passages it cites, as if those had been retrieved. */
function check(s: ProposedSentence) {
  return checkLlmSummary([s], content.passages.filter((p) => s.passages.includes(p.id)));
}

describe('output check on model-style sentences', () => {
  it('fixture cites passages that exist (except the one deliberately invented)', () => {
    for (const s of fixture.faithful) expect(s.passages.every((id) => known.has(id)), s.text).toBe(true);
  });

  it('keeps most faithful rewordings', () => {
    const dropped = fixture.faithful.map((s) => ({ s: s.text, r: check(s).dropped[0]?.reason })).filter((x) => x.r);
    const kept = fixture.faithful.length - dropped.length;
    console.info(`faithful kept ${kept}/${fixture.faithful.length}; dropped: ${JSON.stringify(dropped)}`);
    expect(kept / fixture.faithful.length).toBeGreaterThanOrEqual(0.8);
  });

  it('drops every unfaithful sentence', () => {
    const kept = fixture.unfaithful.filter((s) => check(s).kept.length > 0).map((s) => s.text);
    console.info(`unfaithful kept: ${JSON.stringify(kept)}`);
    expect(kept).toEqual([]);
  });
});
