/**
 * One checklist for the whole trip instead of one per country: each content item once,
 * naming the destinations it applies to. Which destinations those are comes only from
 * each destination's own checklist (selectChecklist: level, law, indicators, and the
 * VPN guard), so merging can never carry an item, a VPN item above all, to a
 * destination whose conditions or law exclude it. Then the key actions: the merged
 * items ranked by priority, then level-relevance, at most five, listed in the order a
 * traveller does them.
 */
import type { ChecklistItem } from '../content/types.js';
import { phases } from '../content/schema.js';
import { MAX_KEY_ACTIONS, type Destination, type TripItem } from './answer.js';

interface Ranked {
  item: TripItem;
  /** The content item's `when.min_level`: written for riskier places, so more specific. */
  minLevel: number;
  /** Position in content (file, then item order): the last tie-breaker, stable. */
  order: number;
}

function mergedWithRank(items: ChecklistItem[], destinations: Destination[]): Ranked[] {
  const out: Ranked[] = [];
  items.forEach((c, order) => {
    const codes = destinations.filter((d) => d.checklist.some((x) => x.id === c.id)).map((d) => d.countryCode);
    if (!codes.length) return;
    out.push({
      item: { id: c.id, category: c.category, categoryTitle: c.categoryTitle, phase: c.phase, priority: c.priority, text: c.text, sources: c.sources, destinations: [...new Set(codes)] },
      minLevel: c.when.min_level,
      order,
    });
  });
  return out;
}

/** The trip's merged checklist: every item of any destination once, by phase, then content order. */
export function mergeChecklists(items: ChecklistItem[], destinations: Destination[]): TripItem[] {
  return mergedWithRank(items, destinations)
    .sort((a, b) => phases.indexOf(a.item.phase) - phases.indexOf(b.item.phase) || a.order - b.order)
    .map((r) => r.item);
}

export interface RankOptions {
  /** The trip has ended ("back from Moscow yesterday"): what is left to do is after the trip, so those items lead. */
  tripOver?: boolean;
}

/**
 * The key actions. Which ones: priority (1 first), then level-relevance (higher
 * `min_level` first), then the item for more of the trip's destinations, then phase, then
 * content order, at most `max`; after a trip that has ended, the after-the-trip items are
 * chosen before all others. In what order: the order a traveller does them (before the
 * trip, during it, after it; rank within a phase), and once the trip has ended, the
 * after-the-trip items first, since nothing else can still be done.
 * MUST stay in sync with content/README.md ("Priority").
 */
export function rankKeyActions(items: ChecklistItem[], destinations: Destination[], max: number = MAX_KEY_ACTIONS, options: RankOptions = {}): TripItem[] {
  const after = (item: TripItem) => (options.tripOver && item.phase === 'after' ? 0 : 1);
  const phase = (item: TripItem) => phases.indexOf(item.phase);
  const chosen = mergedWithRank(items, destinations)
    .sort(
      (a, b) =>
        after(a.item) - after(b.item) ||
        a.item.priority - b.item.priority ||
        b.minLevel - a.minLevel ||
        b.item.destinations.length - a.item.destinations.length ||
        phase(a.item) - phase(b.item) ||
        a.order - b.order,
    )
    .slice(0, max)
    .map((r) => r.item);
  // Array.prototype.sort is stable, so rank stays the order within a phase.
  return chosen.sort((a, b) => after(a) - after(b) || phase(a) - phase(b));
}
