/**
 * BM25 passage index over every `## ` section of country and topic files, built once
 * at start-up with MiniSearch. Country filters keep a trip answer about its country.
 * Terms go through the shared content-word rules (terms.ts) so "countries" finds
 * "country" and "what is the" matches nothing. `minCoverage` lets a caller demand that
 * enough of the question's own words occur in the results before any are trusted:
 * that is how "what's the weather in Paris?" retrieves nothing instead of a guess.
 * Recall@5 of this index is measured by `npm run eval:retrieval` (test/retrieval/).
 */
import MiniSearch, { type AsPlainObject, type Options, type Query, type SearchResult } from 'minisearch';
import type { Retriever, RetrieveOptions } from './ports.js';
import type { ContentBase, Passage } from '../content/types.js';
import { STOP_WORDS, contentTerms, foldTerm } from '../content/terms.js';
import { expandQuery } from './expand-query.js';

/** Weight of thesaurus words relative to the question's own words. */
const EXPANSION_WEIGHT = 0.4;
/** Score factor for the first section of each file. */
const LEAD_BOOST = 1.25;

/** One index term per word: folded, or dropped when it is a stop word. */
function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  if (STOP_WORDS.has(lower)) return null;
  const folded = foldTerm(lower);
  return folded.length < 2 || STOP_WORDS.has(folded) ? null : folded;
}

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
function isGrounded(query: string, results: SearchResult[], minCoverage: number, isDomainWord: (word: string) => boolean): boolean {
  const domain = new Set(contentTerms(query).filter(isDomainWord).map(wordForm));
  const holdsDomainWord = (r: SearchResult) => Object.keys(r.match).some((term) => domain.has(wordForm(term)));
  return exactCoverage(query, results).some(
    ({ coverage, subject }, i) =>
      coverage >= minCoverage && (subject || (coverage >= Math.max(minCoverage, SUBJECTLESS_COVERAGE) && holdsDomainWord(results[i]!))),
  );
}

/** Options of the passage index. */
export interface PassageIndexOptions {
  /**
   * True for a word that by itself says a question is about this content base: a name
   * ("Galeotti", "Digiton") or a subject the advisor covers ("WhatsApp", "camera"); false
   * for everyday words ("world", "cup", "won"). A question none of whose words names a
   * passage's subject is grounded only through such a word. The advisor passes one built
   * from the understander's English word list and src/retrieval/subjects.ts; the default
   * counts every word (the index alone cannot tell a name from a word).
   */
  isDomainWord?: (word: string) => boolean;
  /** The index as `storedPassageIndex` gave it for this same content (the build's artifact); built here when absent. */
  stored?: AsPlainObject;
}

/** The first section of each file: it introduces its subject, so it wins close calls ("what is SORM?"). */
function leadPassages(content: ContentBase): Set<string> {
  const leads = new Set<string>();
  const seen = new Set<string>();
  for (const p of content.passages) if (!seen.has(`${p.kind}:${p.ref}`) && seen.add(`${p.kind}:${p.ref}`)) leads.add(p.id);
  return leads;
}

/** MiniSearch's options; the same for building the index and for loading a stored one. */
function indexOptions(leads: ReadonlySet<string>): Options<Passage> {
  return {
    fields: ['title', 'heading', 'keywordText', 'text'],
    storeFields: ['id'],
    processTerm,
    extractField: (doc, field) => {
      if (field === 'keywordText') return doc.keywords.join(' ');
      const value = (doc as unknown as Record<string, unknown>)[field];
      return typeof value === 'string' ? value : '';
    },
    searchOptions: {
      boost: { title: 2, keywordText: 3, heading: 1.5 },
      // Prefix and typo matching only for longer words: "vpn" must not match "vpns-…" by accident of length.
      prefix: (term) => term.length >= 4,
      fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
      combineWith: 'OR',
      boostDocument: (id) => (leads.has(id as string) ? LEAD_BOOST : 1),
    },
  };
}

/**
 * The MiniSearch index of `content` as plain data, for `npm run build` to store beside the
 * content (src/artifacts/): loading it skips tokenising every passage, which was a quarter
 * of a start. It scores exactly as the index built from the passages.
 */
export function storedPassageIndex(content: ContentBase): AsPlainObject {
  const index = new MiniSearch<Passage>(indexOptions(leadPassages(content)));
  index.addAll(content.passages);
  return index.toJSON();
}

/** Builds the index once from the loaded content; search is synchronous and in memory. */
export function createPassageIndex(content: ContentBase, options: PassageIndexOptions = {}): Retriever {
  const isDomainWord = options.isDomainWord ?? (() => true);
  const byId = new Map(content.passages.map((p) => [p.id, p]));
  const leads = leadPassages(content);
  let index: MiniSearch<Passage>;
  if (options.stored) index = MiniSearch.loadJS<Passage>(options.stored, indexOptions(leads));
  else {
    index = new MiniSearch<Passage>(indexOptions(leads));
    index.addAll(content.passages);
  }

  return {
    search(query: string, options: RetrieveOptions = {}): Passage[] {
      const limit = options.limit ?? 5;
      const countries = options.countries?.length ? new Set(options.countries) : null;
      const includeTopics = options.includeTopics ?? !countries;
      const allowed = (p: Passage) =>
        (p.kind === 'country' && (!countries || countries.has(p.ref))) ||
        (p.kind === 'topic' && includeTopics && (!countries || p.countries.length === 0 || p.countries.some((c) => countries.has(c))));
      const extra = expandQuery(query);
      const tree: Query = extra.length
        ? { combineWith: 'OR', queries: [query, { queries: [extra.join(' ')], boostTerm: () => EXPANSION_WEIGHT }] }
        : query;
      // A passage outside the asked countries gets boost 0, which MiniSearch skips before scoring it, so a trip
      // question no longer scores every country's passages (issue 18); scores of the rest are unchanged (BM25's
      // statistics stay those of the whole index), so results are the same as filtering afterwards.
      const boostDocument = (id: string) => (allowed(byId.get(id)!) ? (leads.has(id) ? LEAD_BOOST : 1) : 0);
      const hits = query.trim() ? index.search(tree, { boostDocument }).slice(0, limit) : [];
      if (options.minCoverage !== undefined && !isGrounded(query, hits, options.minCoverage, isDomainWord)) return [];
      const result = hits.map((r) => byId.get(r.id as string)!);
      // A trip question may carry no content words ("Kyrgyzstan next week"): fill with the country's sections in order.
      if (countries && result.length < limit) {
        for (const p of content.passages) {
          if (result.length >= limit) break;
          if (p.kind === 'country' && countries.has(p.ref) && !result.includes(p)) result.push(p);
        }
      }
      return result;
    },
  };
}
