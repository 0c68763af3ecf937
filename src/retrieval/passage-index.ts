/**
 * BM25 passage index over every `## ` section of country and topic files, built once
 * at start-up with MiniSearch. Country filters keep a trip answer about its country.
 * Terms go through the shared content-word rules (terms.ts) so "countries" finds
 * "country" and "what is the" matches nothing. `minCoverage` lets a caller demand that
 * enough of the question's own words occur in the results before any are trusted:
 * that is how "what's the weather in Paris?" retrieves nothing instead of a guess.
 * A question about destinations (or about topics only) searches their shards
 * (passage-shards.ts), scored with the whole index's statistics, so it costs the same
 * with 28 or 250 country files and ranks exactly as the whole index would.
 * Recall@5 of this index is measured by `npm run eval:retrieval` (test/retrieval/).
 */
import MiniSearch, { type AsPlainObject, type Options, type Query } from 'minisearch';
import type { Retriever, RetrieveOptions } from './ports.js';
import type { ContentBase, Passage } from '../content/types.js';
import { STOP_WORDS, foldTerm } from '../content/terms.js';
import { isGrounded } from './is-grounded.js';
import { expandQuery } from './expand-query.js';
import { TOPIC_OWNER } from '../content/passages-of.js';
import { splitIndex, type IndexStats, type StoredShard } from './passage-shards.js';
import { SCORING, openShard, searchShards, type MatchRules, type QueryPart, type Shard } from './shard-search.js';

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
  stored?: StoredPassageIndex;
  /**
   * False: every question is scored in the whole index, as before the shards (issue 18).
   * Default true; test/retrieval/shard-equivalence.test.ts compares the two.
   */
  shards?: boolean;
}

/** The first section of each file: it introduces its subject, so it wins close calls ("what is SORM?"). */
function leadPassages(content: Pick<ContentBase, 'passages'>): Set<string> {
  const leads = new Set<string>();
  const seen = new Set<string>();
  for (const p of content.passages) if (!seen.has(`${p.kind}:${p.ref}`) && seen.add(`${p.kind}:${p.ref}`)) leads.add(p.id);
  return leads;
}

const FIELDS = ['title', 'heading', 'keywordText', 'text'];
const FIELD_BOOST: Record<string, number> = { title: 2, keywordText: 3, heading: 1.5 };

/** Word rules of both searches: MiniSearch's over the whole index and shard-search.ts's over shards. */
const RULES: MatchRules = {
  // MiniSearch numbers fields in the order of FIELDS.
  fieldBoosts: FIELDS.map((f) => FIELD_BOOST[f] ?? 1),
  processTerm,
  // Prefix and typo matching only for longer words: "vpn" must not match "vpns-…" by accident of length.
  prefix: (term) => term.length >= 4,
  fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
};

/**
 * MiniSearch's options; the same for building the index and for loading a stored one. No
 * `boostDocument` here: every search passes its own (the lead boost and the asked countries).
 */
const INDEX_OPTIONS: Options<Passage> = {
  fields: FIELDS,
  storeFields: ['id'],
  processTerm,
  extractField: (doc, field) => {
    if (field === 'keywordText') return doc.keywords.join(' ');
    const value = (doc as unknown as Record<string, unknown>)[field];
    return typeof value === 'string' ? value : '';
  },
  searchOptions: {
    ...SCORING,
    boost: FIELD_BOOST,
    prefix: RULES.prefix,
    fuzzy: RULES.fuzzy,
    combineWith: 'OR',
  },
};

/** Part key of MiniSearch's index of every passage; the shards' keys are the passages' owners: country codes and TOPIC_OWNER (passages-of.ts). */
export const WHOLE = 'all';

/**
 * The index as the build stores it (src/artifacts/index-artifact.ts): the whole index's
 * statistics, and each part (WHOLE, or a shard) as JSON text, asked for when a question
 * first needs it, so start-up parses none of it. Loading it skips tokenising every passage.
 */
export interface StoredPassageIndex {
  stats: IndexStats;
  part: (key: string) => string | undefined;
}

/** The index of every passage, and its shards (each read once, by createPassageIndex); the same whether built now or stored. */
interface IndexParts {
  all: () => MiniSearch<Passage>;
  stats: IndexStats;
  shard: (key: string) => StoredShard | undefined;
}

function buildParts(content: Pick<ContentBase, 'passages'>): { index: MiniSearch<Passage>; plain: AsPlainObject; stats: IndexStats; shards: Map<string, StoredShard> } {
  const index = new MiniSearch<Passage>(INDEX_OPTIONS);
  index.addAll(content.passages);
  const plain = index.toJSON();
  return { index, plain, ...splitIndex(plain, content.passages) };
}

/** The stored form of `content`'s index, for `npm run build`. It scores exactly as the index built from the passages. */
export function storedPassageIndex(content: Pick<ContentBase, 'passages'>): StoredPassageIndex & { parts: Map<string, string> } {
  const { plain, stats, shards } = buildParts(content);
  const parts = new Map([[WHOLE, JSON.stringify(plain)], ...[...shards].map(([key, shard]) => [key, JSON.stringify(shard)] as [string, string])]);
  return { stats, parts, part: (key) => parts.get(key) };
}

