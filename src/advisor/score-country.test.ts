/** Proves risk levels are the weighted sum of present indicators, mapped by thresholds, and overrides are explained. */
import { describe, expect, it } from 'vitest';
import type { ContentBase, Country } from '../content/types.js';
import { levelForScore, scoreCountry } from './score-country.js';
import { selectChecklist } from './select-checklist.js';

const levels = [
  { level: 1, label: 'baseline', min_score: 0, meaning: 'b' },
  { level: 2, label: 'elevated', min_score: 3, meaning: 'e' },
  { level: 3, label: 'high', min_score: 6, meaning: 'h' },
  { level: 4, label: 'severe', min_score: 9, meaning: 's' },
] as const;
const content = {
  indicators: [
    { id: 'a', name: 'A', description: 'd', weight: 3 },
    { id: 'b', name: 'B', description: 'd', weight: 2 },
    { id: 'c', name: 'C', description: 'd', weight: 2 },
  ],
  levels: [...levels],
} as unknown as ContentBase;

function country(statuses: Record<string, 'present' | 'absent' | 'unknown'>, override?: Country['level_override']): Country {
  return {
    indicators: Object.fromEntries(Object.entries(statuses).map(([id, status]) => [id, { status, evidence: 'e', sources: ['s'] }])),
    level_override: override,
  } as unknown as Country;
}

describe('scoreCountry', () => {
  it('maps scores to levels at the thresholds', () => {
    expect([0, 2.9, 3, 5, 6, 8, 9, 20].map((s) => levelForScore([...levels], s).level)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('rates a country by the weighted sum of the indicators present', () => {
    const risk = scoreCountry(content, country({ a: 'present', b: 'present', c: 'absent' }));
    expect(risk).toMatchObject({ level: 2, score: 5, label: 'elevated', override: null });
    expect(scoreCountry(content, country({ a: 'present', b: 'present', c: 'present' }))).toMatchObject({ level: 3, score: 7 });
  });

  it('counts unknown indicators as nothing: risk is never invented', () => {
    expect(scoreCountry(content, country({ a: 'unknown', b: 'unknown', c: 'unknown' }))).toMatchObject({ level: 1, score: 0 });
  });

  it('applies an override and keeps the computed level and rationale visible', () => {
    const risk = scoreCountry(content, country({ a: 'present', b: 'absent', c: 'absent' }, { level: 4, rationale: 'war zone: all telecoms under military control', sources: ['s'] }));
    expect(risk).toMatchObject({ level: 4, label: 'severe', override: { computedLevel: 2, rationale: 'war zone: all telecoms under military control' } });
  });
});

describe('selectChecklist', () => {
  const item = (id: string, phase: 'before' | 'during' | 'after', when: object = {}) => ({
    id, phase, text: id, sources: ['s'], category: 'network', categoryTitle: 'Network', file: 'f',
    when: { min_level: 1, max_level: 4, ...when },
  });
  const items = [
    item('after-1', 'after'),
    item('vpn-use', 'during', { vpn: ['allowed'] }),
    item('vpn-ask', 'before', { vpn: ['restricted', 'banned'] }),
    item('loaner', 'before', { min_level: 3 }),
    item('root-cert', 'during', { indicator: 'enc' }),
  ];

  it('never recommends a VPN where the law restricts or bans it', () => {
    const ids = selectChecklist(items as never, { level: 4, vpn: 'banned', encryption: 'unknown', indicators: {} }).map((i) => i.id);
    expect(ids).toContain('vpn-ask');
    expect(ids).not.toContain('vpn-use');
  });

  it('filters by level and indicator, and orders before, during, after', () => {
    const low = selectChecklist(items as never, { level: 1, vpn: 'allowed', encryption: 'allowed', indicators: {} });
    expect(low.map((i) => i.id)).toEqual(['vpn-use', 'after-1']);
    const high = selectChecklist(items as never, { level: 3, vpn: 'allowed', encryption: 'allowed', indicators: { enc: 'present' } });
    expect(high.map((i) => i.id)).toEqual(['loaner', 'vpn-use', 'root-cert', 'after-1']);
  });
});
