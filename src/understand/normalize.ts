/**
 * Text folding and tokenising shared by the gazetteer, the classifier and the
 * dates module, so a name is looked up exactly the way it was indexed.
 */

/** Lower case, accents and other combining marks removed ("São" → "sao", "ё" → "е"). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface Token {
  /** As written. */
  raw: string;
  /** Folded, for lookups. */
  key: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words (letters and digits) with their offsets; punctuation and hyphens separate words. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    out.push({ raw: m[0], key: fold(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The lookup key of a name: its folded words joined by one space. */
export function nameKey(name: string): string {
  return tokenize(name)
    .map((t) => t.key)
    .join(' ');
}

/** True if the text has Cyrillic letters (Russian dates and case endings apply). */
export const isCyrillic = (s: string) => /[\u0400-\u04FF]/.test(s);
/** True for a folded word of plain Latin letters (candidates for misspelling checks). */
export const isLatinWord = (s: string) => /^[a-z]+$/.test(s);
