/**
 * Proves the three coverage tiers get honest levels: an assessed country by the weighted
 * sum of present indicators, raised to its screening floor and marked "at least" while
 * unknown indicators could raise it; a screened country by the highest screening rule
 * (never baseline without a fact that allows it); a country nothing is known about as
 * not assessed, treated as elevated. Every level carries its basis.
 */
import { describe, expect, it } from 'vitest';
import type { ContentBase, Country } from '../content/types.js';
import type { ScreeningRules, WorldEntry } from '../content/world-schema.js';
import { levelForScore, notAssessedRisk, scoreCountry, screenCountry } from './score-country.js';
import { selectChecklist } from './select-checklist.js';

const levels = [
  { level: 1, label: 'baseline', min_score: 0, meaning: 'b' },
  { level: 2, label: 'elevated', min_score: 3, meaning: 'e' },
  { level: 3, label: 'high', min_score: 6, meaning: 'h' },
  { level: 4, label: 'severe', min_score: 9, meaning: 's' },
] as const;
const screening: ScreeningRules = {
  rules: [
    { id: 'vpn-banned', min_level: 3, when: { vpn: ['banned'] }, reason: 'VPNs are banned.' },
    { id: 'fotn-not-free', min_level: 3, when: { fotn: ['not-free'] }, reason: 'Not Free.' },
    { id: 'advisory-4-detention', min_level: 3, when: { advisory_level: [4], advisory_reason: 'detention' }, reason: 'Do not travel, detention.' },
    { id: 'advisory-4', min_level: 2, when: { advisory_level: [4] }, reason: 'Do not travel.' },
    { id: 'fotn-partly-free', min_level: 2, when: { fotn: ['partly-free'] }, reason: 'Partly Free.' },
  ],
  default: { level: 2, reason: 'Not assessed in depth.', meaning: 'treated as elevated' },
  baseline: { when: { fotn: ['free'] }, reason: 'Rated Free.' },
  not_assessed: { level: 2, meaning: 'Not assessed.' },
};
const advisory = (level: number, reasons: string) => ({ level, title: 't', date: '2026-01-02', reasons, url: 'https://travel.state.gov/x', tag: 'XX', sources: ['adv'] });
const world = new Map<string, WorldEntry>([
  ['AA', { code: 'AA', name: 'A-land', fotn: { status: 'not-free', score: 10, year: 2025, date: '2025-11', sources: ['fh'] } }],
  ['BB', { code: 'BB', name: 'B-land', fotn: { status: 'free', score: 80, year: 2025, date: '2025-11', sources: ['fh'] } }],
  ['CC', { code: 'CC', name: 'C-land', advisory: advisory(2, 'crime') }],
  ['DD', { code: 'DD', name: 'D-land', advisory: advisory(4, 'wrongful detention and other risks') }],
  ['KK', { code: 'KK', name: 'K-land', vpn: { status: 'banned', note: 'VPNs banned since 2015.', date: '2015', sources: ['v'] } }],
]);
const content = {
  indicators: [
    { id: 'a', name: 'A', description: 'd', weight: 3 },
    { id: 'b', name: 'B', description: 'd', weight: 2 },
    { id: 'c', name: 'C', description: 'd', weight: 2 },
  ],
  levels: [...levels],
  screening,
  world,
  countries: new Map(),
  highRisk: new Map(),
} as unknown as ContentBase;

function country(statuses: Record<string, 'present' | 'absent' | 'unknown'>, override?: Country['level_override'], code = 'ZZ'): Country {
  return {
    code,
    drafted: { date: '2026-11-29', by: 'x' },
    law: { vpn: { status: 'unknown', note: 'n', sources: [] }, encryption: { status: 'unknown', note: 'n', sources: [] } },
    indicators: Object.fromEntries(Object.entries(statuses).map(([id, status]) => [id, { status, evidence: 'e', sources: ['s'] }])),
    level_override: override,
  } as unknown as Country;
}

