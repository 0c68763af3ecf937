/**
 * Scores an understander against an evaluation set (test/nlu/eval-set.yaml): intent,
 * destinations (the exact list, in order, plus "Did you mean" suggestions where the
 * set names them) and trip dates, per category. Used by `npm run eval:nlu` and the test.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { intentNames } from '../vocabulary/intents.js';
import type { Understander } from './types.js';

/** The bar the issue sets: exact destination lists and trip dates. */
export const COUNTRY_BAR = 0.97;
export const DATE_BAR = 0.95;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const evalCaseSchema = z.strictObject({
  category: z.string().min(1),
  text: z.string().min(1),
  intent: z.enum(intentNames),
  /** Destinations in order; omitted means none. */
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).default([]),
  /** Expected "Did you mean" codes; checked only when given. */
  suggest: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  /** Trip start; null means no dates. Dates are checked only when `start` is given. */
  start: day.nullable().optional(),
  end: day.nullable().optional(),
  now: z.string().optional(),
  timeZone: z.string().optional(),
  /** The user's locale (BCP 47, e.g. "en-US"), which decides how "1/12" reads; omitted: the set's. */
  locale: z.string().optional(),
  /** The door whose syntax the text is written in (mentions, links, emoji codes): its normaliser runs first. */
  door: z.enum(['slack', 'teams']).optional(),
});
export const evalSetSchema = z.strictObject({
  /** One line on what the set is and when it was written (printed above its table). */
  description: z.string().optional(),
  now: z.string(),
  timeZone: z.string().default('UTC'),
  /** Omitted: no locale known, the understander's default (day first). */
  locale: z.string().optional(),
  cases: z.array(evalCaseSchema).min(1),
});
export type EvalSet = z.infer<typeof evalSetSchema>;
export type EvalCase = z.infer<typeof evalCaseSchema>;

export interface Tally {
  cases: number;
  intent: number;
  countries: number;
  dated: number;
  dates: number;
}

export interface EvalFailure {
  case: EvalCase;
  got: { intent: string; countries: string[]; suggest: string[]; start: string | null; end: string | null };
  wrong: Array<'intent' | 'countries' | 'dates'>;
}

export interface EvalReport {
  total: Tally;
  byCategory: Map<string, Tally>;
  failures: EvalFailure[];
}

/** Reads and validates an evaluation set file. */
export function readEvalSet(path: string): EvalSet {
  return evalSetSchema.parse(parse(readFileSync(path, 'utf8')));
}

const emptyTally = (): Tally => ({ cases: 0, intent: 0, countries: 0, dated: 0, dates: 0 });
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Each door's own normaliser (Slack or Teams syntax to plain text), as the door runs it before
 * the Turn. Given by the caller: the understander knows no door's syntax, and may not import one.
 */
export type DoorNormalisers = Record<NonNullable<EvalCase['door']>, (text: string) => string>;

/** A case's text as the understander receives it: through its door's normaliser when it names one. */
function textOf(c: EvalCase, doors: DoorNormalisers | undefined): string {
  if (!c.door) return c.text;
  if (!doors) throw new TypeError(`case ${JSON.stringify(c.text)} is written in ${c.door} syntax: pass the doors' normalisers`);
  return doors[c.door](c.text);
}

/** Runs every case and tallies intent, destination and date accuracy, overall and per category. */
export function runEval(set: EvalSet, understander: Understander, doors?: DoorNormalisers): EvalReport {
  const total = emptyTally();
  const byCategory = new Map<string, Tally>();
  const failures: EvalFailure[] = [];
  for (const c of set.cases) {
    const locale = c.locale ?? set.locale;
    const u = understander.understand(textOf(c, doors), { now: new Date(c.now ?? set.now), timeZone: c.timeZone ?? set.timeZone, ...(locale ? { locale } : {}) });
    const got = {
      intent: u.intent,
      countries: u.places.map((p) => p.countryCode),
      suggest: u.suggestions.map((p) => p.countryCode),
      start: u.trip?.start ?? null,
      end: u.trip?.end ?? null,
    };
    const wrong: EvalFailure['wrong'] = [];
    const okIntent = got.intent === c.intent;
    const okCountries = same(got.countries, c.countries) && (!c.suggest || same(got.suggest, c.suggest));
    const dated = c.start !== undefined;
    const okDates = !dated || (got.start === c.start && got.end === (c.end ?? null));
    if (!okIntent) wrong.push('intent');
    if (!okCountries) wrong.push('countries');
    if (!okDates) wrong.push('dates');
    const cat = byCategory.get(c.category) ?? emptyTally();
    byCategory.set(c.category, cat);
    for (const t of [total, cat]) {
      t.cases++;
      if (okIntent) t.intent++;
      if (okCountries) t.countries++;
      if (dated) t.dated++;
      if (dated && okDates) t.dates++;
    }
    if (wrong.length) failures.push({ case: c, got, wrong });
  }
  return { total, byCategory, failures };
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : '-');

