/**
 * The country browser's rows come from the real content base, scored as the advisor
 * scores it: one row per country file, overrides shown with the computed level, and
 * files past CONTENT_STALE_DAYS flagged for review.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../content/load-content.js';
import { countryRows } from './country-rows.js';

const content = loadContent(resolve(import.meta.dirname, '../../../content'));
const kg = content.countries.get('KG')!;
const reviewed = Date.parse(`${kg.last_reviewed}T00:00:00Z`);
const DAY = 86_400_000;

describe('countryRows', () => {
  it('lists every country file by name with its level and the indicators it marks present', () => {
    const rows = countryRows(content, { now: new Date(reviewed), staleDays: 180 });
    expect(rows).toHaveLength(content.countries.size);
    expect(rows.map((r) => r.name)).toEqual([...rows.map((r) => r.name)].sort((a, b) => a.localeCompare(b)));
    const row = rows.find((r) => r.code === 'KG')!;
    expect(row).toMatchObject({ name: 'Kyrgyzstan', level: 3, label: 'high', computedLevel: null, file: 'countries/kg.md', stale: false });
    expect(row.indicators.map((i) => i.id)).toEqual(content.indicators.map((d) => d.id));
    expect(row.indicators.find((i) => i.id === 'sorm-imports')!.status).toBe('present');
  });

  it('flags a file reviewed longer ago than staleDays', () => {
    const row = (now: number) => countryRows(content, { now: new Date(now), staleDays: 30 }).find((r) => r.code === 'KG')!;
    expect(row(reviewed + 30 * DAY).stale).toBe(false);
    expect(row(reviewed + 31 * DAY).stale).toBe(true);
  });

  it('shows an override with the level the indicators alone would give', () => {
    const overridden = { ...kg, level_override: { level: 4, rationale: 'Reviewers raised it after a documented incident.', sources: ['rf-2025'] } };
    const rows = countryRows({ ...content, countries: new Map([['KG', overridden]]) }, { now: new Date(reviewed), staleDays: 180 });
    expect(rows).toEqual([expect.objectContaining({ code: 'KG', level: 4, label: 'severe', computedLevel: 3 })]);
  });
});