describe('scoreCountry (assessed)', () => {
  it('maps scores to levels at the thresholds', () => {
    expect([0, 2.9, 3, 5, 6, 8, 9, 20].map((s) => levelForScore([...levels], s).level)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('rates a country by the weighted sum of the indicators present, with that as its basis', () => {
    const risk = scoreCountry(content, country({ a: 'present', b: 'present', c: 'absent' }));
    expect(risk).toMatchObject({ level: 2, score: 5, label: 'elevated', override: null, floor: false });
    expect(risk.basis).toEqual([expect.objectContaining({ kind: 'indicators', level: 2, sources: ['s'] })]);
    expect(risk.basis[0]!.text).toMatch(/score 5 of 7 from 2 of 3 indicators present \(A; B\)/);
    expect(scoreCountry(content, country({ a: 'present', b: 'present', c: 'present' }))).toMatchObject({ level: 3, score: 7 });
  });

  it('adds nothing for unknown indicators but says the level is a floor while they could raise it', () => {
    const risk = scoreCountry(content, country({ a: 'unknown', b: 'unknown', c: 'unknown' }));
    expect(risk).toMatchObject({ level: 1, score: 0, floor: true });
    expect(risk.basis[0]!.text).toContain('Not known: A; B; C.');
    // All known: nothing could raise it.
    expect(scoreCountry(content, country({ a: 'absent', b: 'absent', c: 'absent' })).floor).toBe(false);
  });

  it('raises a computed level to the screening floor and shows the rule that set it', () => {
    const risk = scoreCountry(content, country({ a: 'absent', b: 'present', c: 'absent' }, undefined, 'AA'));
    expect(risk).toMatchObject({ level: 3, label: 'high', score: 2 });
    expect(risk.basis.map((b) => b.kind)).toEqual(['indicators', 'screening']);
    expect(risk.basis[1]).toMatchObject({ level: 3, sources: ['fh'], date: '2025-11' });
    expect(risk.basis[1]!.text).toContain('Freedom on the Net 2025: Not Free, 10 of 100.');
  });

  it('applies an override and keeps the computed level and rationale visible', () => {
    const risk = scoreCountry(content, country({ a: 'present', b: 'absent', c: 'absent' }, { level: 4, rationale: 'war zone: all telecoms under military control', sources: ['s'] }));
    expect(risk).toMatchObject({ level: 4, label: 'severe', floor: false, override: { computedLevel: 2, rationale: 'war zone: all telecoms under military control' } });
    expect(risk.basis[0]).toMatchObject({ kind: 'override', level: 4 });
  });
});

describe('screenCountry and notAssessedRisk', () => {
  it('sets a screened level from the highest rule that fires, as a floor', () => {
    expect(screenCountry(content, 'AA')).toMatchObject({ level: 3, label: 'high', floor: true });
    expect(screenCountry(content, 'KK').basis[0]!.text).toBe('VPNs are banned. VPNs banned since 2015.');
  });

  it('shows one advisory once even when two rules fire on it', () => {
    const risk = screenCountry(content, 'DD');
    expect(risk.level).toBe(3);
    expect(risk.basis).toHaveLength(1);
    expect(risk.basis[0]).toMatchObject({ kind: 'screening', sources: ['adv'], date: '2026-01-02' });
  });

  it('gives baseline only where a fact allows it, and elevated by default', () => {
    expect(screenCountry(content, 'BB')).toMatchObject({ level: 1, label: 'baseline' });
    expect(screenCountry(content, 'BB').basis[0]).toMatchObject({ kind: 'baseline', sources: ['fh'] });
    const general = screenCountry(content, 'CC');
    expect(general).toMatchObject({ level: 2, label: 'elevated', meaning: 'treated as elevated' });
    expect(general.basis).toEqual([expect.objectContaining({ kind: 'default', sources: [] })]);
  });

  it('never calls a country nothing is known about baseline', () => {
    expect(notAssessedRisk(content)).toMatchObject({ level: 2, label: 'elevated', floor: true, meaning: 'Not assessed.' });
    expect(notAssessedRisk(content).basis[0]!.kind).toBe('not-assessed');
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

  it('drops any item that tells travellers to use a VPN where VPNs are not allowed, whatever its conditions say', () => {
    const sloppy = [item('tunnel', 'during', { vpn: ['unknown', 'allowed'] })];
    sloppy[0]!.text = "Route all traffic through the company's WireGuard tunnel.";
    expect(selectChecklist(sloppy as never, { level: 2, vpn: 'unknown', encryption: 'unknown', indicators: {} })).toEqual([]);
    expect(selectChecklist(sloppy as never, { level: 2, vpn: 'allowed', encryption: 'unknown', indicators: {} })).toHaveLength(1);
  });

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
