/**
 * A trip gets one checklist: each item once, naming exactly the destinations whose own
 * checklist has it (so merging cannot carry an item to a place its conditions or law
 * exclude), by phase then content order; and at most five key actions, ranked by
 * priority, then level-relevance (higher min_level first), then how many destinations
 * the item is for, then phase, then content order; once the trip is over, the items for
 * after it come first. The five are listed in the order a traveller does them.
 */
import { describe, expect, it } from 'vitest';
import type { ChecklistItem } from '../content/types.js';
import type { Destination } from './answer.js';
import { mergeChecklists, rankKeyActions } from './merge-checklists.js';

const item = (id: string, phase: ChecklistItem['phase'], priority: number, minLevel = 1): ChecklistItem => ({
  id,
  phase,
  priority,
  text: `Text of ${id}.`,
  sources: ['s'],
  when: { min_level: minLevel, max_level: 4 },
  category: 'device',
  categoryTitle: 'Devices',
  file: 'checklists/device.yaml',
});

const items = [
  item('habit', 'before', 4),
  item('after-clean', 'after', 2, 2),
  item('loaner', 'before', 1, 3),
  item('vpn-law', 'before', 1),
  item('border', 'during', 2, 2),
  item('mfa', 'before', 2),
  item('book', 'before', 1, 4),
];

/** A destination whose own checklist has these item ids (what selectChecklist chose for it). */
const destination = (code: string, ids: string[]): Destination =>
  ({ countryCode: code, countryName: code, checklist: ids.map((id) => ({ id })) }) as unknown as Destination;

describe('mergeChecklists', () => {
  it('lists each item once with the destinations whose own checklist has it, by phase then content order', () => {
    const merged = mergeChecklists(items, [destination('KG', ['habit', 'loaner', 'vpn-law', 'border', 'after-clean']), destination('FR', ['habit', 'mfa', 'border'])]);
    expect(merged.map((m) => [m.id, m.destinations])).toEqual([
      ['habit', ['KG', 'FR']],
      ['loaner', ['KG']],
      ['vpn-law', ['KG']],
      ['mfa', ['FR']],
      ['border', ['KG', 'FR']],
      ['after-clean', ['KG']],
    ]);
    expect(merged.find((m) => m.id === 'loaner')).toMatchObject({ priority: 1, phase: 'before', text: 'Text of loaner.', category: 'device', categoryTitle: 'Devices', sources: ['s'] });
  });

  it('is empty for an answer without destinations', () => {
    expect(mergeChecklists(items, [])).toEqual([]);
    expect(rankKeyActions(items, [])).toEqual([]);
  });
});

describe('rankKeyActions', () => {
  it('chooses by priority, then level-relevance, and keeps five, listed before → during → after with rank within a phase', () => {
    const all = items.map((i) => i.id);
    // Chosen: book, loaner, vpn-law (priority 1, by min_level), then border and after-clean
    // (priority 2, min_level 2) over mfa (min_level 1) and habit (priority 4).
    expect(rankKeyActions(items, [destination('RU', all)]).map((k) => k.id)).toEqual(['book', 'loaner', 'vpn-law', 'border', 'after-clean']);
    const three = rankKeyActions([item('late', 'after', 1), item('mid', 'during', 1), item('early', 'before', 3)], [destination('RU', ['late', 'mid', 'early'])]);
    expect(three.map((k) => k.id)).toEqual(['early', 'mid', 'late']);
  });

  it('chooses the item for more of the trip first among equals', () => {
    const ranked = rankKeyActions(items, [destination('KG', ['mfa', 'border', 'after-clean']), destination('KZ', ['after-clean'])], 1);
    expect(ranked.map((k) => [k.id, k.destinations])).toEqual([['after-clean', ['KG', 'KZ']]]);
    const all = rankKeyActions(items, [destination('KG', ['mfa', 'border', 'after-clean']), destination('KZ', ['after-clean'])]);
    expect(all.map((k) => k.id)).toEqual(['mfa', 'border', 'after-clean']);
  });

  it('never returns more than asked for', () => {
    expect(rankKeyActions(items, [destination('RU', items.map((i) => i.id))], 2)).toHaveLength(2);
  });

  it('once the trip is over, puts the after-the-trip items first, then the usual order', () => {
    const all = items.map((i) => i.id);
    const extra = [...items, item('after-report', 'after', 3)];
    expect(rankKeyActions(extra, [destination('RU', [...all, 'after-report'])], 5, { tripOver: true }).map((k) => k.id)).toEqual(['after-clean', 'after-report', 'book', 'loaner', 'vpn-law']);
  });
});
