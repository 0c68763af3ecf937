/**
 * Proves the rule security teams care most about: where a country file says VPNs are
 * banned or restricted, the answer never tells the traveller to use a VPN, and does
 * tell them what to do instead and to talk to the security team. Checked for every
 * country in the content base, both as shipped and with its VPN law forced to banned
 * and to restricted, on the full Answer users get (checklist and summary).
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildAdvisor } from '../../src/app/build-advisor.js';
import { buildDestination } from '../../src/advisor/build-destination.js';
import { answerToText } from '../../src/render/answer-to-text.js';
import { loadContent } from '../../src/content/load-content.js';
import type { ContentBase } from '../../src/content/types.js';
import type { LawStatus } from '../../src/content/schema.js';
import { CONTENT } from './content-fixture.js';

const content = loadContent(CONTENT, { today: new Date('2026-11-23T00:00:00Z') });
const codes = [...content.countries.keys()].sort();

/** A clause that tells the reader to use a VPN: "use the company VPN", "connect through a VPN"… */
const RECOMMENDS_VPN = /(^|[.;:]\s*|\b(and|then)\s+)(please\s+)?(use|connect|install|turn on|switch on|enable|rely on|reach)\b[^.;]*\bVPNs?\b/i;

function withVpnLaw(base: ContentBase, code: string, status: LawStatus): ContentBase {
  const countries = new Map(base.countries);
  const c = countries.get(code)!;
  countries.set(code, { ...c, law: { ...c.law, vpn: { ...c.law.vpn, status } } });
  return { ...base, countries };
}

function vpnLines(texts: string[]) {
  return texts.filter((t) => /\bVPNs?\b/i.test(t));
}

describe('VPN advice follows the law in every country', () => {
  it('covers every country the research names', () => {
    expect(codes).toEqual(expect.arrayContaining(['AM', 'AZ', 'BY', 'CU', 'KG', 'KZ', 'NI', 'RU', 'TJ', 'TM', 'UA', 'UZ', 'VE']));
  });

  for (const code of codes) {
    for (const status of ['banned', 'restricted'] as const) {
      it(`${code} with VPNs ${status}: no checklist item recommends a VPN, and one sends the traveller to the security team`, () => {
        const d = buildDestination(withVpnLaw(content, code, status), code, code);
        const texts = d.checklist.map((c) => c.text);
        for (const t of vpnLines(texts)) {
          expect(t, t).not.toMatch(RECOMMENDS_VPN);
          expect(t).toMatch(/\b(do not|don't)\b/i);
        }
        const instead = d.checklist.filter((c) => /\bVPN\b/.test(c.text) && /security team/i.test(c.text) && c.phase === 'before');
        expect(instead.length).toBeGreaterThan(0);
        expect(instead.some((c) => /instead/i.test(c.text))).toBe(true);
      });
    }
  }

  it('the company VPN is recommended only where VPNs are allowed (or unknown at baseline)', () => {
    for (const code of codes) {
      for (const status of ['allowed', 'unknown', 'banned', 'restricted'] as const) {
        const d = buildDestination(withVpnLaw(content, code, status), code, code);
        const recommends = d.checklist.filter((c) => RECOMMENDS_VPN.test(c.text));
        if (status === 'banned' || status === 'restricted') expect(recommends).toEqual([]);
        if (status === 'allowed') expect(recommends.map((c) => c.id)).toContain('network-company-vpn');
      }
    }
  });

  it('the full answer users get for countries whose file says banned or restricted never recommends a VPN', async () => {
    const advisor = buildAdvisor(loadConfig({}, { CONTENT_DIR: CONTENT }));
    const restrictive = codes.filter((c) => ['banned', 'restricted'].includes(content.countries.get(c)!.law.vpn.status));
    expect(restrictive).toEqual(expect.arrayContaining(['BY', 'RU', 'TM']));
    for (const code of restrictive) {
      for (const question of [`travelling to ${content.countries.get(code)!.name} next week`, `is a VPN ok in ${content.countries.get(code)!.name}?`]) {
        const answer = await advisor.ask(question, { now: new Date('2026-11-23T09:00:00Z') });
        const text = answerToText(answer);
        const sentences = text.split(/(?<=[.!?])\s+|\n/);
        for (const s of vpnLines(sentences)) expect(s, `${code}: ${s}`).not.toMatch(RECOMMENDS_VPN);
      }
    }
  });
});
