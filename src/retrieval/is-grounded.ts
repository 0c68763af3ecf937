/**
 * The grounding gate of topic questions: whether the passages MiniSearch found hold the
 * question's own words, judged one passage at a time (docs/retrieval.md). Reads MiniSearch's
 * match details (which term matched in which field), so grounded searches run on the whole
 * index (passage-index.ts).
 */
import type { SearchResult } from 'minisearch';
import { contentTerms } from '../content/terms.js';

/** Fields that say what a passage is about, as opposed to what it happens to mention. */
const SUBJECT_FIELDS = new Set(['title', 'heading', 'keywordText']);

/** Coverage a question needs when none of its matched words names a passage's subject. */
const SUBJECTLESS_COVERAGE = 0.75;

/** Endings that make another form of the same word: "exiled" and "exiles" are one word here, "won" and "win" are not. */
const FORM_ENDING = /(?:ing|ed|es|er|e|s)$/;

/** One key for the forms of a word, for grounding only (the index itself matches by its own rules). */
function wordForm(term: string): string {
  const stem = term.replace(FORM_ENDING, '');
  return stem.length >= 4 ? stem : term;
}

/**
 * For each result: the share of the query's content words that occur in that one passage
 * as themselves or as another form of the same word (not by prefix or typo), and whether
 * one of them names the passage's subject (title, heading or keyword). Judged per passage,
 * never over the results together: "who won the world cup?" must not be grounded by
 * "World Cup" in one passage and a contract "won" in another.
 */
export function exactCoverage(query: string, results: SearchResult[]): Array<{ coverage: number; subject: boolean }> {
  const wanted = new Set(contentTerms(query).map(wordForm));
  return results.map((r) => {
    const found = new Set<string>();
    let subject = false;
    for (const [term, fields] of Object.entries(r.match)) {
      const form = wordForm(term);
      if (!wanted.has(form)) continue;
      found.add(form);
      if (fields.some((f) => SUBJECT_FIELDS.has(f))) subject = true;
    }
    return { coverage: wanted.size ? found.size / wanted.size : 0, subject };
  });
}

/**
 * Grounded: one passage holds enough of the question's words, and either one of them
 * names that passage's subject ("SORM" in "what does SORM stand for") or nearly all of
 * them occur in it and one of those is a domain word ("who is Galeotti?"). "Can I expense
 * my dinner?" matches only a passing "at their own expense"; "when is the next world
 * cup?" meets every word in Qatar's overview, but in passing and in everyday words:
 * neither is grounded.
 */
export function isGrounded(query: string, results: SearchResult[], minCoverage: number, isDomainWord: (word: string) => boolean): boolean {
  const domain = new Set(contentTerms(query).filter(isDomainWord).map(wordForm));
  const holdsDomainWord = (r: SearchResult) => Object.keys(r.match).some((term) => domain.has(wordForm(term)));
  return exactCoverage(query, results).some(
    ({ coverage, subject }, i) =>
      coverage >= minCoverage && (subject || (coverage >= Math.max(minCoverage, SUBJECTLESS_COVERAGE) && holdsDomainWord(results[i]!))),
  );
}
