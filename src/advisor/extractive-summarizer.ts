/**
 * The default, offline summarizer: picks whole sentences from the retrieved
 * passages, keeping each sentence's own citations. Deterministic: the same passages
 * always give the same summary.
 */
import type { ContentBase } from '../content/types.js';
import { buildSummary, type SourcedSentence } from './cite.js';
import type { Summarizer, SummaryRequest } from './ports.js';

export interface ExtractiveOptions {
  /** At most this many sentences (default 3). */
  maxSentences?: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
const STOP = new Set(
  'a an and are as at be by for from has have in is it its of on or that the their this to was were what which who with how i me my we our you your about does do next week going travelling traveling trip'.split(' '),
);

function terms(text: string): Set<string> {
  return new Set((text.toLowerCase().match(WORD) ?? []).filter((w) => w.length > 2 && !STOP.has(w)));
}

export function createExtractiveSummarizer(content: ContentBase, options: ExtractiveOptions = {}): Summarizer {
  const max = options.maxSentences ?? 3;
  return {
    async summarize(request: SummaryRequest) {
      const query = terms(request.question);
      // Score each sentence: query-term overlap first, then passage rank, then position in the passage.
      const candidates = request.passages.flatMap((p, rank) =>
        p.sentences.map((s, pos) => {
          const words = terms(s.text);
          let overlap = 0;
          for (const w of query) if (words.has(w)) overlap++;
          return { s, p, rank, pos, overlap };
        }),
      );
      const picked: typeof candidates = [];
      const usedPassages = new Map<string, number>();
      const sorted = [...candidates].sort(
        (a, b) => b.overlap - a.overlap || a.rank - b.rank || a.pos - b.pos,
      );
      for (const c of sorted) {
        if (picked.length >= max) break;
        // Spread the summary over passages: at most two sentences from one section.
        const used = usedPassages.get(c.p.id) ?? 0;
        if (used >= 2) continue;
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
