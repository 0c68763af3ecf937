/**
 * The words every door uses for a destination's level, its coverage tier, what the
 * level rests on, the official advisory and the file's review status. One place, so
 * Slack, Teams, the playground and the terminal never disagree on what "not assessed"
 * or "at least high" means. Pure: everything comes from the Destination.
 */
import type { Destination } from '../advisor/answer.js';

/** "level 3 of 4, high" · "at least high (level 3 of 4)" · "not assessed: treated as elevated". */
export function levelHeadline(d: Destination): string {
  const { level, label, floor } = d.risk;
  if (d.coverage === 'not-assessed') return `not assessed: treated as ${label} (level ${level} of 4)`;
  if (floor && level > 1) return `at least ${label} (level ${level} of 4)`;
  // Never plain "baseline" while unknown indicators could raise it.
  if (floor) return `level ${level} of 4, ${label} so far: not every indicator is known`;
  return `level ${level} of 4, ${label}`;
}

/** Short tier tag for headers and tables. */
export function tierTag(d: Destination): string {
  if (d.coverage === 'assessed') return d.review?.status === 'reviewed' ? 'assessed' : 'assessed, draft';
  return d.coverage === 'screened' ? 'screened' : 'not assessed';
}

/** How much is known: the destination's notice for screened and unknown places, the review status for assessed ones. */
export function tierLine(d: Destination): string {
  if (d.notice) return d.notice;
  if (d.coverage === 'not-assessed') return 'Not assessed: the content base knows nothing about surveillance here.';
  if (d.coverage === 'screened') return 'Screened, not assessed: the level rests on a few dated facts and may be higher.';
  const review = d.review?.reviewed
    ? `reviewed by ${d.review.reviewed.by} on ${d.review.reviewed.date}`
    : `a draft of ${d.review?.drafted.date ?? 'unknown date'}, not yet approved by a named reviewer`;
  return `Assessed against all six indicators (${review}).`;
}

/** True when the level must be shown neutral (grey), never in a level colour. */
export function isNeutral(d: Destination): boolean {
  return d.coverage === 'not-assessed';
}

export interface BasisLine {
  text: string;
  sources: string[];
  date: string | null;
}

/** What the level rests on, one line per fact or rule, each with its sources and date. */
export function basisLines(d: Destination): BasisLine[] {
  return d.risk.basis.map((b) => ({ text: b.text, sources: b.sources, date: b.date }));
}

/** "US State Department: Level 2, Exercise Increased Caution (2026-09-04). General safety, not surveillance." */
export function advisoryLine(d: Destination): string | null {
  const a = d.advisory;
  if (!a) return null;
  return `Official travel advisory (US State Department, ${a.date}): Level ${a.level}, ${a.title}${a.reasons ? `, due to ${a.reasons}` : ''}. It measures general safety, not surveillance.`;
}
