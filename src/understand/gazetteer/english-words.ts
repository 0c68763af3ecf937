/**
 * English words from the word-list package. A city whose name is an English word
 * ("Nice", "Split", "Batman") needs a cue to count as a place, and a misspelling
 * check never turns a real word ("spam") into a country ("Spain").
 *
 * Kept as a sorted array of 32-bit hashes (about 1 MB) rather than 274k strings
 * (about 13 MB of heap that every garbage collection would walk). A hash collision
 * (odds about 1 in 16,000 for a given word) only means a misspelling is not guessed.
 */
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

/** Membership test for English words (lower case). */
export interface WordSet {
  has(word: string): boolean;
}

/** FNV-1a, 32 bits. */
function hash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** A WordSet kept as sorted hashes, which is what `npm run build` stores (src/artifacts/). */
export interface HashedWordSet extends WordSet {
  readonly hashes: Int32Array;
}

/** A membership test over `words` that keeps only their hashes. */
export function hashedWordSet(words: Iterable<string>): HashedWordSet {
  return wordSetFromHashes(Int32Array.from(words, hash).sort());
}

/** The WordSet of hashes already sorted (as hashedWordSet keeps them). */
export function wordSetFromHashes(hashes: Int32Array): HashedWordSet {
  return {
    hashes,
    has(word) {
      const h = hash(word);
      let lo = 0;
      let hi = hashes.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = hashes[mid]!;
        if (v === h) return true;
        if (v < h) lo = mid + 1;
        else hi = mid - 1;
      }
      return false;
    },
  };
}

/** The word-list package's 274k English words, as a WordSet (about 75 ms). */
export function loadEnglishWords(): HashedWordSet {
  return hashedWordSet(readFileSync(wordListPath, 'utf8').split('\n'));
}
