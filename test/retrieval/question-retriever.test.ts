/**
 * Proves the focusing step between the index and the summary (create-question-retriever.ts)
 * on a tiny content base, with the name-only place finder: a country question never gets
 * a topic sentence about another country (named in the sentence or in its section's
 * heading), a subject question gets the asked country's own sentences on the subject
 * first, a country with nothing on the subject is named in `nothingOn` with general
 * passages marked `general`, and an out-of-scope question retrieves nothing.
 */
import { describe, expect, it } from 'vitest';
import type { ContentBase, Passage } from '../../src/content/types.js';
import { createPassageIndex } from '../../src/retrieval/passage-index.js';
import { createQuestionRetriever } from '../../src/retrieval/create-question-retriever.js';
import { passageOwners } from '../../src/content/passages-of.js';

function passage(id: string, title: string, heading: string, sentences: string[], countries: string[] = []): Passage {
  const [kind, rest] = id.split(':') as ['country' | 'topic', string];
  const ref = kind === 'country' ? rest.split('#')[0]!.toUpperCase() : rest.split('#')[0]!;
  return {
    id, kind, ref, title, heading, keywords: [],
    countries: kind === 'country' ? [ref] : countries,
    sentences: sentences.map((text) => ({ text, sources: ['s'] })),
    text: sentences.join(' '),
  };
}

const passages = [
  passage('country:by#overview', 'Belarus', 'Overview', ['Belarus very likely bought Russian interception systems.']),
  passage('country:by#practical-notes', 'Belarus', 'Practical notes', ['Assume text messages can be read at the carrier.', 'Keep critical company information at home.']),
  passage('country:am#overview', 'Armenia', 'Overview', ['Armenia allows police to wiretap phones with a court order.']),
  passage('topic:sorm#outside', 'SORM', 'SORM outside Russia', ['Belarus and Nicaragua acquired SORM.', 'Nicaragua monitors WhatsApp messages of critics.', 'Exported SORM passes names and email addresses to the client government.']),
  passage('topic:sorm#travellers', 'SORM', 'What it means for travellers', ['Where SORM is in use, assume ordinary text messages can be collected.']),
  passage('topic:borders#us', 'Border searches', 'United States', ['Officers may search a laptop at the border without suspicion.']),
];
const names = (pairs: Array<[string, string]>) => new Map(pairs.map(([code, name]) => [code, { code, name }]));
const content = {
  passages,
  owners: passageOwners(passages),
  world: names([['BY', 'Belarus'], ['AM', 'Armenia'], ['NI', 'Nicaragua'], ['RU', 'Russia'], ['US', 'United States']]),
  countries: new Map([['BY', { name: 'Belarus' }], ['AM', { name: 'Armenia' }]]),
} as unknown as ContentBase;
const retriever = createQuestionRetriever({ content, retriever: createPassageIndex(content) });
const ids = (ps: Passage[]) => ps.map((p) => p.id);
const sentences = (ps: Passage[]) => ps.flatMap((p) => p.sentences.map((s) => s.text));

describe('retrieval that stays on the question', () => {
  it('keeps a Belarus question off sentences and sections about other countries only', () => {
    const found = retriever.retrieve('what about SORM and laptops in Belarus?', { intent: 'country', countryCodes: ['BY'] });
    expect(sentences(found.passages)).not.toContain('Nicaragua monitors WhatsApp messages of critics.');
    expect(ids(found.passages)).not.toContain('topic:borders#us');
    expect(sentences(found.passages)).toContain('Belarus and Nicaragua acquired SORM.');
  });

  it('does not take "SORM outside Russia" for a section about Russia', () => {
    const found = retriever.retrieve('what does exported SORM pass on in Belarus?', { intent: 'country', countryCodes: ['BY'] });
    expect(sentences(found.passages)).toContain('Exported SORM passes names and email addresses to the client government.');
  });

  it('gives "is WhatsApp safe in Belarus?" the Belarus file\'s sentences on messages first, and only sentences on messages', () => {
    const found = retriever.retrieve('is WhatsApp safe in Belarus?', { intent: 'country', countryCodes: ['BY'] });
    expect(found.nothingOn).toEqual([]);
    expect(found.general).toBe(false);
    expect(ids(found.passages)[0]).toBe('country:by#practical-notes');
    expect(sentences(found.passages)).toEqual(['Assume text messages can be read at the carrier.', 'Where SORM is in use, assume ordinary text messages can be collected.']);
  });

  it('names Armenia as having nothing on messaging apps and falls back to what topics say in general', () => {
    const found = retriever.retrieve('is WhatsApp safe in Armenia?', { intent: 'country', countryCodes: ['AM'] });
    expect(found.nothingOn).toEqual(['AM']);
    expect(found.general).toBe(true);
    expect(ids(found.passages)).toEqual(['topic:sorm#travellers']);
  });

  it('retrieves nothing for a visa question, and says why', () => {
    const found = retriever.retrieve('do I need a visa for Belarus?', { intent: 'country', countryCodes: ['BY'] });
    expect(found.passages).toEqual([]);
    expect(found.scope.outOfScope?.name).toBe('visas');
  });
});
