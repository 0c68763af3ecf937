/**
 * The country browser's rows come from the real content base, built as the advisor
 * builds answers: one row per ISO 3166-1 code with its coverage tier and level,
 * overrides shown with the computed level, drafts marked, and files past
 * CONTENT_STALE_DAYS flagged for review.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../content/load-content.js';
import { countryRows } from './country-rows.js';

const content = loadContent(resolve(import.meta.dirname, '../../../content'));
const kg = content.countries.get('KG')!;
const reviewed = Date.parse(`${kg.reviewed?.date ?? kg.drafted.date}T00:00:00Z`);
const DAY = 86_400_000;

describe('countryRows', () => {
  it('lists every ISO code by name with its tier and level, and the indicators of assessed countries', () => {
    const rows = countryRows(content, { now: new Date(reviewed), staleDays: 180 });
    expect(rows).toHaveLength(250);
    expect(rows.map((r) => r.name)).toEqual([...rows.map((r) => r.name)].sort((a, b) => a.localeCompare(b)));
    const row = rows.find((r) => r.code === 'KG')!;
    expect(row).toMatchObject({ name: 'Kyrgyzstan', tier: 'assessed', review: 'draft', computedLevel: null, file: 'countries/kg.md', stale: false });
    expect(row.level).toBeGreaterThanOrEqual(2);
    expect(row.indicators.map((i) => i.id)).toEqual(content.indicators.map((d) => d.id));
    expect(row.indicators.find((i) => i.id === 'interception-systems')!.status).toBe('present');
    const tiers = new Set(rows.map((r) => r.tier));
    expect(tiers).toEqual(new Set(['assessed', 'screened', 'not-assessed']));
    for (const r of rows.filter((x) => x.tier !== 'assessed')) expect(r).toMatchObject({ indicators: [], file: null, review: null });
    // Nothing known is never baseline.
    for (const r of rows.filter((x) => x.tier === 'not-assessed')) expect(r.level).toBeGreaterThan(1);
  });

  it('flags a file drafted or reviewed longer ago than staleDays', () => {
    const row = (now: number) => countryRows(content, { now: new Date(now), staleDays: 30 }).find((r) => r.code === 'KG')!;
    expect(row(reviewed + 30 * DAY).stale).toBe(false);
    expect(row(reviewed + 31 * DAY).stale).toBe(true);
  });

  it('shows an override with the level the indicators and screening would give', () => {
    const overridden = { ...kg, level_override: { level: 4, rationale: 'Reviewers raised it after a documented incident.', sources: ['rf-2025'] } };
    const rows = countryRows({ ...content, countries: new Map([['KG', overridden]]) }, { now: new Date(reviewed), staleDays: 180 });
    const row = rows.find((r) => r.code === 'KG')!;
    expect(row).toMatchObject({ code: 'KG', level: 4, label: 'severe', tier: 'assessed' });
    expect(row.computedLevel).toBeLessThan(4);
  });
});
