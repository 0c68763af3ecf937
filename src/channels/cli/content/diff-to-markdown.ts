/**
 * Renders a ContentDiff as Markdown a reviewer can paste into (or CI can post as) a
 * pull-request comment, with, beside the level changes, how many upcoming trips each
 * change would alert (counts only). Pure: the base ref name and the counts arrive as
 * arguments.
 */
import type { ChecklistItem } from '../../../content/types.js';
import { isEmptyDiff, type ContentDiff, type LevelRef, type StandingRef } from './content-diff.js';
import type { AlertImpact } from '../../../alerts/count-alert-impact.js';
import type { AlertChange } from '../../../alerts/types.js';

const level = (r: LevelRef) => `${r.level} ${r.label} (score ${r.score}${r.overridden ? ', override' : ''})`;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const TIER = { assessed: 'assessed', screened: 'screened', 'not-assessed': 'not assessed' } as const;
const standing = (s: StandingRef) =>
  s.tier === 'not-assessed' ? 'not assessed (treated as elevated)' : `${TIER[s.tier]}, level ${s.level} ${s.floor && s.level > 1 ? 'at least ' : ''}${s.label}`;

function when(item: ChecklistItem): string {
  const w = item.when;
  const parts: string[] = [];
  if (w.min_level > 1 || w.max_level < 4) parts.push(w.min_level === w.max_level ? `level ${w.min_level}` : `levels ${w.min_level}-${w.max_level}`);
  if (w.vpn) parts.push(`VPN ${w.vpn.join('/')}`);
  if (w.encryption) parts.push(`encryption ${w.encryption.join('/')}`);
  if (w.indicator) parts.push(`where ${w.indicator} is present`);
  return parts.length ? parts.join(', ') : 'everyone';
}

const itemLine = (i: ChecklistItem) => `- \`${i.id}\` (${i.categoryTitle}, ${i.phase}; ${when(i)}): ${i.text}`;

