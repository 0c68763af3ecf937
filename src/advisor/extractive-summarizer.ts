/**
 * The default, offline summarizer: picks whole sentences from the retrieved
 * passages, keeping each sentence's own citations. Deterministic: the same passages
 * always give the same summary. Sentences that share the question's words come first,
 * and among them the asked country's own (its country file) before topics; where a
 * sentence lacks the question's own words, the evidence words of its subject
 * (src/retrieval/subjects.ts) stand in once, so "is WhatsApp safe in Minsk?" picks
 * Belarus's sentences on chats and Telegram channels.
 */
import type { ContentBase } from '../content/types.js';
import { contentTerms, sentenceTerms } from '../content/terms.js';
import { sentenceFrequencies } from '../content/sentence-frequencies.js';
import { expandQuery } from '../retrieval/expand-query.js';
import { evidenceTerms, readScope } from '../retrieval/read-scope.js';
import { buildSummary, type SourcedSentence } from './cite.js';
import type { Summarizer, SummaryRequest } from './ports.js';

export interface ExtractiveOptions {
  /** At most this many sentences (default 3). */
  maxSentences?: number;
}

/** Weight of a thesaurus word (expand-query.ts) relative to one of the question's own words. */
const EXPANSION_WEIGHT = 0.5;

/** A sentence whose content words are at least this share of an already picked one's says the same thing again. */
const REPEAT_SHARE = 0.8;

/** True when most of `a`'s words are in `b`: the same fact, told by a country file and a topic alike. */
function repeats(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return a.size > 0 && shared / a.size >= REPEAT_SHARE;
}

export function createExtractiveSummarizer(content: ContentBase, options: ExtractiveOptions = {}): Summarizer {
  const max = options.maxSentences ?? 3;
  // Rarer words say more about what is asked ("countries" over "use"): weight overlap by inverse sentence frequency.
  // The build's digest has them; a content base loaded from the files counts them here.
  const { count, df } = content.digest?.sentences ?? sentenceFrequencies(content.passages);
  const weight = (t: string) => Math.log(1 + count / (df.get(t) ?? 1));
  return {
    async summarize(request: SummaryRequest) {
      // The destination's own name says nothing about which of its sentences answer the question.
      const names = new Set(request.countryCodes.flatMap((c) => contentTerms(content.countries.get(c)?.name ?? '')));
      const query = new Set(contentTerms(request.question).filter((t) => !names.has(t)));
      const extra = new Set(expandQuery(request.question).filter((t) => !query.has(t)));
      // Being on the asked subject ("chats" for WhatsApp) counts once, as much as its weightiest evidence word.
      const evidence = evidenceTerms(readScope(request.question).subjects).filter((t) => !query.has(t) && !extra.has(t));
      const asked = new Set(request.countryCodes);
      // Score each sentence: weighted query-term overlap first, then passage rank, then position in the passage.
      const candidates = request.passages.flatMap((p, rank) =>
        p.sentences.map((s, pos) => {
          const words = new Set(sentenceTerms(s));
          let overlap = 0;
          for (const w of query) if (words.has(w)) overlap += weight(w);
          // Evidence of the subject stands in only where the question's own words are missing ("WhatsApp" vs "chats").
          if (overlap === 0) overlap += EXPANSION_WEIGHT * Math.max(0, ...evidence.filter((w) => words.has(w)).map(weight));
          for (const w of extra) if (words.has(w)) overlap += EXPANSION_WEIGHT * weight(w);
          const own = p.kind === 'country' && asked.has(p.ref);
          return { s, p, rank, pos, overlap, own, words };
        }),
      );
      const picked: typeof candidates = [];
      const usedPassages = new Map<string, number>();
      // Answering sentences first; among them the asked country's own; then by weight, rank and position.
      const sorted = [...candidates].sort(
        (a, b) =>
          Number(b.overlap > 0) - Number(a.overlap > 0) || Number(b.own) - Number(a.own) || b.overlap - a.overlap || a.rank - b.rank || a.pos - b.pos,
      );
      for (const c of sorted) {
        if (picked.length >= max) break;
        // Spread the summary over passages: at most two sentences from one section.
        const used = usedPassages.get(c.p.id) ?? 0;
        if (used >= 2 || picked.some((x) => repeats(c.words, x.words))) continue;
        usedPassages.set(c.p.id, used + 1);
        picked.push(c);
      }
      // Present the picked sentences in reading order (passage rank, then position).
      picked.sort((a, b) => a.rank - b.rank || a.pos - b.pos);
      const sentences: SourcedSentence[] = picked.map((c) => ({ text: c.s.text, sources: c.s.sources, passages: [c.p.id] }));
      return buildSummary(content, sentences, 'extractive');
    },
  };
}
