/**
 * Proves the rule security teams care most about: no part of an answer tells a
 * traveller to use a VPN, tunnel or proxy where VPNs are banned, restricted or of
 * unknown status. Checked for all 250 codes of the world table (assessed, screened and
 * not assessed), for every country file with its VPN law forced to each status, on the
 * full Answer users get (checklist, prose, summary), on the key actions and the trip's
 * merged checklist (a VPN item names exactly the destinations whose law it follows, in
 * text, Slack and Teams, and is never merged into another), and with summarizers that
 * try to slip VPN advice in: an injected one and a model double over real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildAdvisor } from '../../src/app/build-advisor.js';
import { sharedAdvisor } from '../support/shared-advisor.js';
import { buildDestination } from '../../src/advisor/build-destination.js';
import { createAdvisor } from '../../src/advisor/create-advisor.js';
import { dropVpnAdvice } from '../../src/advisor/drop-vpn-advice.js';
import { givesVpnAdvice } from '../../src/content/vpn-advice.js';
import { answerToText } from '../../src/render/answer-to-text.js';
import { checklistBlocks } from '../../src/channels/slack/render/checklist-blocks.js';
import { checklistElements } from '../../src/channels/teams/render/details-elements.js';
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
    const advisor = sharedAdvisor(loadConfig({}, { CONTENT_DIR: CONTENT }));
    for (const entry of content.world.values()) {
      const answer = await advisor.answerForCountries([entry.code], { intent: 'trip', trip: { start: '2026-12-01', end: null, said: null, startInferred: false, endInferred: false } });
      if (answer.destinations[0]!.law.vpn.status === 'allowed') continue;
      for (const s of sentencesOf(answerToText(answer))) expect(givesVpnAdvice(s), `${entry.code}: ${s}`).toBe(false);
    }
  });

  it('the full answer for China, Iran, North Korea, the UAE and every banned or restricted country never recommends a VPN', async () => {
    const advisor = sharedAdvisor(loadConfig({}, { CONTENT_DIR: CONTENT }));
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

describe('key actions and the merged trip checklist follow each destination\'s VPN law', () => {
  const advisor = sharedAdvisor(loadConfig({}, { CONTENT_DIR: CONTENT }));
  const allCodes = [...content.world.keys()].sort();
  const forTrip = (codes: string[]) => advisor.answerForCountries(codes, { intent: 'trip', summary: false });
  /** Every line of the text answer with its "(…; only for …)" note. */
  const linesOf = (text: string) => text.split('\n');

  it('for every one of the 250 codes alone, no key action or checklist item advises a VPN unless VPNs are allowed there', async () => {
    let checked = 0;
    for (const code of allCodes) {
      const answer = await forTrip([code]);
      const d = answer.destinations[0]!;
      // The merged list of a one-place trip is that place's own checklist, nothing added.
      expect(answer.checklist.map((c) => c.id), code).toEqual(d.checklist.map((c) => c.id));
      for (const item of answer.keyActions) expect(answer.checklist.map((c) => c.id)).toContain(item.id);
      if (d.law.vpn.status === 'allowed') continue;
      checked++;
      for (const item of [...answer.keyActions, ...answer.checklist]) expect(givesVpnAdvice(item.text), `${code}: ${item.text}`).toBe(false);
    }
    expect(checked).toBeGreaterThan(240);
  });

  it('India (VPNs allowed) with each of the other 249 codes: VPN advice is for India alone, and the text says "only for India"', async () => {
    expect((await forTrip(['IN'])).destinations[0]!.law.vpn.status).toBe('allowed');
    for (const other of allCodes.filter((c) => c !== 'IN')) {
      const answer = await forTrip(['IN', other]);
      const [india, there] = answer.destinations as [(typeof answer.destinations)[0], (typeof answer.destinations)[0]];
      for (const item of [...answer.checklist, ...answer.keyActions]) {
        // Merging never adds an item to a destination whose own checklist does not have it.
        for (const code of item.destinations) expect(answer.destinations.find((d) => d.countryCode === code)!.checklist.map((c) => c.id), `${other}: ${item.id}`).toContain(item.id);
        if (!givesVpnAdvice(item.text) || there.law.vpn.status === 'allowed') continue;
        expect(item.destinations, `${other}: ${item.id}`).toEqual(['IN']);
      }
      for (const d of [india, there]) for (const c of d.checklist) expect(answer.checklist.find((x) => x.id === c.id)?.destinations, `${d.countryCode}: ${c.id}`).toContain(d.countryCode);
      if (there.law.vpn.status === 'allowed') continue;
      const advice = answer.checklist.filter((c) => givesVpnAdvice(c.text));
      expect(advice.length, other).toBeGreaterThan(0);
      const lines = linesOf(answerToText(answer));
      for (const item of advice)
        for (const line of lines.filter((l) => l.includes(item.text))) expect(line, `${other}: ${line}`).toMatch(/only for India\)$/);
    }
  });

  it('a trip through India, Turkmenistan, Russia and Kyrgyzstan: every VPN item names exactly the places whose law it follows, in Slack and Teams too', async () => {
    const answer = await forTrip(['IN', 'TM', 'RU', 'KG']);
    const byId = new Map(answer.checklist.map((c) => [c.id, c.destinations]));
    expect(byId.get('network-company-vpn')).toEqual(['IN']);
    expect(byId.get('network-vpn-banned')).toEqual(['TM']);
    expect(byId.get('network-vpn-restricted')).toEqual(['RU']);
    expect(byId.get('network-vpn-check-law')).toEqual(['KG']);
    expect(byId.get('network-no-vpn-workaround')).toEqual(['TM', 'RU']);
    const slack = JSON.stringify(checklistBlocks(answer));
    const teams = JSON.stringify(checklistElements(answer));
    for (const rendered of [answerToText(answer), slack, teams]) {
      expect(rendered).toMatch(/Connect to company systems only through the company VPN\.[^\n"]*only for India\)/);
      expect(rendered).toMatch(/VPNs are banned here[^\n"]*only for Turkmenistan\)/);
      expect(rendered).toMatch(/VPN use is restricted here[^\n"]*only for Russia\)/);
      expect(rendered).toMatch(/We do not know whether VPNs are legal here[^\n"]*only for Kyrgyzstan\)/);
    }
    for (const k of answer.keyActions) if (givesVpnAdvice(k.text)) expect(k.destinations).toEqual(['IN']);
  });

  it('the loaner device is a key action for every destination at level 3 or 4, alone or in a trip with others', async () => {
    const risky: string[] = [];
    for (const code of allCodes) {
      const answer = await forTrip([code]);
      if (answer.destinations[0]!.risk.level < 3) continue;
      risky.push(code);
      expect(answer.keyActions.map((k) => k.id), code).toContain('device-loaner');
    }
    expect(risky).toEqual(expect.arrayContaining(['KG', 'KZ', 'RU', 'TM', 'CN', 'IR']));
    const trip = await forTrip(['FR', 'AM', ...risky.slice(0, 11)]);
    expect(trip.keyActions.map((k) => k.id)).toContain('device-loaner');
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
    const base = sharedAdvisor(loadConfig({}, { CONTENT_DIR: CONTENT }));
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
