/**
 * Proves which content changes reach travellers: a level up or down, a coverage tier, a
 * VPN or encryption law status and a key action that was not one before each alert;
 * a floor that became firm, a key action dropped or a destination seen for the first
 * time alert nobody; and the tags kept for the desk hold codes and statuses only.
 */
import { describe, expect, it } from 'vitest';
import { alertingChanges, changeTags, transitionsBetween } from './alerting-changes.js';
import type { DestinationFingerprint } from './types.js';

const kz: DestinationFingerprint = { level: 3, label: 'high', floor: true, tier: 'assessed', vpn: 'unknown', encryption: 'unknown', keyActions: ['a', 'b', 'c'] };

describe('alertingChanges', () => {
  it('alerts when the level goes up or down, keeping whether it was a floor', () => {
    expect(alertingChanges(kz, { ...kz, level: 4, label: 'severe', floor: false })).toEqual([
      { kind: 'level', from: { level: 3, label: 'high', floor: true }, to: { level: 4, label: 'severe', floor: false } },
    ]);
    expect(alertingChanges(kz, { ...kz, level: 2, label: 'elevated' }).map((c) => c.kind)).toEqual(['level']);
  });

  it('alerts on a new coverage tier, VPN or encryption law, and a new key action', () => {
    const to = { ...kz, tier: 'screened' as const, vpn: 'banned' as const, encryption: 'restricted' as const, keyActions: ['a', 'b', 'z'] };
    expect(alertingChanges(kz, to)).toEqual([
      { kind: 'tier', from: 'assessed', to: 'screened' },
      { kind: 'vpn', from: 'unknown', to: 'banned' },
      { kind: 'encryption', from: 'unknown', to: 'restricted' },
      { kind: 'key-actions', added: ['z'] },
    ]);
  });

  it('does not alert when only the floor flag moves, a key action is dropped or the order changes', () => {
    expect(alertingChanges(kz, { ...kz, floor: false })).toEqual([]);
    expect(alertingChanges(kz, { ...kz, keyActions: ['c', 'a'] })).toEqual([]);
  });
});

describe('transitionsBetween', () => {
  it('lists only destinations that changed in a way that matters, never one seen for the first time', () => {
    const from = { KZ: kz, KG: kz };
    const to = { KZ: { ...kz, level: 4, label: 'severe' }, KG: { ...kz, floor: false }, MN: { ...kz, level: 4, label: 'severe' } };
    expect(transitionsBetween(from, to).map((t) => t.code)).toEqual(['KZ']);
  });

  it('tags changes with codes and statuses only', () => {
    const t = transitionsBetween({ UZ: kz }, { UZ: { ...kz, level: 4, label: 'severe', vpn: 'banned', keyActions: ['a', 'b', 'c', 'd'] } })[0]!;
    expect(changeTags(t.code, t.changes)).toEqual(['UZ level 3→4', 'UZ vpn unknown→banned', 'UZ new key actions: d']);
  });
});
