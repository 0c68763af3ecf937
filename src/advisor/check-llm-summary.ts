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
import { NEGATIONS, contentTerms, words } from '../content/terms.js';
import type { SourcedSentence } from './cite.js';

export interface ProposedSentence {
  text: string;
  passages: string[];
}

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

function numbersIn(text: string): Set<string> {
  return new Set((text.match(NUMBER) ?? []).map((n) => n.replace(/,/g, '')));
}

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

    const sentenceWords = words(text);
    if (sentenceWords.some((w) => NEGATIONS.has(w)) && !sentenceWords.filter((w) => NEGATIONS.has(w)).every((w) => sourceWords.has(w)))
      return drop('unsupported-negation');
    if (sentenceWords.some((w) => REASSURANCE.has(w) && !sourceWords.has(w))) return drop('reassurance');

    // Cite the sources of the passage sentences this sentence shares words with (all of the passage's when none).
    const mine = new Set(terms);
    const sources = new Set<string>();
    for (const p of cited) {
      const related = p.sentences.filter((ps) => contentTerms(ps.text).some((t) => mine.has(t)));
      for (const ps of related.length ? related : p.sentences) for (const id of ps.sources) sources.add(id);
    }
    if (!sources.size) return drop('uncited');
    kept.push({ text, sources: [...sources], passages: ids });
  });
  return { kept, dropped };
}
