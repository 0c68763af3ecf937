/**
 * What a content change means for users, not for files: risk levels per country
 * (old → new, and which indicators moved), countries added or removed, VPN and
 * encryption law changes, checklist items added, removed or reworded, and scoring
 * changes. Pure: takes two loaded content bases, returns data; see diff-to-markdown.ts.
 */
import { scoreCountry } from '../advisor/score-country.js';
import type { ChecklistItem, ContentBase, Country } from './types.js';
import type { IndicatorStatus, LawStatus } from './schema.js';

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

export interface ContentDiff {
  added: CountryRef[];
  removed: CountryRef[];
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
  const reviewed = b.last_reviewed !== a.last_reviewed ? { from: b.last_reviewed, to: a.last_reviewed } : null;
  const moved = !same(from, to) || indicators.length || law.length || evidenceChanged.length || sectionsChanged.length || reviewed;
  return moved ? { code: a.code, name: a.name, from, to, indicators, law, evidenceChanged, sectionsChanged, reviewed } : null;
}

function itemFields(a: ChecklistItem, b: ChecklistItem): string[] {
  const fields: Array<keyof ChecklistItem> = ['text', 'phase', 'category', 'when', 'sources'];
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

/** `before` is null when the base had no content at all (everything is new). */
export function diffContent(before: ContentBase | null, after: ContentBase): ContentDiff {
  const ref = (content: ContentBase, c: Country): CountryRef => ({ code: c.code, name: c.name, risk: riskOf(content, c) });
  const old = before?.countries ?? new Map<string, Country>();
  const added = [...after.countries.values()].filter((c) => !old.has(c.code)).map((c) => ref(after, c));
  const removed = before ? [...old.values()].filter((c) => !after.countries.has(c.code)).map((c) => ref(before, c)) : [];
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
  return { added, removed, changed, checklist, topics, sources, scoring: before ? scoringChanges(before, after) : [] };
}

/** True when users would see no difference at all. */
export function isEmptyDiff(d: ContentDiff): boolean {
  return (
    !d.added.length && !d.removed.length && !d.changed.length && !d.scoring.length &&
    !d.checklist.added.length && !d.checklist.removed.length && !d.checklist.changed.length &&
    !d.topics.added.length && !d.topics.removed.length && !d.topics.changed.length &&
    !d.sources.added.length && !d.sources.removed.length
  );
}
