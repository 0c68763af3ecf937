/**
 * One destination of an Answer, entirely from content: coverage tier, level with its
 * basis, indicators, law, the official advisory as context, and the checklist.
 */
import type { ContentBase } from '../content/types.js';
import type { Destination } from './answer.js';
import { notAssessedRisk, scoreCountry, screenCountry } from './score-country.js';
import { anyFactKnown, screenedFacts } from './screen-country.js';
import { selectChecklist } from './select-checklist.js';

const UNKNOWN_LAW = { status: 'unknown' as const, note: 'The content base has no information on this: ask the security team before you rely on it.', sources: [] };

function advisoryOf(content: ContentBase, code: string): Destination['advisory'] {
  const a = content.world.get(code)?.advisory;
  return a ? { level: a.level, title: a.title, date: a.date, reasons: a.reasons, url: a.url } : null;
}

export function buildDestination(content: ContentBase, code: string, fallbackName: string, contact = 'your security team'): Destination {
  const country = content.countries.get(code);
  if (!country) {
    const facts = screenedFacts(content, code);
    const screened = anyFactKnown(facts);
    const risk = screened ? screenCountry(content, code) : notAssessedRisk(content);
    const law = {
      vpn: facts.vpn ? { status: facts.vpn.status, note: facts.vpn.note, sources: facts.vpn.sources } : UNKNOWN_LAW,
      encryption: facts.encryption ? { status: facts.encryption.status, note: facts.encryption.note, sources: facts.encryption.sources } : UNKNOWN_LAW,
    };
    const name = content.world.get(code)?.name ?? fallbackName;
    return {
      countryCode: code,
      countryName: name,
      covered: false,
      coverage: screened ? 'screened' : 'not-assessed',
      risk,
      indicators: [],
      law,
      advisory: advisoryOf(content, code),
      review: null,
      checklist: selectChecklist(content.checklist, { level: risk.level, vpn: law.vpn.status, encryption: law.encryption.status, indicators: {} }),
      lastReviewed: null,
      notice: screened
        ? `${name} has been screened, not assessed: the level rests on the few facts below and may be higher. Ask ${contact} before you rely on it.`
        : `${name} has not been assessed: the content base knows nothing about surveillance there. Treat the trip as elevated and ask ${contact} before you go.`,
      territory: null,
    };
  }
  const risk = scoreCountry(content, country);
  const statuses = Object.fromEntries(Object.entries(country.indicators).map(([id, i]) => [id, i.status]));
  return {
    countryCode: country.code,
    countryName: country.name,
    covered: true,
    coverage: 'assessed',
    risk,
    indicators: content.indicators.map((def) => {
      const i = country.indicators[def.id]!;
      return { id: def.id, name: def.name, status: i.status, evidence: i.evidence, sources: i.sources };
    }),
    law: { vpn: country.law.vpn, encryption: country.law.encryption },
    advisory: advisoryOf(content, code),
    review: {
      status: country.reviewed ? 'reviewed' : 'draft',
      drafted: country.drafted,
      reviewed: country.reviewed ?? null,
    },
    checklist: selectChecklist(content.checklist, {
      level: risk.level,
      vpn: country.law.vpn.status,
      encryption: country.law.encryption.status,
      indicators: statuses,
    }),
    lastReviewed: country.reviewed?.date ?? null,
    notice: null,
    territory: null,
  };
}
