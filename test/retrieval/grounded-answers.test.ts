/**
 * Proves free questions are answered from the content base with citations, offline
 * (extractive), through the composed advisor (buildAdvisor, real content/, real
 * understander), and that the summary stays on the question: on the asked destinations
 * and the asked subject ("is WhatsApp safe in Minsk?" gets Belarus on messaging, never
 * Nicaragua), or says plainly that the content base has nothing on it. Questions with no
 * grounded answer get the honest "the content base doesn't cover that" with a pointer to
 * the security team; visa, weather, drone and vaccination questions are told what the
 * advisor covers, then get the destination's risk answer.
 */
import { describe, expect, it } from 'vitest';
import { sharedAdvisor } from '../support/shared-advisor.js';
import { loadConfig } from '../../src/config.js';
import type { Answer } from '../../src/advisor/answer.js';
import { givesVpnAdvice } from '../../src/content/vpn-advice.js';
import { gazetteerPlaceFinder } from '../../src/retrieval/place-finder.js';
import { sharedUnderstander } from '../support/shared-understander.js';

const config = loadConfig({ SECURITY_CONTACT: 'security@example.test' });
const advisor = sharedAdvisor(config);
/** Which countries a sentence names, read by the same gazetteer the advisor uses. */
const placesIn = gazetteerPlaceFinder(sharedUnderstander().gazetteer);

/** Every sentence rests on the asked country's file, or names the asked country, or names none. */
function expectOnDestinations(answer: Answer, codes: string[]) {
  for (const s of answer.summary!.sentences) {
    const ownFile = s.passages.some((id) => codes.some((c) => id.startsWith(`country:${c.toLowerCase()}#`)));
    const named = placesIn(s.text).codes;
    expect(ownFile || named.length === 0 || named.some((c) => codes.includes(c)), s.text).toBe(true);
  }
}

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

  it.each(['who won the world cup?', 'when is the next world cup?', 'who won the Champions League final?', 'what is the best password manager to buy?'])(
    'says the content base does not cover "%s" and points to the security team',
    async (q) => {
      const a = await advisor.ask(q);
      expect(a.summary).toBeNull();
      expect(a.message).toMatch(/content base doesn't cover that/);
      expect(a.message).toContain('security@example.test');
    },
  );

  it('"what\'s the weather in Paris?" is told what the advisor covers, then gets France with its tier, basis and the security contact', async () => {
    const a = await advisor.ask("what's the weather in Paris?");
    expect(a.summary).toBeNull();
    expect(a.message).toBe('I cover surveillance and device security, not the weather. Here is the surveillance risk for France.');
    expect(a.destinations.map((d) => [d.countryCode, d.covered, d.coverage])).toEqual([['FR', false, 'screened']]);
    expect(a.destinations[0]!.risk.basis.length).toBeGreaterThan(0);
    expect(a.destinations[0]!.notice).toContain('security@example.test');
  });
});

