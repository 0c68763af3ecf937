/**
 * Screening: the dated, sourced facts known about a country (world table, the
 * security team's high-risk list, and for assessed countries the law flags of their
 * file) and the rules of content/screening.yaml that fire on them. Pure and
 * deterministic: the same content gives the same basis, in the same order.
 */
import type { ContentBase } from '../content/types.js';
import type { Advisory, DeploymentKind, FotnStatus, ScreeningCondition, ScreeningRule } from '../content/world-schema.js';
import type { BasisItem } from './answer.js';

interface LawFact {
  status: 'allowed' | 'restricted' | 'banned';
  note: string;
  date: string | null;
  sources: string[];
}

/** Everything screening looks at for one country; a fact left out is not known. */
export interface ScreenedFacts {
  advisory: Advisory | null;
  fotn: { status: FotnStatus; score: number; year: number; date: string; sources: string[] } | null;
  vpn: LawFact | null;
  encryption: LawFact | null;
  deployments: Array<{ kind: DeploymentKind; note: string; date: string; sources: string[] }>;
  highRisk: { rationale: string; date: string; sources: string[] } | null;
}

const FOTN_WORDS: Record<FotnStatus, string> = { free: 'Free', 'partly-free': 'Partly Free', 'not-free': 'Not Free' };

/** The facts for `code`; an assessed country's known law flags take the place of the world table's. */
export function screenedFacts(content: ContentBase, code: string): ScreenedFacts {
  const entry = content.world.get(code);
  const country = content.countries.get(code);
  const law = (key: 'vpn' | 'encryption'): LawFact | null => {
    const own = country?.law[key];
    if (own && own.status !== 'unknown')
      return { status: own.status, note: own.note, date: country!.reviewed?.date ?? country!.drafted.date, sources: own.sources };
    return entry?.[key] ?? null;
  };
  const hr = content.highRisk.get(code);
  return {
    advisory: entry?.advisory ?? null,
    fotn: entry?.fotn ?? null,
    vpn: law('vpn'),
    encryption: law('encryption'),
    deployments: entry?.deployments ?? [],
    highRisk: hr ? { rationale: hr.rationale, date: hr.date, sources: hr.sources } : null,
  };
}

/** True when any fact is known (the country is at least screened). */
export function anyFactKnown(f: ScreenedFacts): boolean {
  return !!(f.advisory || f.fotn || f.vpn || f.encryption || f.deployments.length || f.highRisk);
}

/** Does every condition hold? Returns the facts it rests on, or null. */
function matches(when: ScreeningCondition, f: ScreenedFacts): Array<{ text: string; date: string | null; sources: string[] }> | null {
  const used: Array<{ text: string; date: string | null; sources: string[] }> = [];
  if (when.fotn) {
    if (!f.fotn || !when.fotn.includes(f.fotn.status)) return null;
    used.push({ text: `Freedom on the Net ${f.fotn.year}: ${FOTN_WORDS[f.fotn.status]}, ${f.fotn.score} of 100.`, date: f.fotn.date, sources: f.fotn.sources });
  }
  if (when.fotn_rated !== undefined && !!f.fotn !== when.fotn_rated) return null;
  for (const key of ['vpn', 'encryption'] as const) {
    const want = when[key];
    if (!want) continue;
    const fact = f[key];
    if (!fact || !want.includes(fact.status)) return null;
    used.push({ text: fact.note, date: fact.date, sources: fact.sources });
  }
  if (when.high_risk) {
    if (!f.highRisk) return null;
    used.push({ text: f.highRisk.rationale, date: f.highRisk.date, sources: f.highRisk.sources });
  }
  if (when.advisory_level || when.advisory_reason) {
    const a = f.advisory;
    if (!a) return null;
    if (when.advisory_level && !when.advisory_level.includes(a.level)) return null;
    if (when.advisory_reason && !new RegExp(when.advisory_reason, 'i').test(a.reasons)) return null;
    used.push({ text: describeAdvisory(a), date: a.date, sources: a.sources });
  }
  if (when.deployment) {
    const found = f.deployments.filter((d) => when.deployment!.includes(d.kind));
    if (!found.length) return null;
    for (const d of found) used.push({ text: d.note, date: d.date, sources: d.sources });
  }
  return used;
}

/** "US State Department advisory, 2025-12-29: Level 4, Do Not Travel (due to …)." */
export function describeAdvisory(a: Advisory): string {
  return `US State Department advisory, ${a.date}: Level ${a.level}, ${a.title}${a.reasons ? ` (due to ${a.reasons})` : ''}.`;
}

function toBasis(kind: BasisItem['kind'], reason: string, level: number, used: Array<{ text: string; date: string | null; sources: string[] }>): BasisItem {
  const dates = used.map((u) => u.date).filter((d): d is string => !!d).sort();
  return {
    kind,
    level,
    text: [reason, ...used.map((u) => u.text)].join(' '),
    sources: [...new Set(used.flatMap((u) => u.sources))],
    date: dates.at(-1) ?? null,
  };
}

/**
 * The screening rules that fire, highest level first, each as a basis item. A rule
 * resting only on facts a higher rule already shows is left out ("do not travel" and
 * "do not travel, citing detention" on the same advisory show once).
 */
export function firedRules(rules: ScreeningRule[], f: ScreenedFacts): BasisItem[] {
  const fired: Array<{ item: BasisItem; facts: string[] }> = [];
  for (const rule of rules) {
    const used = matches(rule.when, f);
    if (used) fired.push({ item: toBasis('screening', rule.reason, rule.min_level, used), facts: used.map((u) => u.text) });
  }
  fired.sort((a, b) => (b.item.level ?? 0) - (a.item.level ?? 0));
  const shown = new Set<string>();
  return fired
    .filter(({ facts }) => {
      const fresh = facts.some((t) => !shown.has(t));
      facts.forEach((t) => shown.add(t));
      return fresh;
    })
    .map(({ item }) => item);
}

/** The baseline condition, as a basis item when it holds. */
export function baselineBasis(content: ContentBase, f: ScreenedFacts): BasisItem | null {
  const used = matches(content.screening.baseline.when, f);
  return used ? toBasis('baseline', content.screening.baseline.reason, 1, used) : null;
}
