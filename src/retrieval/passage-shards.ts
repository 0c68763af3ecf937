/**
 * The passage index split by owner: one shard per country file and one for all topics,
 * each holding only its own passages' postings. A question about Kyrgyzstan then walks
 * Kyrgyzstan's postings and the topics', not those of 249 countries (issue 18).
 *
 * The shards are cut from the one MiniSearch index of every passage and keep its
 * statistics: each posting list carries the term's document frequency over the whole
 * base, and `IndexStats` the base's document count and average field lengths. So BM25
 * scores a passage in its shard exactly as the whole index does (shard-search.ts), and
 * retrieval quality cannot move by the split (test/retrieval/shard-equivalence.test.ts).
 */
import type { AsPlainObject } from 'minisearch';
import type { Passage } from '../content/types.js';
import { ownerOf } from '../content/passages-of.js';

/** Statistics of the whole index, the same for every shard. */
export interface IndexStats {
  documentCount: number;
  /** By field id. */
  averageFieldLength: number[];
}

/** One shard as stored: plain JSON. */
export interface StoredShard {
  /** Its passages, as positions in the content base's `passages` (which the index is stored with), in content order. */
  docs: number[];
  /** Per passage of `docs`: MiniSearch's length of each field, by field id. */
  lengths: number[][];
  /** Per term: one list per field it occurs in, `[fieldId, df over the whole index, doc, tf, doc, tf, …]` (doc = index into `docs`). */
  terms: Array<[string, number[][]]>;
}

/** Splits MiniSearch's plain index of every passage into shards, keeping the whole index's statistics. */
export function splitIndex(all: AsPlainObject, passages: readonly Passage[]): { stats: IndexStats; shards: Map<string, StoredShard> } {
  const shards = new Map<string, StoredShard>();
  // MiniSearch's short id → [shard, position in it]; passages are taken in content order.
  const place = new Map<string, [StoredShard, number]>();
  const shortIds = new Map(Object.entries(all.documentIds).map(([short, id]) => [id as string, short]));
  passages.forEach((p, position) => {
    const key = ownerOf(p);
    let shard = shards.get(key);
    if (!shard) shards.set(key, (shard = { docs: [], lengths: [], terms: [] }));
    const short = shortIds.get(p.id);
    if (short === undefined) throw new Error(`passage ${p.id} is not in the index it is split from`);
    place.set(short, [shard, shard.docs.length]);
    shard.docs.push(position);
    shard.lengths.push(all.fieldLength[short]!);
  });
  for (const [term, fields] of all.index) {
    const lists = new Map<StoredShard, number[][]>();
    // Fields in id order, as MiniSearch scores them.
    for (const fieldId of Object.keys(fields).map(Number).sort((a, b) => a - b)) {
      const postings = Object.entries(fields[fieldId]!);
      for (const [short, tf] of postings) {
        const [shard, doc] = place.get(short)!;
        let perField = lists.get(shard);
        if (!perField) lists.set(shard, (perField = []));
        let list = perField.at(-1);
        if (!list || list[0] !== fieldId) perField.push((list = [fieldId, postings.length]));
        list.push(doc, tf);
      }
    }
    for (const [shard, perField] of lists) shard.terms.push([term, perField]);
  }
  return { stats: { documentCount: all.documentCount, averageFieldLength: all.averageFieldLength }, shards };
}
