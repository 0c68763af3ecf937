/**
 * Checks every sentence a model proposes against the passages it was shown, before
 * anything reaches a user. A sentence survives only if it names passage ids, all of
 * them among the passages given, and says nothing those passages do not: enough of
 * its content words appear in them, and every number, negation and reassurance
 * ("safe", "no risk") it contains appears there too. The worst failure of this bot is
 * false reassurance, so the check is deliberately strict; dropped sentences are
 * counted, never repaired.
 */
import type { Passage } from '../content/types.js';
import { NEGATIONS, contentTerms, sentenceTerms, words } from '../content/terms.js';
import type { SourcedSentence } from './cite.js';

/** One sentence as the model returned it, before any check. */
export interface ProposedSentence {
  text: string;
  passages: string[];
}

/** Why a sentence was dropped; logged and counted, never shown to users. */
export type DropReason = 'empty' | 'uncited' | 'unknown-passage' | 'low-overlap' | 'unsupported-number' | 'unsupported-negation' | 'reassurance';

export interface CheckOptions {
  /** Share of a sentence's content words that must appear in its cited passages (default 0.6). */
  minOverlap?: number;
}

export interface CheckResult {
  kept: SourcedSentence[];
  dropped: Array<{ index: number; reason: DropReason }>;
}

/** Words that reassure; the content base states risks, so a model must never add these on its own. */
const REASSURANCE = new Set(['safe', 'safely', 'secure', 'harmless', 'risk-free', 'riskless', 'fine', 'nothing', 'guaranteed']);

const NUMBER = /\d+(?:[.,]\d+)*/g;
const NUMBER_WORDS: Record<string, string> = Object.fromEntries(
  ('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((w, i) => [w, String(i + 1)]) as Array<[string, string]>).concat([
    ['thirty', '30'], ['forty', '40'], ['fifty', '50'], ['hundred', '100'], ['thousand', '1000'], ['million', '1000000'], ['billion', '1000000000'],
  ]),
);

/** Numbers in digits or words ("three" = "3"), so "up to ten years" is caught against "up to three years". */
function numbersIn(text: string): Set<string> {
  const out = new Set((text.match(NUMBER) ?? []).map((n) => n.replace(/,/g, '')));
  for (const w of words(text)) if (NUMBER_WORDS[w]) out.add(NUMBER_WORDS[w]);
  return out;
}

/** Keeps the sentences the cited passages support, each with the source ids it rests on; drops the rest with a reason. */
export function checkLlmSummary(proposed: ProposedSentence[], passages: Passage[], options: CheckOptions = {}): CheckResult {
  const minOverlap = options.minOverlap ?? 0.6;
  const byId = new Map(passages.map((p) => [p.id, p]));
  const kept: SourcedSentence[] = [];
  const dropped: CheckResult['dropped'] = [];

  proposed.forEach((s, index) => {
    const text = s.text.replace(/\s+/g, ' ').trim();
    const ids = [...new Set(s.passages.map((id) => id.trim()).filter(Boolean))];
    const drop = (reason: DropReason) => dropped.push({ index, reason });
    if (!text) return drop('empty');
    if (!ids.length) return drop('uncited');
    if (ids.some((id) => !byId.has(id))) return drop('unknown-passage');

    const cited = ids.map((id) => byId.get(id)!);
    const sourceText = cited.map((p) => `${p.title} ${p.heading} ${p.text}`).join(' ');
    const sourceTerms = new Set(contentTerms(sourceText));
    const sourceWords = new Set(words(sourceText));

    const terms = contentTerms(text);
    if (!terms.length) return drop('low-overlap');
    const found = terms.filter((t) => sourceTerms.has(t)).length;
    if (found / terms.length < minOverlap) return drop('low-overlap');

    const sourceNumbers = numbersIn(sourceText);
    for (const n of numbersIn(text)) if (!sourceNumbers.has(n)) return drop('unsupported-number');

    // A negation must come from a source sentence about the same thing: one with that negation and half the claim's words.
    const sentenceWords = words(text);
    const negations = [...new Set(sentenceWords.filter((w) => NEGATIONS.has(w)))];
    const negationSupported = (neg: string) =>
      cited.some((p) =>
        p.sentences.some((ps) => {
          if (!words(ps.text).includes(neg)) return false;
          const own = new Set(sentenceTerms(ps));
          return terms.filter((t) => own.has(t)).length >= terms.length / 2;
        }),
      );
    if (!negations.every(negationSupported)) return drop('unsupported-negation');
    if (sentenceWords.some((w) => REASSURANCE.has(w) && !sourceWords.has(w))) return drop('reassurance');

    // Cite the sources of the passage sentences this sentence shares words with (all of the passage's when none).
    const mine = new Set(terms);
    const sources = new Set<string>();
    for (const p of cited) {
      const related = p.sentences.filter((ps) => sentenceTerms(ps).some((t) => mine.has(t)));
      for (const ps of related.length ? related : p.sentences) for (const id of ps.sources) sources.add(id);
    }
    if (!sources.size) return drop('uncited');
    kept.push({ text, sources: [...sources], passages: ids });
  });
  return { kept, dropped };
}
