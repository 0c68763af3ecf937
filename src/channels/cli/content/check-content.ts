/**
 * The work behind `npm run content:check`, as a pure-ish function the CLI and tests
 * share: load and validate the content base, then say what a reviewer needs to see —
 * every problem as `file:line: message` (path relative to the caller's directory, so
 * editors and CI logs make it clickable), every level override, and the level each
 * country comes out at.
 */
import { relative, resolve } from 'node:path';
import { ContentError, formatProblem, type ContentProblem } from '../../../errors.js';
import { scoreCountry } from '../../../advisor/score-country.js';
import { buildDestination } from '../../../advisor/build-destination.js';
import { loadContent } from '../../../content/load-content.js';
import { codeownersWarnings } from './owners-cli.js';
import type { ContentBase } from '../../../content/types.js';

export interface CheckContentOptions {
  /** The content directory. */
  dir: string;
  /** Files reviewed longer ago than this are reported as stale (warning). */
  staleAfterDays: number;
  /** "Today", for staleness; injected so tests do not depend on the clock. */
  today?: Date;
  /** Paths are printed relative to this directory (the shell's cwd). */
  cwd: string;
}

export interface CheckContentResult {
  /** 0 when there is no error (warnings allowed), 1 otherwise. */
  exitCode: 0 | 1;
  /** Lines for standard output: warnings, the level table, the summary. */
  out: string[];
  /** Lines for standard error: every error, then a count. */
  err: string[];
  /** The loaded content, when it is valid. */
  content: ContentBase | null;
}

export function checkContent(options: CheckContentOptions): CheckContentResult {
  const dir = resolve(options.cwd, options.dir);
  const where = (p: ContentProblem) => ({ ...p, file: relative(options.cwd, resolve(dir, p.file)) || p.file });
  try {
    const content = loadContent(dir, { staleAfterDays: options.staleAfterDays, today: options.today });
    // The owning team is configured outside content/, so its warning is not one of content.warnings.
    const owners = codeownersWarnings(dir);
    const out = [...content.warnings, ...owners].map((w) => formatProblem(where(w)));
    out.push(...levelTable(content), ...coverageLines(content));
    out.push(
      `content ok: ${content.countries.size} countries, ${content.topics.size} topics, ${content.checklist.length} checklist items, ` +
        `${content.sources.size} sources, ${content.warnings.length + owners.length} warning${content.warnings.length + owners.length === 1 ? '' : 's'}`,
    );
    return { exitCode: 0, out, err: [], content };
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    const sorted = [...error.problems].sort((a, b) => Number(a.severity === 'error') - Number(b.severity === 'error'));
    const out = sorted.filter((p) => p.severity === 'warning').map((p) => formatProblem(where(p)));
    const err = sorted.filter((p) => p.severity === 'error').map((p) => formatProblem(where(p)));
    err.push(`content check failed: ${err.length} error${err.length === 1 ? '' : 's'}`);
    return { exitCode: 1, out, err, content: null };
  }
}

/** How many codes sit in each coverage tier, and how many country files still await a named reviewer. */
function coverageLines(content: ContentBase): string[] {
  const tiers = { assessed: 0, screened: 0, 'not-assessed': 0 };
  for (const e of content.world.values()) tiers[buildDestination(content, e.code, e.name).coverage]++;
  const drafts = [...content.countries.values()].filter((c) => !c.reviewed).map((c) => c.code);
  return [
    `coverage: ${content.world.size} countries: ${tiers.assessed} assessed, ${tiers.screened} screened, ${tiers['not-assessed']} not assessed`,
    `drafts awaiting a named reviewer: ${drafts.length ? `${drafts.length} (${drafts.join(', ')})` : 'none'}`,
  ];
}

/** One line per level: which countries land there, with their score; overrides marked. */
function levelTable(content: ContentBase): string[] {
  const byLevel = new Map<number, string[]>();
  for (const country of [...content.countries.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    const risk = scoreCountry(content, country);
    const note = risk.override ? `, overridden from ${risk.override.computedLevel}` : '';
    byLevel.set(risk.level, [...(byLevel.get(risk.level) ?? []), `${country.code} (${risk.score}${note})`]);
  }
  return content.levels.map((l) => `level ${l.level} ${l.label} (score ${l.min_score}+): ${(byLevel.get(l.level) ?? []).join(', ') || '-'}`);
}
