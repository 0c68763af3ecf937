/**
 * Picks the checklist items whose conditions fit a destination's risk level, legal
 * flags and indicators. Order: phase (before, during, after), then content order.
 */
import type { ChecklistItem } from '../content/types.js';
import { phases, type IndicatorStatus, type LawStatus } from '../content/schema.js';
import type { Destination } from './answer.js';
import { givesVpnAdvice } from '../content/vpn-advice.js';

export interface ChecklistContext {
  level: number;
  vpn: LawStatus;
  encryption: LawStatus;
  indicators: Record<string, IndicatorStatus>;
}

export function itemApplies(item: ChecklistItem, ctx: ChecklistContext): boolean {
  const w = item.when;
  if (ctx.level < w.min_level || ctx.level > w.max_level) return false;
  if (w.vpn && !w.vpn.includes(ctx.vpn)) return false;
  if (w.encryption && !w.encryption.includes(ctx.encryption)) return false;
  if (w.indicator && ctx.indicators[w.indicator] !== 'present') return false;
  // Second line of defence behind content:check: never advise a VPN where it may be unlawful.
  if (ctx.vpn !== 'allowed' && givesVpnAdvice(item.text)) return false;
  return true;
}

export function selectChecklist(items: ChecklistItem[], ctx: ChecklistContext): Destination['checklist'] {
  return items
    .filter((item) => itemApplies(item, ctx))
    .map((item, order) => ({ item, order }))
    .sort((a, b) => phases.indexOf(a.item.phase) - phases.indexOf(b.item.phase) || a.order - b.order)
    .map(({ item }) => ({
      id: item.id,
      category: item.category,
      categoryTitle: item.categoryTitle,
      phase: item.phase,
      text: item.text,
      sources: item.sources,
    }));
}
