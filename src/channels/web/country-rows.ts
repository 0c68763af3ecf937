/**
 * The country browser's rows: every ISO 3166-1 country (the world table) with its
 * coverage tier, level and what the level rests on, built the same way the advisor
 * builds an answer, so a content pull request can be reviewed at a glance before
 * anyone asks the bot.
 */
import type { ContentBase } from '../../content/types.js';
import { buildDestination } from '../../advisor/build-destination.js';
import type { CoverageTier } from '../../advisor/answer.js';
import type { IndicatorStatus, RiskLabel } from '../../content/schema.js';

export interface CountryRow {
  code: string;
  name: string;
  tier: CoverageTier;
  level: number;
  label: RiskLabel;
  /** True when the level is a minimum ("at least high"). */
  floor: boolean;
  score: number;
  /** The level the indicators and screening give when the file overrides it, else null. */
  computedLevel: number | null;
  /** Assessed countries only; empty otherwise. */
  indicators: Array<{ id: string; name: string; status: IndicatorStatus }>;
  /** The official advisory level (context), or null. */
  advisoryLevel: number | null;
  /** draft | reviewed for country files; null otherwise. */
  review: 'draft' | 'reviewed' | null;
  /** Date of the last named review, or of the draft; null without a country file. */
  lastReviewed: string | null;
  /** True when that date is older than `staleDays` before `now`. */
  stale: boolean;
  file: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Rows sorted by name; `now` and `staleDays` decide the stale flag (CONTENT_STALE_DAYS). */
export function countryRows(content: ContentBase, options: { now: Date; staleDays: number }): CountryRow[] {
  return [...content.world.values()]
    .map((entry): CountryRow => {
      const d = buildDestination(content, entry.code, entry.name);
      const country = content.countries.get(entry.code);
      const when = country ? (country.reviewed?.date ?? country.drafted.date) : null;
      return {
        code: d.countryCode,
        name: d.countryName,
        tier: d.coverage,
        level: d.risk.level,
        label: d.risk.label,
        floor: d.risk.floor,
        score: d.risk.score,
        computedLevel: d.risk.override?.computedLevel ?? null,
        indicators: d.indicators.map((i) => ({ id: i.id, name: i.name, status: i.status })),
        advisoryLevel: d.advisory?.level ?? null,
        review: d.review?.status ?? null,
        lastReviewed: when,
        stale: when !== null && options.now.getTime() - Date.parse(`${when}T00:00:00Z`) > options.staleDays * DAY_MS,
        file: country?.file ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
