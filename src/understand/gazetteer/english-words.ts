/**
 * English words from the word-list package. A city whose name is an English word
 * ("Nice", "Split", "Batman") needs a cue to count as a place, and a misspelling
 * check never turns a real word ("spam") into a country ("Spain"). Kept as a sorted
 * array (binary search): about three times cheaper to build than a Set of 274k words.
 */
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

export interface WordSet {
  has(word: string): boolean;
}

export function sortedWordSet(words: string[]): WordSet {
  const sorted = [...words].sort();
  return {
    has(word) {
      let lo = 0;
      let hi = sorted.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const w = sorted[mid]!;
        if (w === word) return true;
        if (w < word) lo = mid + 1;
        else hi = mid - 1;
      }
      return false;
    },
  };
}

export function loadEnglishWords(): WordSet {
  return sortedWordSet(readFileSync(wordListPath, 'utf8').split('\n'));
}
