/**
 * What a content change means for users, not for files: risk levels per country
 * (old → new, and which indicators moved), countries added or removed, VPN and
 * encryption law changes, checklist items added, removed or reworded, and scoring
 * changes. Pure: takes two loaded content bases, returns data; see diff-to-markdown.ts.
 */
import { scoreCountry } from '../../../advisor/score-country.js';
import { buildDestination } from '../../../advisor/build-destination.js';
import type { CoverageTier } from '../../../advisor/answer.js';
import type { ChecklistItem, ContentBase, Country } from '../../../content/types.js';
import type { IndicatorStatus, LawStatus } from '../../../content/schema.js';

export interface LevelRef {
  level: number;
  label: string;
  score: number;
  overridden: boolean;
}

export interface CountryRef {
  code: string;
  name: string;
  risk: LevelRef;
}

export interface IndicatorMove {
  id: string;
  name: string;
  from: IndicatorStatus | null;
  to: IndicatorStatus | null;
}

export interface CountryChange {
  code: string;
  name: string;
  from: LevelRef;
  to: LevelRef;
  indicators: IndicatorMove[];
  law: Array<{ key: 'vpn' | 'encryption'; from: LawStatus; to: LawStatus }>;
  /** Evidence or sources of an indicator changed without its status moving. */
  evidenceChanged: string[];
  /** Prose sections whose text changed (added, removed or reworded). */
  sectionsChanged: string[];
  reviewed: { from: string; to: string } | null;
}

export interface ItemChange {
  before: ChecklistItem;
  after: ChecklistItem;
  fields: string[];
}

/** Where a destination stands: its tier and level, as an answer shows them. */
export interface StandingRef {
  tier: CoverageTier;
  level: number;
  label: string;
  floor: boolean;
}

/** A country without a file in both versions whose tier or level changes (world table, screening rules, high-risk list). */
export interface WorldChange {
  code: string;
  name: string;
  from: StandingRef | null;
  to: StandingRef;
}

export interface ContentDiff {
  added: CountryRef[];
  /** Country files removed, with what the country falls back to (its world-table tier). */
  removed: Array<CountryRef & { fallback: StandingRef }>;
  /** Tier or level changes of countries without a country file. */
  world: WorldChange[];
  changed: CountryChange[];
  checklist: { added: ChecklistItem[]; removed: ChecklistItem[]; changed: ItemChange[] };
  topics: { added: string[]; removed: string[]; changed: string[] };
  sources: { added: string[]; removed: string[] };
  /** Indicator weights or level thresholds changed: every level may move. */
  scoring: string[];
}

