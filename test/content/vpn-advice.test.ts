/**
 * Proves the rule security teams care most about: no part of an answer tells a
 * traveller to use a VPN, tunnel or proxy where VPNs are banned, restricted or of
 * unknown status. Checked for all 250 codes of the world table (assessed, screened and
 * not assessed), for every country file with its VPN law forced to each status, on the
 * full Answer users get (checklist, prose, summary), and with summarizers that try to
 * slip VPN advice in: an injected one and a model double over real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildAdvisor } from '../../src/app/build-advisor.js';
import { buildDestination } from '../../src/advisor/build-destination.js';
import { createAdvisor } from '../../src/advisor/create-advisor.js';
import { dropVpnAdvice } from '../../src/advisor/drop-vpn-advice.js';
import { givesVpnAdvice } from '../../src/content/vpn-advice.js';
import { answerToText } from '../../src/render/answer-to-text.js';
import { loadContent } from '../../src/content/load-content.js';
import type { ContentBase } from '../../src/content/types.js';
import type { LawStatus } from '../../src/content/schema.js';
import type { Summary } from '../../src/advisor/answer.js';
import { startOpenAiDouble, type OpenAiDouble } from '../doubles/openai-server.js';
import { CONTENT } from './content-fixture.js';

const content = loadContent(CONTENT, { today: new Date('2026-11-29T00:00:00Z') });
const codes = [...content.countries.keys()].sort();
const NOW = new Date('2026-11-29T09:00:00Z');

function withVpnLaw(base: ContentBase, code: string, status: LawStatus): ContentBase {
  const countries = new Map(base.countries);
  const c = countries.get(code)!;
  countries.set(code, { ...c, law: { ...c.law, vpn: { ...c.law.vpn, status } } });
  return { ...base, countries };
}

/** Every sentence of an answer a person reads: text rendering, split into sentences. */
const sentencesOf = (text: string) => text.split(/(?<=[.!?])\s+|\n/).filter((s) => s.trim());

