/**
 * Proves the passage index's contract on a tiny content base: country filters, topics
 * scoped to their countries, plural folding, the grounding gate (minCoverage) that makes
 * unanswerable questions retrieve nothing, and that thesaurus words can rank passages
 * but never ground a question on their own.
 */
import { describe, expect, it } from 'vitest';
import type { ContentBase, Passage } from './types.js';
import { createPassageIndex } from './passage-index.js';

function passage(id: string, title: string, heading: string, text: string, extra: Partial<Passage> = {}): Passage {
  const [kind, rest] = id.split(':') as ['country' | 'topic', string];
  const ref = kind === 'country' ? rest.split('#')[0]!.toUpperCase() : rest.split('#')[0]!;
  return { id, kind, ref, title, heading, countries: kind === 'country' ? [ref] : [], keywords: [], sentences: [{ text, sources: ['s'] }], text, ...extra };
}

const passages = [
  passage('country:uz#overview', 'Uzbekistan', 'Overview', 'Uzbekistan very likely bought Russian interception systems.'),
  passage('country:uz#practical-notes', 'Uzbekistan', 'Practical notes', 'Assume calls can be read at the carrier, and use end-to-end encrypted apps for sensitive conversations.'),
  passage('country:kz#overview', 'Kazakhstan', 'Overview', 'Kazakhstan asked users to install a state root certificate.'),
  passage('country:kz#legal-framework', 'Kazakhstan', 'Legal framework', 'Operators must provide interception functions at their own expense.'),
  passage('topic:sorm#what-sorm-is', 'SORM', 'What SORM is', 'SORM is the Russian system of lawful interception.', { keywords: ['SORM'] }),
  passage('topic:sorm#outside-russia', 'SORM', 'SORM outside Russia', 'Press coverage names six countries that acquired SORM.', { keywords: ['SORM'] }),
  passage('topic:certs#kazakhstan', 'Root certificates', 'The Kazakhstan case', 'Providers asked users to install a certificate.', { countries: ['KZ'] }),
];
const index = createPassageIndex({ passages } as unknown as ContentBase);
const ids = (ps: Passage[]) => ps.map((p) => p.id);

describe('createPassageIndex', () => {
  it('keeps a country question on that country, filling with its sections in order', () => {
    expect(ids(index.search('overview', { countries: ['UZ'], limit: 5 }))).toEqual(['country:uz#overview', 'country:uz#practical-notes']);
  });

  it('includes topics about the country, not topics about another', () => {
    const found = ids(index.search('certificate', { countries: ['KZ'], includeTopics: true }));
    expect(found).toContain('topic:certs#kazakhstan');
    expect(ids(index.search('certificate', { countries: ['UZ'], includeTopics: true }))).not.toContain('topic:certs#kazakhstan');
  });

  it('matches plurals to singulars and ignores stop words', () => {
    expect(ids(index.search('which countries acquired it?'))[0]).toBe('topic:sorm#outside-russia');
    expect(index.search('what is the', { minCoverage: 0.5 })).toEqual([]);
  });

  it('returns nothing for a question whose words the content does not have', () => {
    expect(index.search("what's the weather in Paris?", { minCoverage: 0.5 })).toEqual([]);
    expect(ids(index.search('what is SORM?', { minCoverage: 0.5 }))[0]).toBe('topic:sorm#what-sorm-is');
  });

  it('does not treat a word mentioned in passing as grounding unless nearly all words match', () => {
    expect(index.search('can I expense my dinner?', { minCoverage: 0.5 })).toEqual([]);
    expect(ids(index.search('what does SORM stand for?', { minCoverage: 0.5 }))[0]).toBe('topic:sorm#what-sorm-is');
    expect(ids(index.search('are interception functions an operator expense?', { minCoverage: 0.5 }))).toContain('country:kz#legal-framework');
  });

  it('lets thesaurus words rank passages but never ground a question', () => {
    expect(ids(index.search('is WhatsApp safe?', { countries: ['UZ'] }))[0]).toBe('country:uz#practical-notes');
    expect(index.search('is it safe?', { minCoverage: 0.5 })).toEqual([]);
  });
});
