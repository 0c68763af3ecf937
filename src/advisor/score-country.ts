/**
 * Deterministic, explainable risk scoring: the weighted sum of indicators marked
 * present, mapped to a level by the thresholds in content/indicators.yaml.
 */
import type { ContentBase, Country } from '../content/types.js';
import type { LevelDef } from '../content/schema.js';
import type { Destination } from './answer.js';

export function levelForScore(levels: LevelDef[], score: number): LevelDef {
  let found = levels[0]!;
  for (const l of levels) if (score >= l.min_score) found = l;
  return found;
}

export function scoreCountry(content: ContentBase, country: Country): Destination['risk'] {
  const score = content.indicators.reduce(
    (sum, def) => sum + (country.indicators[def.id]?.status === 'present' ? def.weight : 0),
    0,
  );
  const computed = levelForScore(content.levels, score);
  const override = country.level_override;
  const level = override ? content.levels.find((l) => l.level === override.level)! : computed;
  return {
    level: level.level,
    label: level.label,
    score,
    meaning: level.meaning,
    override: override ? { computedLevel: computed.level, rationale: override.rationale } : null,
  };
}

/** Level 1 for a country the content base does not cover: said plainly, never invented. */
export function baselineRisk(content: ContentBase): Destination['risk'] {
  const level = content.levels[0]!;
  return { level: level.level, label: level.label, score: 0, meaning: level.meaning, override: null };
}
