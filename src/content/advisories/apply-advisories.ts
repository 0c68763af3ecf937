/**
 * Writes advisories into the world table (content/world/*.yaml) in place, keeping
 * every comment, every other field and the order of entries, and says what changed.
 * Pure over file texts: the CLI reads and writes the files, tests pass strings.
 */
import { parseDocument, isMap, isSeq, isScalar, type Document, type YAMLMap } from 'yaml';
import type { AdvisoryItem } from './advisory-item.js';

export interface AdvisoryFields {
  level: number;
  title: string;
  date: string;
  reasons: string;
  url: string;
  tag: string;
  sources: string[];
}

export interface AdvisoryChange {
  code: string;
  name: string;
  before: AdvisoryFields | null;
  after: AdvisoryFields | null;
}

export interface ApplyResult {
  /** New text per file name (only files that changed). */
  files: Map<string, string>;
  changes: AdvisoryChange[];
  /** Codes with an advisory in the table that the feed does not have (kept unless `prune`). */
  notInFeed: Array<{ code: string; name: string }>;
  /** Codes the feed has that no world entry holds. */
  noEntry: string[];
}

const fieldsOf = (item: AdvisoryItem, sourceId: string): AdvisoryFields => ({
  level: item.level,
  title: item.title,
  date: item.date,
  reasons: item.reasons,
  url: item.url,
  tag: item.tag,
  sources: [sourceId],
});

const same = (a: AdvisoryFields | null, b: AdvisoryFields | null) => JSON.stringify(a) === JSON.stringify(b);

/** Sets `advisory` right after `name` (or removes it), keeping the entry's other fields where they were. */
function setAdvisory(doc: Document, entry: YAMLMap, fields: AdvisoryFields | null): void {
  const at = entry.items.findIndex((p) => isScalar(p.key) && p.key.value === 'advisory');
  if (!fields) {
    if (at >= 0) entry.items.splice(at, 1);
    return;
  }
  const node = doc.createNode(fields) as YAMLMap;
  const sources = node.get('sources', true);
  if (isSeq(sources)) sources.flow = true;
  if (at >= 0) {
    entry.items[at]!.value = node;
    return;
  }
  const after = entry.items.findIndex((p) => isScalar(p.key) && p.key.value === 'name');
  entry.items.splice(after + 1, 0, doc.createPair('advisory', node) as (typeof entry.items)[number]);
}

export function applyAdvisories(
  worldFiles: Map<string, string>,
  advisories: Map<string, AdvisoryItem>,
  options: { sourceId: string; prune?: boolean },
): ApplyResult {
  const files = new Map<string, string>();
  const changes: AdvisoryChange[] = [];
  const notInFeed: ApplyResult['notInFeed'] = [];
  const seen = new Set<string>();
  for (const [file, text] of worldFiles) {
    const doc = parseDocument(text);
    const list = doc.get('countries');
    if (!isSeq(list)) continue;
    let touched = false;
    for (const entry of list.items) {
      if (!isMap(entry)) continue;
      const code = String(entry.get('code'));
      const name = String(entry.get('name'));
      seen.add(code);
      const current = entry.get('advisory');
      const before = isMap(current) ? (current.toJSON() as AdvisoryFields) : null;
      const item = advisories.get(code);
      if (!item && before && !options.prune) {
        notInFeed.push({ code, name });
        continue;
      }
      const after = item ? fieldsOf(item, options.sourceId) : null;
      if (same(before, after)) continue;
      setAdvisory(doc, entry, after);
      changes.push({ code, name, before, after });
      touched = true;
    }
    if (touched) files.set(file, doc.toString({ lineWidth: 0 }));
  }
  const noEntry = [...advisories.keys()].filter((c) => !seen.has(c)).sort();
  changes.sort((a, b) => a.code.localeCompare(b.code));
  return { files, changes, notInFeed, noEntry };
}
