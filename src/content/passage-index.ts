/**
 * BM25 passage index over every `## ` section of country and topic files, built once
 * at start-up with MiniSearch. Country filters keep a trip answer about its country.
 */
import MiniSearch from 'minisearch';
import type { Retriever, RetrieveOptions } from '../advisor/ports.js';
import type { ContentBase, Passage } from './types.js';

export function createPassageIndex(content: ContentBase): Retriever {
  const byId = new Map(content.passages.map((p) => [p.id, p]));
  const index = new MiniSearch<Passage>({
    fields: ['title', 'heading', 'keywordText', 'text'],
    storeFields: ['id'],
    extractField: (doc, field) => {
      if (field === 'keywordText') return doc.keywords.join(' ');
      const value = (doc as unknown as Record<string, unknown>)[field];
      return typeof value === 'string' ? value : '';
    },
    searchOptions: { boost: { title: 2, keywordText: 3, heading: 1.5 }, prefix: true, fuzzy: 0.15, combineWith: 'OR' },
  });
  index.addAll(content.passages);

  return {
    search(query: string, options: RetrieveOptions = {}): Passage[] {
      const limit = options.limit ?? 5;
      const countries = options.countries?.length ? new Set(options.countries) : null;
      const includeTopics = options.includeTopics ?? !countries;
      const allowed = (p: Passage) =>
        (p.kind === 'country' && (!countries || countries.has(p.ref))) ||
        (p.kind === 'topic' && includeTopics && (!countries || p.countries.length === 0 || p.countries.some((c) => countries.has(c))));
      const hits = query.trim()
        ? index
            .search(query, { filter: (r) => allowed(byId.get(r.id as string)!) })
            .map((r) => byId.get(r.id as string)!)
        : [];
      const result = hits.slice(0, limit);
      // A trip question may carry no content words ("Kyrgyzstan next week"): fill with the country's sections in order.
      if (countries && result.length < limit) {
        for (const p of content.passages) {
          if (result.length >= limit) break;
          if (p.kind === 'country' && countries.has(p.ref) && !result.includes(p)) result.push(p);
        }
      }
      return result;
    },
  };
}
