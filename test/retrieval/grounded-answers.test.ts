/**
 * Proves free questions are answered from the content base with citations, offline
 * (extractive), through the composed advisor (buildAdvisor, real content/, real
 * understander), and that questions with no grounded answer get the honest "the content
 * base doesn't cover that" with a pointer to the security team instead of a guess.
 */
import { describe, expect, it } from 'vitest';
import { buildAdvisor } from '../../src/app/build-advisor.js';
import { loadConfig } from '../../src/config.js';
import type { Answer } from '../../src/advisor/answer.js';

const advisor = buildAdvisor(loadConfig({ SECURITY_CONTACT: 'security@example.test' }));

function expectCitedFrom(answer: Answer, prefix: string) {
  expect(answer.summary?.method).toBe('extractive');
  expect(answer.summary!.sentences.length).toBeGreaterThan(0);
  for (const s of answer.summary!.sentences) {
    expect(s.citations.length).toBeGreaterThan(0);
    expect(s.passages.every((id) => id.startsWith(prefix) || id.startsWith('topic:'))).toBe(true);
    for (const n of s.citations) expect(answer.sources.map((x) => x.id)).toContain(answer.summary!.citations[n - 1]!.id);
  }
}

describe('grounded answers to free questions', () => {
  it('"what is SORM?" is a topic answer led by the passage that defines SORM', async () => {
    const a = await advisor.ask('what is SORM?');
    expect(a.intent).toBe('topic');
    expectCitedFrom(a, 'topic:sorm');
    expect(a.summary!.sentences[0]!.passages).toEqual(['topic:sorm#what-sorm-is']);
    expect(a.message).toBeNull();
  });

  it('"which countries use SORM?" names the countries from the content', async () => {
    const a = await advisor.ask('which countries use SORM?');
    expectCitedFrom(a, 'topic:');
    expect(a.summary!.text).toMatch(/Belarus, Kazakhstan, Kyrgyzstan, Uzbekistan, Cuba and Nicaragua/);
  });

  it('"is WhatsApp safe in Uzbekistan?" answers with Uzbekistan\'s advice on encrypted apps, never "safe"', async () => {
    const a = await advisor.ask('is WhatsApp safe in Uzbekistan?');
    expect(a.destinations.map((d) => d.countryCode)).toEqual(['UZ']);
    expectCitedFrom(a, 'country:uz');
    expect(a.summary!.text).toMatch(/end-to-end encrypted apps/);
    expect(a.summary!.text).not.toMatch(/\bis safe\b/);
  });

  it.each(['what is the exchange rate for the euro?', 'who won the Champions League final?', 'what is the best password manager to buy?'])(
    'says the content base does not cover "%s" and points to the security team',
    async (q) => {
      const a = await advisor.ask(q);
      expect(a.summary).toBeNull();
      expect(a.message).toMatch(/content base doesn't cover that/);
      expect(a.message).toContain('security@example.test');
    },
  );

  it('"what\'s the weather in Paris?" gets "doesn\'t cover that", France with its tier and basis, and the security contact', async () => {
    const a = await advisor.ask("what's the weather in Paris?");
    expect(a.summary).toBeNull();
    expect(a.message).toMatch(/content base doesn't cover that/);
    expect(a.message).toContain('security@example.test');
    expect(a.destinations.map((d) => [d.countryCode, d.covered, d.coverage])).toEqual([['FR', false, 'screened']]);
    expect(a.destinations[0]!.risk.basis.length).toBeGreaterThan(0);
    expect(a.destinations[0]!.notice).toContain('security@example.test');
  });
});
