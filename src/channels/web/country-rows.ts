/**
 * The country browser's rows: every country in the content base with its level,
 * indicators and review date, scored the same way the advisor scores it, so a content
 * pull request can be reviewed at a glance before anyone asks the bot.
 */
import type { ContentBase } from '../../content/types.js';
import { scoreCountry } from '../../advisor/score-country.js';
import type { IndicatorStatus, RiskLabel } from '../../content/schema.js';

export interface CountryRow {
  code: string;
  name: string;
  level: number;
  label: RiskLabel;
  score: number;
  /** The computed level when the file overrides it, else null. */
  computedLevel: number | null;
  indicators: Array<{ id: string; name: string; status: IndicatorStatus }>;
  lastReviewed: string;
  /** True when the review date is older than `staleDays` before `now`. */
  stale: boolean;
  file: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Rows sorted by name; `now` and `staleDays` decide the stale flag (CONTENT_STALE_DAYS). */
export function countryRows(content: ContentBase, options: { now: Date; staleDays: number }): CountryRow[] {
  return [...content.countries.values()]
    .map((country) => {
      const risk = scoreCountry(content, country);
      return {
        code: country.code,
        name: country.name,
        level: risk.level,
        label: risk.label,
        score: risk.score,
        computedLevel: risk.override?.computedLevel ?? null,
        indicators: content.indicators.map((def) => ({
          id: def.id,
          name: def.name,
          status: country.indicators[def.id]?.status ?? 'unknown',
        })),
        lastReviewed: country.last_reviewed,
        stale: options.now.getTime() - Date.parse(`${country.last_reviewed}T00:00:00Z`) > options.staleDays * DAY_MS,
        file: country.file,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
