/**
 * One day's question counts as stored for the security-team insights: how many
 * questions, by intent, which destinations at which coverage tier, and what the content
 * base could not answer, as classified subjects. Keys are ISO codes, tier names, intent
 * names and subject ids; values are counts. No text a person wrote, no user or
 * conversation id, no time finer than the day. MUST stay in sync with docs/insights.md.
 */
import { z } from 'zod';
import { coverageTiers, intentNames, type CoverageTier, type IntentName } from '../advisor/answer.js';
import type { AnswerGap, AnswerGapKind, QuestionSeen } from '../advisor/question-seen.js';

const count = z.number().int().nonnegative();
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** `kind|subject|CC` (or `-` without a destination): a subject id is lower-case letters, digits and dashes. */
const GAP_KEY = /^(out-of-scope|nothing-on|no-content)\|[a-z][a-z0-9-]{0,39}\|([A-Z]{2}|-)$/;

/** Validates a stored day record on read: anything else in the namespace is skipped, and no free text fits its keys. */
export const dayCountsSchema = z.strictObject({
  version: z.literal(1),
  /** UTC day, YYYY-MM-DD. */
  day: z.string().regex(DAY),
  questions: count,
  byIntent: z.partialRecord(z.enum(intentNames), count),
  /** ISO code → coverage tier at the time of asking → count. */
  destinations: z.record(z.string().regex(/^[A-Z]{2}$/), z.partialRecord(z.enum(coverageTiers), count)),
  /** `kind|subject|CC` → count. */
  gaps: z.record(z.string().regex(GAP_KEY), count),
});
/** One process's counts for one UTC day (or, summed, a period's). */
export type DayCounts = z.infer<typeof dayCountsSchema>;

/** An empty day. */
export function emptyDay(day: string): DayCounts {
  return { version: 1, day, questions: 0, byIntent: {}, destinations: {}, gaps: {} };
}

/** Subject ids as classified (subjects.ts); anything else is counted as `unclassified` so a key can never carry text. */
const safeSubject = (s: string) => (/^[a-z][a-z0-9-]{0,39}$/.test(s) ? s : 'unclassified');

/** The stored key of an unanswered subject: `kind|subject|CC`, with a subject that is an id or `unclassified`, never text. */
export function gapKey(g: AnswerGap): string {
  return `${g.kind}|${safeSubject(g.subject)}|${g.countryCode && /^[A-Z]{2}$/.test(g.countryCode) ? g.countryCode : '-'}`;
}

/** Reads a key gapKey wrote, for the report. */
export function parseGapKey(key: string): { kind: AnswerGapKind; subject: string; countryCode: string | null } {
  const [kind, subject, code] = key.split('|') as [AnswerGapKind, string, string];
  return { kind, subject, countryCode: code === '-' ? null : code };
}

/** Adds one question to a day's counts (in place). */
export function addQuestion(day: DayCounts, q: QuestionSeen): void {
  day.questions += 1;
  day.byIntent[q.intent] = (day.byIntent[q.intent] ?? 0) + 1;
  for (const d of q.destinations) {
    if (!/^[A-Z]{2}$/.test(d.countryCode)) continue;
    const tiers = (day.destinations[d.countryCode] ??= {});
    tiers[d.coverage] = (tiers[d.coverage] ?? 0) + 1;
  }
  for (const g of q.gaps) {
    const key = gapKey(g);
    day.gaps[key] = (day.gaps[key] ?? 0) + 1;
  }
}

/** Several days' (and processes') counts summed into one. */
export function sumDays(days: Iterable<DayCounts>, label = 'total'): DayCounts {
  const out = emptyDay('0000-00-00');
  out.day = label;
  for (const d of days) {
    out.questions += d.questions;
    for (const [k, n] of Object.entries(d.byIntent) as Array<[IntentName, number]>) out.byIntent[k] = (out.byIntent[k] ?? 0) + n;
    for (const [code, tiers] of Object.entries(d.destinations)) {
      const into = (out.destinations[code] ??= {});
      for (const [tier, n] of Object.entries(tiers) as Array<[CoverageTier, number]>) into[tier] = (into[tier] ?? 0) + n;
    }
    for (const [k, n] of Object.entries(d.gaps)) out.gaps[k] = (out.gaps[k] ?? 0) + n;
  }
  return out;
}
