/**
 * The work behind `npm run content:import-advisories`: read the US State Department's
 * travel advisories (RSS feed or snapshot), map them to ISO codes, write them into the
 * world table, and say what changed for travellers. The new table is validated in a
 * scratch copy of the content directory before anything is written, so a bad feed can
 * never leave content/ broken.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdvisorError, ContentError, formatProblem } from '../../../errors.js';
import { buildDestination } from '../../../advisor/build-destination.js';
import { loadContent } from '../../../content/load-content.js';
import type { ContentBase } from '../../../content/types.js';
import { parseAdvisoryFeed } from '../../../content/advisories/parse-advisory-feed.js';
import { mapAdvisories, type MappedAdvisories } from '../../../content/advisories/map-advisories.js';
import { applyAdvisories, type AdvisoryChange, type AdvisoryFields } from '../../../content/advisories/apply-advisories.js';

export interface ImportOptions {
  /** The feed's text (already fetched or read). */
  text: string;
  /** The content directory (content/). */
  dir: string;
  sourceId: string;
  /** Remove advisories of codes the feed no longer lists (default: keep them and say so). */
  prune?: boolean;
  /** Report only; write nothing. */
  dryRun?: boolean;
}

export interface LevelChange {
  code: string;
  name: string;
  from: string;
  to: string;
}

export interface ImportResult {
  items: number;
  skipped: string[];
  mapped: MappedAdvisories;
  changes: AdvisoryChange[];
  levelChanges: LevelChange[];
  notInFeed: Array<{ code: string; name: string }>;
  noEntry: string[];
  written: string[];
}

const headline = (content: ContentBase, code: string, name: string) => {
  const d = buildDestination(content, code, name);
  return `${d.coverage}, level ${d.risk.level} ${d.risk.label}${d.risk.floor && d.risk.level < 4 ? ' (at least)' : ''}`;
};

function loadOrExplain(dir: string, label: string): ContentBase {
  try {
    return loadContent(dir);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    const errors = error.problems.filter((p) => p.severity === 'error').slice(0, 20);
    throw new AdvisorError(`${label} does not pass content:check:\n${errors.map((p) => `  ${formatProblem(p)}`).join('\n')}`, 'CONTENT_INVALID');
  }
}

