/**
 * Deterministic, explainable risk levels for the three coverage tiers. Assessed: the
 * weighted sum of indicators marked present, mapped by content/indicators.yaml, raised
 * to the screening floor. Screened: the highest screening rule that fires, else the
 * default (or baseline when content/screening.yaml allows it). Not assessed: treated
 * as elevated, never baseline. Every result says what it rests on (`basis`) and
 * whether the real level may be higher (`floor`).
 */
import type { ContentBase, Country } from '../content/types.js';
import type { LevelDef } from '../content/schema.js';
import type { BasisItem, Destination } from './answer.js';
import { baselineBasis, firedRules, screenedFacts } from './screen-country.js';

export function levelForScore(levels: LevelDef[], score: number): LevelDef {
  let found = levels[0]!;
  for (const l of levels) if (score >= l.min_score) found = l;
  return found;
}

const levelDef = (content: ContentBase, level: number) => content.levels.find((l) => l.level === level)!;

/** The indicator basis: "Score 8 of 12: …; not known: …". */
function indicatorBasis(content: ContentBase, country: Country, score: number, level: number): BasisItem {
  const present = content.indicators.filter((d) => country.indicators[d.id]?.status === 'present');
  const unknown = content.indicators.filter((d) => country.indicators[d.id]?.status === 'unknown');
  const max = content.indicators.reduce((s, d) => s + d.weight, 0);
  const parts = [`Assessed: score ${score} of ${max} from ${present.length} of ${content.indicators.length} indicators present${present.length ? ` (${present.map((d) => d.name).join('; ')})` : ''}.`];
  if (unknown.length) parts.push(`Not known: ${unknown.map((d) => d.name).join('; ')}.`);
  return {
    kind: 'indicators',
    text: parts.join(' '),
    sources: [...new Set(present.flatMap((d) => country.indicators[d.id]!.sources))],
    date: country.reviewed?.date ?? country.drafted.date,
    level,
  };
}

/** Level of a country with a file: computed, at least the screening floor, unless overridden. */
export function scoreCountry(content: ContentBase, country: Country): Destination['risk'] {
  const weightOf = (status: string) =>
    content.indicators.reduce((sum, def) => sum + (country.indicators[def.id]?.status === status ? def.weight : 0), 0);
  const score = weightOf('present');
  const computed = levelForScore(content.levels, score);
  const rules = firedRules(content.screening.rules, screenedFacts(content, country.code));
  const floorLevel = Math.max(0, ...rules.map((r) => r.level ?? 0));
  const override = country.level_override;
  const levelNo = override ? override.level : Math.max(computed.level, floorLevel);
  const level = levelDef(content, levelNo);
  // Unknown indicators could still add their weight: then the level is a floor.
  const possible = levelForScore(content.levels, score + weightOf('unknown')).level;
  const basis: BasisItem[] = [];
  if (override)
    basis.push({ kind: 'override', text: `Level set by the security team: ${override.rationale}`, sources: override.sources, date: country.reviewed?.date ?? country.drafted.date, level: override.level });
  // Only the rules that lift the level above the indicators' are part of its basis.
  basis.push(indicatorBasis(content, country, score, computed.level), ...rules.filter((r) => (r.level ?? 0) > computed.level));
  return {
    level: level.level,
    label: level.label,
    score,
    meaning: level.meaning,
    override: override ? { computedLevel: Math.max(computed.level, floorLevel), rationale: override.rationale } : null,
    floor: !override && possible > level.level,
    basis,
  };
}

/** Level of a country known only through the world table (and the high-risk list). */
export function screenCountry(content: ContentBase, code: string): Destination['risk'] {
  const facts = screenedFacts(content, code);
  const rules = firedRules(content.screening.rules, facts);
  const baseline = rules.length ? null : baselineBasis(content, facts);
  const { default: fallback } = content.screening;
  const levelNo = rules.length ? Math.max(...rules.map((r) => r.level ?? 1)) : baseline ? 1 : fallback.level;
  const level = levelDef(content, levelNo);
  const basis: BasisItem[] = rules.length
    ? rules
    : [baseline ?? { kind: 'default', text: fallback.reason, sources: [], date: null, level: fallback.level }];
  return {
    level: level.level,
    label: level.label,
    score: 0,
    meaning: !rules.length && !baseline ? fallback.meaning : level.meaning,
    override: null,
    // Screening sees a few facts only: whatever it finds is a minimum.
    floor: level.level < 4,
    basis,
  };
}

/** A country nothing is known about: shown as not assessed, treated as elevated, never baseline. */
export function notAssessedRisk(content: ContentBase): Destination['risk'] {
  const { level: levelNo, meaning } = content.screening.not_assessed;
  const level = levelDef(content, levelNo);
  return {
    level: level.level,
    label: level.label,
    score: 0,
    meaning,
    override: null,
    floor: true,
    basis: [{ kind: 'not-assessed', text: 'Nothing is known about surveillance here: there is no country file and no screened fact.', sources: [], date: null, level: level.level }],
  };
}