const TIER_NAME = { assessed: 'assessed', screened: 'screened', 'not-assessed': 'not assessed' } as const;
function alertChangeWords(c: AlertChange): string {
  if (c.kind === 'level') return `level ${c.from.level} ${c.from.label} → ${c.to.level} ${c.to.label}`;
  if (c.kind === 'tier') return `${TIER_NAME[c.from]} → ${TIER_NAME[c.to]}`;
  if (c.kind === 'key-actions') return `new key action${c.added.length === 1 ? '' : 's'}: ${c.added.map((id) => `\`${id}\``).join(', ')}`;
  return `${c.kind === 'vpn' ? 'VPN' : 'encryption'} ${c.from} → ${c.to}`;
}

/** "Alerts to travellers": each change that would alert, and how many upcoming trips it reaches. */
function alertSection(impact: AlertImpact): string[] {
  const out = ['### Alerts to travellers', ''];
  if (!impact.rows.length) return [...out, 'No change here alerts travellers (level, tier, VPN or encryption law, new key action).', ''];
  if (impact.unknown) out.push(`Impact unknown: ${impact.unknown}.`, '');
  else out.push(`${impact.totalTrips} upcoming trip${impact.totalTrips === 1 ? '' : 's'} would get one alert each when the server reloads this content (counts only).`, '');
  out.push('| Country | What travellers are told | Upcoming trips alerted |', '|---|---|---|');
  for (const r of impact.rows) out.push(`| ${cell(r.name)} (${r.code}) | ${cell(r.changes.map(alertChangeWords).join('; '))} | ${r.trips ?? 'unknown'} |`);
  out.push('');
  return out;
}

export function diffToMarkdown(diff: ContentDiff, options: { base: string; alerts?: AlertImpact }): string {
  const out: string[] = [`## Content changes against \`${options.base}\``, ''];
  const moved = diff.changed.filter((c) => c.from.level !== c.to.level);
  const other = diff.changed.filter((c) => c.from.level === c.to.level);
  if (isEmptyDiff(diff)) {
    out.push('No user-visible changes.');
    return `${out.join('\n')}\n`;
  }

  if (diff.scoring.length) {
    out.push('### Scoring', '', 'Weights or thresholds changed, so any level may move:', '');
    for (const s of diff.scoring) out.push(`- ${s}`);
    out.push('');
  }

  out.push('### Risk levels', '');
  if (moved.length) {
    out.push('| Country | Before | After | Indicators that moved |', '|---|---|---|---|');
    for (const c of moved) {
      const arrow = c.to.level > c.from.level ? '⬆' : '⬇';
      const ind = c.indicators.map((i) => `${i.id}: ${i.from ?? 'missing'} → ${i.to ?? 'missing'}`).join('<br>') || '(scoring or override)';
      out.push(`| ${cell(c.name)} (${c.code}) | ${level(c.from)} | ${arrow} ${level(c.to)} | ${cell(ind)} |`);
    }
  } else out.push('No country changes level.');
  out.push('');
  if (options.alerts) out.push(...alertSection(options.alerts));

  if (diff.added.length || diff.removed.length) {
    out.push('### Countries added or removed', '');
    for (const c of diff.added) out.push(`- Added: ${c.name} (${c.code}), level ${level(c.risk)}`);
    for (const c of diff.removed) out.push(`- Removed: ${c.name} (${c.code}), was level ${level(c.risk)}; it will now be ${standing(c.fallback)}`);
    out.push('');
  }

  if (diff.world.length) {
    out.push(`### Countries without a country file (${diff.world.length})`, '', '| Country | Before | After |', '|---|---|---|');
    for (const c of diff.world) out.push(`| ${cell(c.name)} (${c.code}) | ${c.from ? standing(c.from) : '—'} | ${standing(c.to)} |`);
    out.push('');
  }

  const details = diff.changed.filter((c) => c.law.length || c.indicators.length || c.evidenceChanged.length || c.sectionsChanged.length || c.reviewed);
  if (details.length) {
    out.push('### Country details', '');
    for (const c of details) {
      const bits: string[] = [];
      for (const l of c.law) bits.push(`**${l.key === 'vpn' ? 'VPN' : 'encryption'} law ${l.from} → ${l.to}**`);
      if (other.includes(c)) for (const i of c.indicators) bits.push(`${i.id}: ${i.from ?? 'missing'} → ${i.to ?? 'missing'}`);
      if (c.evidenceChanged.length) bits.push(`evidence/sources edited: ${c.evidenceChanged.join(', ')}`);
      if (c.sectionsChanged.length) bits.push(`text changed in: ${c.sectionsChanged.join(', ')}`);
      if (c.reviewed) bits.push(`review ${c.reviewed.from} → ${c.reviewed.to}`);
      out.push(`- ${c.name} (${c.code}): ${bits.join('; ')}`);
    }
    out.push('');
  }

  const cl = diff.checklist;
  if (cl.added.length || cl.removed.length || cl.changed.length) {
    out.push('### Checklist', '');
    if (cl.added.length) out.push('Added:', ...cl.added.map(itemLine), '');
    if (cl.removed.length) out.push('Removed:', ...cl.removed.map(itemLine), '');
    if (cl.changed.length) {
      out.push('Changed:');
      for (const c of cl.changed) {
        out.push(`- \`${c.after.id}\` (${c.fields.join(', ')})`);
        if (c.fields.includes('text')) out.push(`  - before: ${c.before.text}`, `  - after: ${c.after.text}`);
        if (c.fields.includes('when')) out.push(`  - applies: ${when(c.before)} → ${when(c.after)}`);
        if (c.fields.includes('phase')) out.push(`  - phase: ${c.before.phase} → ${c.after.phase}`);
        if (c.fields.includes('priority')) out.push(`  - priority: ${c.before.priority} → ${c.after.priority} (ranks the key actions)`);
      }
      out.push('');
    }
  }

  const t = diff.topics;
  if (t.added.length || t.removed.length || t.changed.length) {
    out.push('### Topics', '');
    if (t.added.length) out.push(`- Added: ${t.added.join(', ')}`);
    if (t.removed.length) out.push(`- Removed: ${t.removed.join(', ')}`);
    if (t.changed.length) out.push(`- Changed: ${t.changed.join(', ')}`);
    out.push('');
  }
  if (diff.sources.added.length || diff.sources.removed.length) {
    out.push('### Sources', '');
    if (diff.sources.added.length) out.push(`- Added: ${diff.sources.added.join(', ')}`);
    if (diff.sources.removed.length) out.push(`- Removed: ${diff.sources.removed.join(', ')}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