export function importAdvisories(options: ImportOptions): ImportResult {
  const feed = parseAdvisoryFeed(options.text);
  if (!feed.items.length) throw new AdvisorError(`no advisory could be read from the input (${feed.skipped.length} item(s) skipped)`, 'INPUT_INVALID');
  const mapped = mapAdvisories(feed.items);
  const before = loadOrExplain(options.dir, 'the content directory');
  if (!before.sources.has(options.sourceId))
    throw new AdvisorError(`source "${options.sourceId}" is not in sources.yaml; add it (the feed's bibliography entry) or pass --source-id`, 'INPUT_INVALID');
  const worldDir = join(options.dir, 'world');
  const names = readdirSync(worldDir).filter((f) => f.endsWith('.yaml') && !f.startsWith('_')).sort();
  const texts = new Map(names.map((f) => [f, readFileSync(join(worldDir, f), 'utf8')]));
  const applied = applyAdvisories(texts, mapped.byCode, { sourceId: options.sourceId, prune: options.prune });

  // Validate the result in a scratch copy before touching content/.
  const scratch = mkdtempSync(join(tmpdir(), 'advisories-'));
  let after: ContentBase;
  try {
    cpSync(options.dir, scratch, { recursive: true });
    for (const [f, text] of applied.files) writeFileSync(join(scratch, 'world', f), text);
    after = loadOrExplain(scratch, 'the world table with these advisories');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const levelChanges: LevelChange[] = [];
  for (const { code, name } of applied.changes) {
    const from = headline(before, code, name);
    const to = headline(after, code, name);
    if (from !== to) levelChanges.push({ code, name, from, to });
  }
  const written: string[] = [];
  if (!options.dryRun)
    for (const [f, text] of applied.files) {
      writeFileSync(join(worldDir, f), text);
      written.push(join('world', f));
    }
  return { items: feed.items.length, skipped: feed.skipped, mapped, changes: applied.changes, levelChanges, notInFeed: applied.notInFeed, noEntry: applied.noEntry, written };
}

const describe = (a: AdvisoryFields | null) => (a ? `Level ${a.level} (${a.date})` : '—');

/** "Level 2 (2026-10-02)", plus which other fields moved when level and date did not. */
function describeAfter(c: AdvisoryChange): string {
  const after = describe(c.after);
  if (!c.before || !c.after || c.before.level !== c.after.level || c.before.date !== c.after.date) return after;
  const moved = (['reasons', 'title', 'url', 'tag'] as const).filter((k) => c.before![k] !== c.after![k]);
  return `${after}; ${moved.join(', ')} changed`;
}

/** The report, as Markdown like content:diff's, for a terminal or a pull request. */
export function importReportMarkdown(r: ImportResult, dryRun: boolean): string {
  const out: string[] = ['## Travel advisories import', ''];
  out.push(`Read ${r.items} advisories; ${r.mapped.byCode.size} countries mapped; ${r.changes.length} changed${dryRun ? ' (dry run: nothing written)' : ''}.`);
  if (r.skipped.length) out.push('', `### Skipped items (${r.skipped.length})`, ...r.skipped.map((s) => `- ${s}`));
  if (r.mapped.unmapped.length) out.push('', `### Not mapped to a country (${r.mapped.unmapped.length})`, ...r.mapped.unmapped.map((u) => `- ${u.item.tag} "${u.item.name}": ${u.why}`));
  if (r.mapped.guessed.length) out.push('', `### Unknown tags, mapped by address or name (${r.mapped.guessed.length})`, ...r.mapped.guessed.map((g) => `- ${g.item.tag} "${g.item.name}" → ${g.code}: ${g.why}`));
  if (r.mapped.sharedTags.length) out.push('', `### Tags used for several places (${r.mapped.sharedTags.length})`, ...r.mapped.sharedTags.map((s) => `- ${s.tag}: ${s.names.join(', ')}`));
  if (r.mapped.duplicates.length)
    out.push(
      '',
      `### Several advisories for one country (${r.mapped.duplicates.length}): the newest is kept, then the higher level`,
      ...r.mapped.duplicates.map((d) => `- ${d.code}: kept ${d.kept.tag} "${d.kept.name}" level ${d.kept.level} (${d.kept.date}); not used: ${d.dropped.map((x) => `${x.tag} "${x.name}" level ${x.level} (${x.date})`).join(', ')}`),
    );
  if (r.mapped.disagreements.length)
    out.push('', `### Tag and page address disagree (${r.mapped.disagreements.length})`, ...r.mapped.disagreements.map((d) => `- ${d.item.tag} "${d.item.name}": tag says ${d.byTag}, address says ${d.byLink}`));
  if (r.noEntry.length) out.push('', `### Mapped codes with no world entry (${r.noEntry.length})`, `- ${r.noEntry.join(', ')}`);
  if (r.notInFeed.length) out.push('', `### In the table but not in this feed (${r.notInFeed.length}): kept (use --prune to remove)`, `- ${r.notInFeed.map((n) => n.code).join(', ')}`);
  if (r.levelChanges.length)
    out.push('', `### What travellers will see change (${r.levelChanges.length})`, '', '| country | before | after |', '|---|---|---|', ...r.levelChanges.map((c) => `| ${c.name} (${c.code}) | ${c.from} | ${c.to} |`));
  if (r.changes.length)
    out.push('', `### Advisory changes (${r.changes.length})`, '', '| country | before | after |', '|---|---|---|', ...r.changes.map((c) => `| ${c.name} (${c.code}) | ${describe(c.before)} | ${describeAfter(c)} |`));
  else out.push('', 'No advisory changed.');
  return `${out.join('\n')}\n`;
}
