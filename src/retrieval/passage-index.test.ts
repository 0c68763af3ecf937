/**
 * Proves the passage index's contract on a tiny content base: country filters, topics
 * scoped to their countries, plural folding, the grounding gate (minCoverage) that makes
 * unanswerable questions retrieve nothing, judged one passage at a time and through a
 * domain word when no word names a passage's subject, and that thesaurus words can rank
 * passages but never ground a question on their own.
 */
import { describe, expect, it } from 'vitest';
import type { ContentBase, Passage } from '../content/types.js';
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

  describe('grounding is judged per passage, through a domain word', () => {
    const inPassing = [
      passage('country:qa#overview', 'Qatar', 'Overview', 'Before the 2022 World Cup visitors had to install apps.'),
      passage('topic:cameras#deals', 'Safe city', 'Deals', 'Huawei won contracts for cameras in many cities.', { keywords: ['cameras'] }),
      passage('topic:cooperation#travellers', 'Cooperation', 'What it means for travellers', 'Critics in contact with its exiles should talk to the security team.', { keywords: ['exiles'] }),
      passage('topic:cooperation#what-it-is', 'Cooperation', 'What it is', 'Galeotti describes how the services share information.'),
    ];
    const everyday = new Set(['world', 'cup', 'won', 'next', 'visitor', 'install', 'critic', 'contact', 'exiled', 'share']);
    const gated = createPassageIndex({ passages: inPassing } as unknown as ContentBase, { isDomainWord: (w) => !everyday.has(w) });

    it('does not ground "who won the world cup?" on "World Cup" in one passage and "won" in another', () => {
      expect(createPassageIndex({ passages: inPassing } as unknown as ContentBase).search('who won the world cup?', { minCoverage: 0.5 })).toEqual([]);
    });

    it('does not ground a question whose words all meet in passing unless one is a domain word', () => {
      expect(gated.search('when is the next world cup?', { minCoverage: 0.5 })).toEqual([]);
      expect(ids(gated.search('who is Galeotti?', { minCoverage: 0.5 }))[0]).toBe('topic:cooperation#what-it-is');
    });

    it('meets another form of the same word ("exiled" and "exiles"), never a different word ("won" and "win")', () => {
      expect(ids(gated.search('I am in contact with exiled critics', { minCoverage: 0.5 }))[0]).toBe('topic:cooperation#travellers');
    });
  });
});
