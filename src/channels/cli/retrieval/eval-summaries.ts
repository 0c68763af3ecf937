/**
 * Measures what a user reads, not only what is retrieved: for every question of the
 * evaluation set that names a destination, the offline (extractive) summary the advisor
 * would show, sentence by sentence. A sentence is on the question when it stays on the
 * asked destinations (it comes from an asked country's file, or names an asked country,
 * or names none) and, when the question cues a subject ("WhatsApp": messaging apps), it
 * is on that subject. "Is WhatsApp safe in Minsk?" ending on Nicaragua fails the first;
 * "can I take my work laptop to Moscow?" opening on procurement records fails the second.
 */
import type { Summarizer } from '../../../advisor/ports.js';
import type { Passage } from '../../../content/types.js';
import type { EvalSet } from '../../../retrieval/eval-retrieval.js';
import { readScope, isOnQuestion } from '../../../retrieval/read-scope.js';
import type { PlaceFinder } from '../../../retrieval/place-finder.js';

/** How the retrieval under test answers a question: the passages it would hand to the summarizer. */
export type PassagesFor = (question: string, countryCodes: string[]) => Passage[];

/** Sentences of the offline summaries, and the ones that left the asked destinations or subject. */
export interface SummaryEvalReport {
  /** Questions with a destination that got a summary. */
  summaries: number;
  sentences: number;
  onQuestion: number;
  off: Array<{ q: string; sentence: string; why: 'other-destination' | 'off-subject' }>;
}

/** Summarises every destination question of `set` and counts the sentences that stay on it. */
export async function evaluateSummaries(
  set: EvalSet,
  passagesFor: PassagesFor,
  summarizer: Summarizer,
  findPlaces: PlaceFinder,
): Promise<SummaryEvalReport> {
  const report: SummaryEvalReport = { summaries: 0, sentences: 0, onQuestion: 0, off: [] };
  for (const item of set.questions) {
    if (!item.countries.length) continue;
    const passages = passagesFor(item.q, item.countries);
    const summary = passages.length
      ? await summarizer.summarize({ question: item.q, intent: 'country', countryCodes: item.countries, passages })
      : null;
    if (!summary) continue;
    report.summaries++;
    const asked = new Set(item.countries);
    const scope = readScope(item.q, findPlaces(item.q).words);
    for (const s of summary.sentences) {
      report.sentences++;
      const fromOwnFile = s.passages.some((id) => asked.has(/^country:([a-z]{2})#/.exec(id)?.[1]?.toUpperCase() ?? ''));
      const named = findPlaces(s.text).codes;
      if (!fromOwnFile && named.length && !named.some((c) => asked.has(c))) report.off.push({ q: item.q, sentence: s.text, why: 'other-destination' });
      else if (!isOnQuestion(s.text, scope)) report.off.push({ q: item.q, sentence: s.text, why: 'off-subject' });
      else report.onQuestion++;
    }
  }
  return report;
}
