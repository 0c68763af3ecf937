/**
 * Turns sentences that carry source ids into a Summary with numbered citations
 * (1..n in order of first use). Shared by every summarizer so numbering is uniform.
 */
import type { ContentBase } from '../content/types.js';
import type { Summary } from './answer.js';

export interface SourcedSentence {
  text: string;
  sources: string[];
  passages: string[];
}

export function buildSummary(
  content: ContentBase,
  sentences: SourcedSentence[],
  method: Summary['method'],
): Summary | null {
  if (!sentences.length) return null;
  const order: string[] = [];
  const numbered = sentences.map((s) => ({
    text: s.text,
    passages: s.passages,
    citations: s.sources
      .filter((id) => content.sources.has(id))
      .map((id) => {
        if (!order.includes(id)) order.push(id);
        return order.indexOf(id) + 1;
      }),
  }));
  return {
    text: numbered.map((s) => s.text).join(' '),
    method,
    citations: order.map((id) => {
      const src = content.sources.get(id)!;
      return { id, title: src.title, url: src.url };
    }),
    sentences: numbered,
  };
}