/** A plain-text table: one row per category, then the total. */
export function formatReport(report: EvalReport): string {
  const rows = [...report.byCategory.entries()].sort(([a], [b]) => a.localeCompare(b));
  const line = (name: string, t: Tally) =>
    `${name.padEnd(18)} ${String(t.cases).padStart(5)}  ${pct(t.intent, t.cases).padStart(7)}  ${pct(t.countries, t.cases).padStart(9)}  ${pct(t.dates, t.dated).padStart(6)} (${t.dated})`;
  return [
    `${'category'.padEnd(18)} ${'cases'.padStart(5)}  ${'intent'.padStart(7)}  ${'countries'.padStart(9)}  ${'dates'.padStart(6)}`,
    ...rows.map(([name, t]) => line(name, t)),
    line('TOTAL', report.total),
  ].join('\n');
}

/** The sets `npm run eval:nlu` reports, each apart. MUST stay in sync with docs/nlu.md ("Evaluation"). */
export const DEFAULT_EVAL_SETS = ['test/nlu/eval-set.yaml', 'test/nlu/eval-untuned.yaml'];

function describeMiss(f: EvalFailure): string {
  return (
    `MISS [${f.case.category}] ${JSON.stringify(f.case.text)}${f.case.locale ? ` (${f.case.locale})` : ''} (${f.wrong.join(', ')}): expected ${f.case.intent} [${f.case.countries.join(' ')}]` +
    `${f.case.start !== undefined ? ` ${f.case.start}..${f.case.end ?? null}` : ''}; got ${f.got.intent} [${f.got.countries.join(' ')}]` +
    `${f.got.suggest.length ? ` suggest [${f.got.suggest.join(' ')}]` : ''} ${f.got.start}..${f.got.end}`
  );
}

/** Whether a report reaches the bar: exact destination lists and trip dates. */
export const meetsBar = (t: Tally) => t.countries / t.cases >= COUNTRY_BAR && t.dates / Math.max(1, t.dated) >= DATE_BAR;

export interface SetsReport {
  /** One table per set under its file name and description. */
  tables: string;
  /** Every miss, one line each, naming its file. */
  misses: string[];
  /** Every set reaches the bar. */
  ok: boolean;
  reports: Array<{ path: string; set: EvalSet; report: EvalReport }>;
  /** Milliseconds spent understanding, over all cases. */
  elapsed: number;
}

/** Runs each set on its own, so a batch written before tuning is never hidden in another's total. */
export function evaluateSets(paths: string[], understander: Understander, doors?: DoorNormalisers): SetsReport {
  const reports: SetsReport['reports'] = [];
  const tables: string[] = [];
  const misses: string[] = [];
  let elapsed = 0;
  for (const path of paths) {
    const set = readEvalSet(path);
    const t0 = performance.now();
    const report = runEval(set, understander, doors);
    elapsed += performance.now() - t0;
    reports.push({ path, set, report });
    tables.push(`${basename(path)}${set.description ? `: ${set.description}` : ''}\n${formatReport(report)}`);
    misses.push(...report.failures.map((f) => `${basename(path)} ${describeMiss(f)}`));
  }
  return { tables: tables.join('\n\n'), misses, ok: reports.every((r) => meetsBar(r.report.total)), reports, elapsed };
}
