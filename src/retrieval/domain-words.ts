/**
 * Which words tell that a question is about this content base, for the grounding gate of
 * the passage index (PassageIndexOptions.isDomainWord): names the everyday English word
 * list does not hold ("Galeotti", "SORM", "Digiton") and the cues of the subjects the
 * advisor covers (subjects.ts: "WhatsApp", "laptop", "camera"). "World", "cup" and "won"
 * are neither, nor is a number ("2022"), so "who won the world cup?" cannot ground on a
 * passage that mentions the 2022 World Cup in passing.
 */
import type { WordSet } from '../understand/gazetteer/english-words.js';
import { isSubjectCue } from './read-scope.js';

/** `isDomainWord` for createPassageIndex, from the understander's English word list. */
export function domainWords(englishWords: WordSet): (word: string) => boolean {
  return (word) => isSubjectCue(word) || (/\p{L}/u.test(word) && !englishWords.has(word));
}