describe('summaries stay on the question', () => {
  it('"is WhatsApp safe in Minsk?" gets Belarus on messaging: its notes on text messages, chats and Telegram channels', async () => {
    const a = await advisor.ask('is WhatsApp safe in Minsk?');
    expect(a.destinations.map((d) => d.countryCode)).toEqual(['BY']);
    expect(a.message).toBeNull();
    expectCitedFrom(a, 'country:by');
    for (const s of a.summary!.sentences) {
      expect(s.passages.every((id) => id.startsWith('country:by#')), s.text).toBe(true);
      expect(s.text).toMatch(/message|chat|Telegram|WhatsApp|encrypted app/i);
    }
    expect(a.summary!.text).toMatch(/Telegram/);
    expect(a.summary!.text).not.toMatch(/Nicaragua|Cuba|Uzbek|Insikt/);
  });

  it('"can I take my work laptop to Moscow?" opens with Russia\'s own advice on devices, never procurement records', async () => {
    const a = await advisor.ask('can I take my work laptop to Moscow?');
    expect(a.destinations.map((d) => d.countryCode)).toEqual(['RU']);
    expect(a.summary!.sentences[0]!.passages).toEqual(['country:ru#practical-notes']);
    for (const s of a.summary!.sentences) expect(s.text).toMatch(/device|laptop|border|unlock|password/i);
    expect(a.summary!.text).not.toMatch(/procurement|Uzbek|Iskratel/);
    expectOnDestinations(a, ['RU']);
  });

  it.each([
    ['is WhatsApp safe in Yerevan?', 'AM', 'The content base has nothing on messaging apps in Armenia; here is what it says about messaging apps in general.'],
    ['is WhatsApp safe in Paris?', 'FR', 'The content base has nothing on messaging apps in France; here is what it says about messaging apps in general.'],
    ['are there surveillance cameras in Minsk?', 'BY', 'The content base has nothing on cameras and video surveillance in Belarus; here is what it says about cameras and video surveillance in general.'],
  ])('"%s" says the content base has nothing on the subject there, then what it says in general', async (q, code, message) => {
    const a = await advisor.ask(q);
    expect(a.destinations.map((d) => d.countryCode)).toEqual([code]);
    expect(a.message).toBe(message);
    expect(a.summary!.sentences.length).toBeGreaterThan(0);
    for (const s of a.summary!.sentences) {
      expect(s.passages.every((id) => id.startsWith('topic:')), s.text).toBe(true);
      // General means general: no sentence about some other country stands in for the asked one.
      expect(placesIn(s.text).codes.filter((c) => c !== code), s.text).toEqual([]);
    }
  });

  it('"is WhatsApp safe in Minsk and Yerevan?" answers for Belarus and says Armenia has nothing on it', async () => {
    const a = await advisor.ask('is WhatsApp safe in Minsk and Yerevan?');
    expect(a.destinations.map((d) => d.countryCode)).toEqual(['BY', 'AM']);
    expect(a.message).toBe('The content base has nothing on messaging apps in Armenia; here is what it says about messaging apps in Belarus.');
    for (const s of a.summary!.sentences) expect(s.passages.every((id) => id.startsWith('country:by#')), s.text).toBe(true);
  });

  it.each([
    ['do I need a visa for Russia?', 'RU', 'visas', 'Russia'],
    ["what's the weather in Moscow?", 'RU', 'the weather', 'Russia'],
    ['can I fly a drone in Uzbekistan?', 'UZ', 'drones', 'Uzbekistan'],
    ['which vaccinations do I need for Kyrgyzstan?', 'KG', 'vaccinations and health', 'Kyrgyzstan'],
  ])('"%s" is told the advisor covers surveillance and device security, then gets the compact risk answer', async (q, code, topic, name) => {
    const a = await advisor.ask(q);
    expect(a.message).toBe(`I cover surveillance and device security, not ${topic}. Here is the surveillance risk for ${name}.`);
    expect(a.summary).toBeNull();
    expect(a.destinations.map((d) => [d.countryCode, d.covered])).toEqual([[code, true]]);
    expect(a.destinations[0]!.risk.level).toBeGreaterThanOrEqual(2);
    expect(a.destinations[0]!.checklist.length).toBeGreaterThan(0);
  });

  it('"do I need a visa?" without a destination is told what the advisor covers and what to ask instead', async () => {
    const a = await advisor.ask('do I need a visa?');
    expect(a.destinations).toEqual([]);
    expect(a.summary).toBeNull();
    expect(a.message).toBe('I cover surveillance and device security, not visas. Try "travelling to Kyrgyzstan next week" or "what is SORM?".');
  });

  it('a question that asks about Telegram and a VPN in Minsk stays on the subject and never advises a VPN there', async () => {
    const a = await advisor.ask('is Telegram safe in Minsk, or should I use a VPN?');
    expectOnDestinations(a, ['BY']);
    expect(a.summary!.text).toMatch(/Telegram|VPN/);
    for (const s of a.summary!.sentences) expect(givesVpnAdvice(s.text), s.text).toBe(false);
  });
});