function riskOf(content: ContentBase, country: Country): LevelRef {
  const r = scoreCountry(content, country);
  return { level: r.level, label: r.label, score: r.score, overridden: r.override !== null };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sectionText = (c: { sections: Country['sections'] }) =>
  new Map(c.sections.map((s) => [s.heading, s.sentences.map((x) => `${x.text}${x.sources.join(',')}`).join(' ')]));

function changedSections(before: { sections: Country['sections'] }, after: { sections: Country['sections'] }): string[] {
  const a = sectionText(before);
  const b = sectionText(after);
  const headings = [...new Set([...a.keys(), ...b.keys()])];
  return headings.filter((h) => a.get(h) !== b.get(h));
}

function diffCountry(before: ContentBase, after: ContentBase, b: Country, a: Country): CountryChange | null {
  const ids = [...new Set([...after.indicators.map((d) => d.id), ...before.indicators.map((d) => d.id)])];
  const names = new Map([...before.indicators, ...after.indicators].map((d) => [d.id, d.name]));
  const indicators: IndicatorMove[] = [];
  const evidenceChanged: string[] = [];
  for (const id of ids) {
    const x = b.indicators[id];
    const y = a.indicators[id];
    if (x?.status !== y?.status) indicators.push({ id, name: names.get(id) ?? id, from: x?.status ?? null, to: y?.status ?? null });
    else if (x && y && (x.evidence !== y.evidence || !same(x.sources, y.sources))) evidenceChanged.push(id);
  }
  const law = (['vpn', 'encryption'] as const)
    .filter((key) => b.law[key].status !== a.law[key].status)
    .map((key) => ({ key, from: b.law[key].status, to: a.law[key].status }));
  const from = riskOf(before, b);
  const to = riskOf(after, a);
  const sectionsChanged = changedSections(b, a);
  const when = (c: Country) => (c.reviewed ? `${c.reviewed.date} by ${c.reviewed.by}` : `draft ${c.drafted.date}`);
  const reviewed = when(b) !== when(a) ? { from: when(b), to: when(a) } : null;
  const moved = !same(from, to) || indicators.length || law.length || evidenceChanged.length || sectionsChanged.length || reviewed;
  return moved ? { code: a.code, name: a.name, from, to, indicators, law, evidenceChanged, sectionsChanged, reviewed } : null;
}

function itemFields(a: ChecklistItem, b: ChecklistItem): string[] {
  const fields: Array<keyof ChecklistItem> = ['text', 'phase', 'priority', 'category', 'when', 'sources'];
  return fields.filter((f) => !same(a[f], b[f]));
}

function scoringChanges(before: ContentBase, after: ContentBase): string[] {
  const out: string[] = [];
  const w = new Map(before.indicators.map((d) => [d.id, d.weight]));
  for (const d of after.indicators) {
    const old = w.get(d.id);
    if (old === undefined) out.push(`indicator ${d.id} added (weight ${d.weight})`);
    else if (old !== d.weight) out.push(`indicator ${d.id} weight ${old} → ${d.weight}`);
  }
  for (const d of before.indicators) if (!after.indicators.some((x) => x.id === d.id)) out.push(`indicator ${d.id} removed`);
  for (const l of after.levels) {
    const old = before.levels.find((x) => x.level === l.level);
    if (old && old.min_score !== l.min_score) out.push(`level ${l.level} (${l.label}) threshold ${old.min_score} → ${l.min_score}`);
  }
  return out;
}

function standing(content: ContentBase, code: string, name: string): StandingRef {
  const d = buildDestination(content, code, name);
  return { tier: d.coverage, level: d.risk.level, label: d.risk.label, floor: d.risk.floor };
}

function worldChanges(before: ContentBase | null, after: ContentBase): WorldChange[] {
  const out: WorldChange[] = [];
  for (const e of after.world.values()) {
    if (after.countries.has(e.code) || before?.countries.has(e.code)) continue;
    const to = standing(after, e.code, e.name);
    const from = before?.world.has(e.code) ? standing(before, e.code, e.name) : null;
    if (!same(from, to)) out.push({ code: e.code, name: e.name, from, to });
  }
  return out;
}

/** `before` is null when the base had no content at all (everything is new). */
export function diffContent(before: ContentBase | null, after: ContentBase): ContentDiff {
  const ref = (content: ContentBase, c: Country): CountryRef => ({ code: c.code, name: c.name, risk: riskOf(content, c) });
  const old = before?.countries ?? new Map<string, Country>();
  const added = [...after.countries.values()].filter((c) => !old.has(c.code)).map((c) => ref(after, c));
  const removed = before
    ? [...old.values()].filter((c) => !after.countries.has(c.code)).map((c) => ({ ...ref(before, c), fallback: standing(after, c.code, c.name) }))
    : [];
  const changed = before
    ? [...after.countries.values()]
        .filter((c) => old.has(c.code))
        .map((c) => diffCountry(before, after, old.get(c.code)!, c))
        .filter((c): c is CountryChange => c !== null)
    : [];

  const oldItems = new Map((before?.checklist ?? []).map((i) => [i.id, i]));
  const newItems = new Map(after.checklist.map((i) => [i.id, i]));
  const checklist = {
    added: after.checklist.filter((i) => !oldItems.has(i.id)),
    removed: (before?.checklist ?? []).filter((i) => !newItems.has(i.id)),
    changed: after.checklist
      .filter((i) => oldItems.has(i.id))
      .map((i) => ({ before: oldItems.get(i.id)!, after: i, fields: itemFields(oldItems.get(i.id)!, i) }))
      .filter((c) => c.fields.length > 0),
  };

  const oldTopics = before?.topics ?? new Map();
  const topics = {
    added: [...after.topics.keys()].filter((id) => !oldTopics.has(id)),
    removed: [...oldTopics.keys()].filter((id) => !after.topics.has(id)),
    changed: [...after.topics.values()]
      .filter((t) => oldTopics.has(t.id) && (changedSections(oldTopics.get(t.id)!, t).length || !same(oldTopics.get(t.id)!.keywords, t.keywords)))
      .map((t) => t.id),
  };
  const oldSources = before?.sources ?? new Map();
  const sources = {
    added: [...after.sources.keys()].filter((id) => !oldSources.has(id)),
    removed: [...oldSources.keys()].filter((id) => !after.sources.has(id)),
  };
  return { added, removed, world: before ? worldChanges(before, after) : [], changed, checklist, topics, sources, scoring: before ? scoringChanges(before, after) : [] };
}

/** True when users would see no difference at all. */
export function isEmptyDiff(d: ContentDiff): boolean {
  return (
    !d.added.length && !d.removed.length && !d.world.length && !d.changed.length && !d.scoring.length &&
    !d.checklist.added.length && !d.checklist.removed.length && !d.checklist.changed.length &&
    !d.topics.added.length && !d.topics.removed.length && !d.topics.changed.length &&
    !d.sources.added.length && !d.sources.removed.length
  );
}