/** Makes a value once, on first use. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** Stored parts are parsed on first use: a start-up, and a question about one country, parse nothing of the other 249. */
function indexParts(content: Pick<ContentBase, 'passages'>, stored: StoredPassageIndex | undefined): IndexParts {
  if (!stored) {
    const { index, stats, shards } = buildParts(content);
    return { all: () => index, stats, shard: (key) => shards.get(key) };
  }
  const shard = (key: string) => {
    const json = stored.part(key);
    return json === undefined ? undefined : (JSON.parse(json) as StoredShard);
  };
  return { all: once(() => MiniSearch.loadJSON<Passage>(stored.part(WHOLE)!, INDEX_OPTIONS)), stats: stored.stats, shard };
}

/** Builds the index once from the loaded content (or loads the build's); search is synchronous and in memory. */
export function createPassageIndex(content: Pick<ContentBase, 'passages'>, options: PassageIndexOptions = {}): Retriever {
  const isDomainWord = options.isDomainWord ?? (() => true);
  const useShards = options.shards ?? true;
  const parts = indexParts(content, options.stored);
  // Only the whole index's searches need these; a start-up that asks about one country never builds them.
  const whole = once(() => ({
    index: parts.all(),
    byId: new Map(content.passages.map((p, i) => [p.id, { passage: p, position: i }])),
    leads: leadPassages(content),
  }));
  const opened = new Map<string, Shard | null>();
  const shard = (key: string): Shard | null => {
    if (!opened.has(key)) {
      const stored = parts.shard(key);
      opened.set(key, stored ? openShard(stored, content.passages) : null);
    }
    return opened.get(key)!;
  };
  // Equal scores keep content order, on both paths.
  const byRank = (a: { position: number; score: number }, b: { position: number; score: number }) => b.score - a.score || a.position - b.position;

  return {
    search(query: string, options: RetrieveOptions = {}): Passage[] {
      const limit = options.limit ?? 5;
      const countries = options.countries?.length ? new Set(options.countries) : null;
      const includeTopics = options.topicsOnly || (options.includeTopics ?? !countries);
      const topicAllowed = (p: Passage) =>
        includeTopics && (options.topicsOnly || !countries || p.countries.length === 0 || p.countries.some((c) => countries.has(c)));
      const allowed = (p: Passage) => (p.kind === 'country' ? !options.topicsOnly && (!countries || countries.has(p.ref)) : topicAllowed(p));
      const boost = (p: Passage, lead: boolean) => (allowed(p) ? (lead ? LEAD_BOOST : 1) : 0);
      const extra = expandQuery(query);
      let result: Passage[] = [];
      // Grounding reads MiniSearch's match details, so a grounded search (a topic question) uses the whole index.
      const sharded = useShards && (countries || options.topicsOnly) && options.minCoverage === undefined;
      if (!query.trim()) result = [];
      else if (sharded) {
        const keys = [...(options.topicsOnly ? [] : countries!), ...(includeTopics ? [TOPIC_OWNER] : [])];
        const queryParts: QueryPart[] = [{ text: query, termBoost: 1 }, ...(extra.length ? [{ text: extra.join(' '), termBoost: EXPANSION_WEIGHT }] : [])];
        const shards = keys.map(shard).filter((s): s is Shard => s !== null);
        result = searchShards(shards, queryParts, RULES, parts.stats, boost)
          .sort(byRank)
          .slice(0, limit)
          .map((r) => r.passage);
      } else {
        const { index, byId, leads } = whole();
        const tree: Query = extra.length
          ? { combineWith: 'OR', queries: [query, { queries: [extra.join(' ')], boostTerm: () => EXPANSION_WEIGHT }] }
          : query;
        // Passages outside the asked ones get boost 0, which MiniSearch skips before scoring them.
        const found = index.search(tree, { boostDocument: (id) => boost(byId.get(id as string)!.passage, leads.has(id as string)) });
        // MiniSearch sorts by score: only the passages scoring at least the last one kept need content order for ties.
        const contenders = found.length > limit ? found.filter((r) => r.score >= found[limit - 1]!.score) : found;
        const hits = contenders
          .map((r) => ({ r, ...byId.get(r.id as string)!, score: r.score }))
          .sort(byRank)
          .slice(0, limit);
        if (options.minCoverage !== undefined && !isGrounded(query, hits.map((h) => h.r), options.minCoverage, isDomainWord)) return [];
        result = hits.map((h) => h.passage);
      }
      // A trip question may carry no content words ("Kyrgyzstan next week"): fill with the country's sections in order.
      if (countries && result.length < limit) {
        const own = [...countries]
          .flatMap((c) => {
            const s = shard(c);
            return s ? s.passages.map((passage, i) => ({ passage, position: s.positions[i]! })) : [];
          })
          .sort((a, b) => a.position - b.position);
        for (const { passage: p } of own) {
          if (result.length >= limit) break;
          if (!result.includes(p)) result.push(p);
        }
      }
      return result;
    },
  };
}