describe('VPN advice follows the law in every country', () => {
  it('covers every country the research names', () => {
    expect(codes).toEqual(expect.arrayContaining(['AM', 'AZ', 'BY', 'CU', 'KG', 'KZ', 'NI', 'RU', 'TJ', 'TM', 'UA', 'UZ', 'VE', 'CN', 'IR']));
  });

  for (const code of codes) {
    for (const status of ['banned', 'restricted'] as const) {
      it(`${code} with VPNs ${status}: no checklist item recommends a VPN, and one sends the traveller to the security team`, () => {
        const d = buildDestination(withVpnLaw(content, code, status), code, code);
        for (const c of d.checklist) expect(givesVpnAdvice(c.text), c.text).toBe(false);
        const instead = d.checklist.filter((c) => /\bVPN\b/.test(c.text) && /security team/i.test(c.text) && c.phase === 'before');
        expect(instead.length).toBeGreaterThan(0);
        expect(instead.some((c) => /instead/i.test(c.text))).toBe(true);
      });
    }
  }

  it('the company VPN is recommended only where VPNs are allowed', () => {
    for (const code of codes) {
      for (const status of ['allowed', 'unknown', 'banned', 'restricted'] as const) {
        const d = buildDestination(withVpnLaw(content, code, status), code, code);
        const recommends = d.checklist.filter((c) => givesVpnAdvice(c.text));
        if (status === 'allowed') expect(recommends.map((c) => c.id)).toContain('network-company-vpn');
        else expect(recommends, `${code} ${status}`).toEqual([]);
      }
    }
  });

  it('no destination of the world table whose VPN status is not "allowed" gets VPN advice in its checklist', () => {
    expect(content.world.size).toBe(250);
    let checked = 0;
    for (const entry of content.world.values()) {
      const d = buildDestination(content, entry.code, entry.name);
      if (d.law.vpn.status === 'allowed') continue;
      checked++;
      for (const c of d.checklist) expect(givesVpnAdvice(c.text), `${entry.code}: ${c.text}`).toBe(false);
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('no sentence of the full text answer for any of the 250 codes advises a VPN unless VPNs are allowed there', async () => {
    const advisor = buildAdvisor(loadConfig({}, { CONTENT_DIR: CONTENT }));
    for (const entry of content.world.values()) {
      const answer = await advisor.answerForCountries([entry.code], { intent: 'trip', trip: { start: '2026-12-01', end: null, said: null, startInferred: false, endInferred: false } });
      if (answer.destinations[0]!.law.vpn.status === 'allowed') continue;
      for (const s of sentencesOf(answerToText(answer))) expect(givesVpnAdvice(s), `${entry.code}: ${s}`).toBe(false);
    }
  });

  it('the full answer for China, Iran, North Korea, the UAE and every banned or restricted country never recommends a VPN', async () => {
    const advisor = buildAdvisor(loadConfig({}, { CONTENT_DIR: CONTENT }));
    const restrictive = codes.filter((c) => content.countries.get(c)!.law.vpn.status !== 'allowed');
    expect(restrictive).toEqual(expect.arrayContaining(['BY', 'RU', 'TM', 'CN', 'IR', 'AE']));
    const names = [...restrictive.map((c) => content.countries.get(c)!.name), 'North Korea', 'Pyongyang', 'Ashgabat', 'Shanghai'];
    for (const name of names) {
      for (const question of [`travelling to ${name} next week`, `can I use a VPN in ${name}?`]) {
        const answer = await advisor.ask(question, { now: NOW });
        for (const s of sentencesOf(answerToText(answer))) expect(givesVpnAdvice(s), `${question}: ${s}`).toBe(false);
      }
    }
  });
});

describe('summaries never carry VPN advice where it may break local law', () => {
  const tryingSummary = (content: ContentBase): Summary => ({
    text: '',
    method: 'llm',
    citations: [
      { id: 'rf-2025', title: 't', url: content.sources.get('rf-2025')!.url },
      { id: 'top10vpn-tm', title: 't', url: 'https://example.org' },
    ],
    sentences: [
      { text: 'Use the company VPN for all work traffic while in Turkmenistan.', citations: [1], passages: ['country:tm#overview'] },
      { text: 'VPNs are reported to be banned in Turkmenistan.', citations: [2], passages: ['country:tm#overview'] },
    ],
  });

  it('drops the advice sentence and renumbers the citations of what is left', () => {
    const s = dropVpnAdvice(tryingSummary(content))!;
    expect(s.sentences.map((x) => x.text)).toEqual(['VPNs are reported to be banned in Turkmenistan.']);
    expect(s.sentences[0]!.citations).toEqual([1]);
    expect(s.citations.map((c) => c.id)).toEqual(['top10vpn-tm']);
  });

  it('an injected summarizer that tries gets its VPN sentence removed for Ashgabat', async () => {
    const base = buildAdvisor(loadConfig({}, { CONTENT_DIR: CONTENT }));
    const advisor = createAdvisor({
      content,
      understander: { understand: (text, o) => base.understand(text, o) },
      retriever: { search: () => content.passages.filter((p) => p.ref === 'TM') },
      summarizer: { summarize: async () => tryingSummary(content) },
    });
    const answer = await advisor.ask('can I use a VPN in Ashgabat?', { now: NOW });
    expect(answer.destinations[0]!.countryCode).toBe('TM');
    expect(answer.summary!.sentences.map((s) => s.text)).toEqual(['VPNs are reported to be banned in Turkmenistan.']);
  });

  describe('with a model double over real HTTP that adds VPN advice', () => {
    let double: OpenAiDouble;
    beforeAll(async () => {
      double = await startOpenAiDouble('vpn-advice');
    });
    afterAll(() => double.close());

    it('never shows it for Ashgabat, Minsk or Moscow', async () => {
      const advisor = buildAdvisor(loadConfig({ OPENAI_API_KEY: 'sk-double', OPENAI_BASE_URL: double.url }, { CONTENT_DIR: CONTENT }));
      for (const q of ['can I use a VPN in Ashgabat?', 'is a VPN ok in Minsk?', 'should I use a VPN in Moscow?']) {
        const before = double.requests.length;
        const answer = await advisor.ask(q, { now: NOW });
        expect(double.requests.length, q).toBe(before + 1);
        for (const s of answer.summary?.sentences ?? []) expect(givesVpnAdvice(s.text), `${q}: ${s.text}`).toBe(false);
        for (const s of sentencesOf(answerToText(answer))) expect(givesVpnAdvice(s), `${q}: ${s}`).toBe(false);
      }
    });
  });
});
