/** One destination of an Answer, entirely from content: level, indicators, law, checklist. */
import type { ContentBase } from '../content/types.js';
import type { Destination } from './answer.js';
import { baselineRisk, scoreCountry } from './score-country.js';
import { selectChecklist } from './select-checklist.js';

const UNKNOWN_LAW = { status: 'unknown' as const, note: 'The content base has no information on this.', sources: [] };

export function buildDestination(content: ContentBase, code: string, fallbackName: string): Destination {
  const country = content.countries.get(code);
  if (!country) {
    const risk = baselineRisk(content);
    return {
      countryCode: code,
      countryName: fallbackName,
      covered: false,
      risk,
      indicators: [],
      law: { vpn: UNKNOWN_LAW, encryption: UNKNOWN_LAW },
      checklist: selectChecklist(content.checklist, { level: risk.level, vpn: 'unknown', encryption: 'unknown', indicators: {} }),
      lastReviewed: null,
      notice: `The content base has no specific surveillance indicators for ${fallbackName}, so it is shown at level 1 (baseline) with the baseline checklist.`,
    };
  }
  const risk = scoreCountry(content, country);
  const statuses = Object.fromEntries(Object.entries(country.indicators).map(([id, i]) => [id, i.status]));
  return {
    countryCode: country.code,
    countryName: country.name,
    covered: true,
    risk,
    indicators: content.indicators.map((def) => {
      const i = country.indicators[def.id]!;
      return { id: def.id, name: def.name, status: i.status, evidence: i.evidence, sources: i.sources };
    }),
    law: { vpn: country.law.vpn, encryption: country.law.encryption },
    checklist: selectChecklist(content.checklist, {
      level: risk.level,
      vpn: country.law.vpn.status,
      encryption: country.law.encryption.status,
      indicators: statuses,
    }),
    lastReviewed: country.last_reviewed,
    notice: null,
  };
}
