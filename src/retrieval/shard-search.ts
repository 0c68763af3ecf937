/**
 * BM25 search over the shards of passage-shards.ts, scoring each passage exactly as
 * MiniSearch 7 scores it in the whole index: the same tokenizer, term rules, prefix and
 * typo weights, field and document boosts, BM25 parameters, and the whole index's
 * statistics (document count, average field lengths, each term's document frequency).
 * Only the postings walked differ: those of the asked shards. MUST stay in sync with
 * MiniSearch's `executeQuerySpec`/`termResults` (node_modules/minisearch, pinned by
 * package-lock.json); test/retrieval/shard-equivalence.test.ts compares the two on every
 * question of the evaluation sets and fails on any difference in order or score.
 */
import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { createBoundedCache, type BoundedCache } from '../bounded-cache.js';
import type { Passage } from '../content/types.js';
import type { IndexStats, StoredShard } from './passage-shards.js';

/** A shard ready to search: its passages (and their positions in the content base), field lengths, and terms as a tree for prefix and typo matching. */
export interface Shard {
  passages: Passage[];
  positions: number[];
  /** True for the first section of a file, which introduces its subject. */
  leads: boolean[];
  lengths: number[][];
  terms: SearchableMap<number[][]>;
  /** Each query word's prefix and typo matches in `terms` with their weights (expansionsOf), kept as asked. */
  expansions: BoundedCache<Expansion[]>;
}

/** A word of the shard that a query word matches by prefix or typo, with that match's weight. */
type Expansion = [weight: number, lists: number[][]];

/**
 * Query words whose expansions a shard keeps: the walk of its term tree for prefix and typo
 * matches is most of a search, and people reuse words ("laptop", "safe", "VPN"), so a
 * word's second walk is a lookup. Bounded: words come from users.
 */
const EXPANSIONS_KEPT = 4096;

export function openShard(stored: StoredShard, all: readonly Passage[]): Shard {
  const passages = stored.docs.map((i) => all[i]!);
  return {
    passages,
    positions: stored.docs,
    leads: passages.map((p, i) => i === 0 || passages[i - 1]!.ref !== p.ref),
    lengths: stored.lengths,
    terms: SearchableMap.from(stored.terms),
    expansions: createBoundedCache(EXPANSIONS_KEPT),
  };
}

/** How words match; passage-index.ts gives MiniSearch the same rules. */
export interface MatchRules {
  /** Boost of each field, by MiniSearch field id. */
  fieldBoosts: number[];
  processTerm: (term: string) => string | null;
  prefix: (term: string) => boolean;
  fuzzy: (term: string) => number | false;
}

/** One part of a query, OR-ed with the others: its text and the weight of its words (thesaurus words weigh less). */
export interface QueryPart {
  text: string;
  termBoost: number;
}

export interface ScoredPassage {
  passage: Passage;
  /** In the content base: ties keep content order. */
  position: number;
  score: number;
}

/**
 * BM25 parameters and prefix/typo weights (MiniSearch 7's defaults). passage-index.ts passes
 * these same values to MiniSearch's search, so neither path depends on MiniSearch's defaults.
 */
export const SCORING = { bm25: { k: 1.2, b: 0.7, d: 0.5 }, weights: { prefix: 0.375, fuzzy: 0.45 }, maxFuzzy: 6 };
const { bm25: BM25, weights: WEIGHTS, maxFuzzy: MAX_FUZZY } = SCORING;
const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** Per passage (position in its shard): summed score and the query words it matched. */
type Hits = Map<number, { score: number; terms: string[] }>;

function bm25(tf: number, df: number, n: number, length: number, averageLength: number): number {
  const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  return idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / averageLength)));
}

/** MiniSearch's OR: scores add up, matched query words are united. */
function orInto(into: Hits, from: Hits): void {
  for (const [doc, hit] of from) {
    const had = into.get(doc);
    if (!had) into.set(doc, hit);
    else {
      had.score += hit.score;
      for (const t of hit.terms) if (!had.terms.includes(t)) had.terms.push(t);
    }
  }
}

/** A query word's prefix matches, then its typo matches, in `shard` (in MiniSearch's order, so scores add up alike). */
function expansionsOf(shard: Shard, term: string, prefix: boolean, maxDistance: number): Expansion[] {
  return shard.expansions.get(`${prefix ? 'p' : '-'}${maxDistance}:${term}`, () => {
    const found: Expansion[] = [];
    if (prefix)
      for (const [derived, lists] of shard.terms.atPrefix(term)) {
        const distance = derived.length - term.length;
        if (distance) found.push([(WEIGHTS.prefix * derived.length) / (derived.length + 0.3 * distance), lists]);
      }
    if (maxDistance)
      for (const [derived, [lists, distance]] of shard.terms.fuzzyGet(term, maxDistance)) {
        // A longer word that starts with the query word was scored as a prefix match.
        if (!distance || (prefix && derived.startsWith(term))) continue;
        found.push([(WEIGHTS.fuzzy * derived.length) / (derived.length + distance), lists]);
      }
    return found;
  });
}

/** One query word in one shard: its exact, prefix and typo matches, field by field. */
function termHits(shard: Shard, term: string, termBoost: number, rules: MatchRules, stats: IndexStats, boosts: number[]): Hits {
  const hits: Hits = new Map();
  const add = (weight: number, lists: number[][] | undefined) => {
    for (const list of lists ?? []) {
      const fieldId = list[0]!;
      const df = list[1]!;
      const factor = weight * termBoost * rules.fieldBoosts[fieldId]!;
      const average = stats.averageFieldLength[fieldId]!;
      for (let i = 2; i < list.length; i += 2) {
        const doc = list[i]!;
        const docBoost = boosts[doc]!;
        if (!docBoost) continue;
        const score = factor * docBoost * bm25(list[i + 1]!, df, stats.documentCount, shard.lengths[doc]![fieldId]!, average);
        const hit = hits.get(doc);
        if (hit) hit.score += score;
        else hits.set(doc, { score, terms: [term] });
      }
    }
  };
  add(1, shard.terms.get(term));
  const fuzzy = rules.fuzzy(term);
  const maxDistance = fuzzy === false ? 0 : fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * fuzzy)) : fuzzy;
  for (const [weight, lists] of expansionsOf(shard, term, rules.prefix(term), maxDistance)) add(weight, lists);
  return hits;
}

/**
 * Every passage of `shards` that matches, with MiniSearch's score (unsorted). `boostOf`
 * is the document boost (`lead`: the first section of its file); 0 leaves a passage out.
 */
export function searchShards(
  shards: Shard[],
  parts: QueryPart[],
  rules: MatchRules,
  stats: IndexStats,
  boostOf: (p: Passage, lead: boolean) => number,
): ScoredPassage[] {
  const words = parts.map((part) => ({
    termBoost: part.termBoost,
    terms: tokenize(part.text)
      .map((t) => rules.processTerm(t))
      .filter((t): t is string => !!t),
  }));
  const found: ScoredPassage[] = [];
  for (const shard of shards) {
    const boosts = shard.passages.map((p, i) => boostOf(p, shard.leads[i]!));
    const total: Hits = new Map();
    for (const part of words) {
      const partHits: Hits = new Map();
      for (const term of part.terms) orInto(partHits, termHits(shard, term, part.termBoost, rules, stats, boosts));
      orInto(total, partHits);
    }
    // MiniSearch multiplies by the number of query words matched.
    for (const [doc, { score, terms }] of total) found.push({ passage: shard.passages[doc]!, position: shard.positions[doc]!, score: score * terms.length });
  }
  return found;
}
