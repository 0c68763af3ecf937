/**
 * The security team's insights, from what the store holds: which destinations people
 * asked about and at which coverage tier, the most-asked ones the content base does not
 * assess (or only screens), what it could not answer (as classified subjects), which
 * content files wait for a review, how travellers acknowledge their briefings per
 * destination, and how people rated AI-written answers. Pure: the day counts, content,
 * trips and feedback counts arrive as arguments. Counts only: no traveller, no text.
 * MUST stay in sync with docs/insights.md and the JSON of GET /api/insights.
 */
import type { CoverageTier } from '../advisor/answer.js';
import { buildDestination } from '../advisor/build-destination.js';
import type { AnswerGapKind } from '../advisor/question-seen.js';
import type { ContentBase } from '../content/types.js';
import type { FeedbackCounts } from '../feedback/count-feedback.js';
import type { TripView } from '../reminders/types.js';
import { OUT_OF_SCOPE, SUBJECTS } from '../retrieval/subjects.js';
import { parseGapKey, sumDays, type DayCounts } from './day-counts.js';

const DAY_MS = 86_400_000;

/** What GET /api/insights answers and the chat doors render. */
export interface Insights {
  /** UTC days, inclusive. */
  period: { from: string; to: string; days: number };
  questions: {
    total: number;
    byIntent: Record<string, number>;
    /** Destinations asked about, by their tier when asked (a question about two places counts for both). */
    byTier: Record<CoverageTier, number>;
  };
  /** Most asked first. `tiers`: as asked; `tier`: in the content served now. */
  destinations: Array<{ countryCode: string; countryName: string; asked: number; tiers: Partial<Record<CoverageTier, number>>; tier: CoverageTier }>;
  /** The most-asked destinations that are only screened or not assessed in the content served now. */
  notAssessed: Array<{ countryCode: string; countryName: string; tier: Exclude<CoverageTier, 'assessed'>; asked: number }>;
  /** What the content base could not answer, by classified subject (never the question). */
  unanswered: Array<{ kind: AnswerGapKind; subject: string; subjectName: string; countryCode: string | null; countryName: string | null; count: number }>;
  /** Country and topic files never reviewed (drafts) or last reviewed more than `staleDays` ago, oldest first. */
  review: {
    staleDays: number;
    files: number;
    drafts: number;
    overdue: number;
    items: Array<{ file: string; kind: 'country' | 'topic'; name: string; status: 'draft' | 'reviewed'; date: string; ageDays: number }>;
  };
  /** Per destination, over the trips still kept whose briefing went out: how many were acknowledged. */
  acknowledgements: Array<{ countryCode: string; countryName: string; briefed: number; acknowledged: number; rate: number }>;
  /** 👍/👎 on AI-written answers kept (FEEDBACK_RETENTION_DAYS), from src/feedback. */
  feedback: { total: number; positive: number; negative: number; byDestination: Array<{ countryCode: string; positive: number; negative: number }>; bySummaryMethod: Record<string, { positive: number; negative: number }> };
}

export interface CollectInsightsInput {
  period: { from: string; to: string };
  days: DayCounts[];
  content: ContentBase;
  trips: TripView[];
  feedback: FeedbackCounts;
  now: Date;
  staleDays: number;
  /** Longest list in each section. Default 15. */
  limit?: number;
}

const SUBJECT_NAMES = new Map<string, string>([...SUBJECTS, ...OUT_OF_SCOPE].map((s) => [s.id, s.name]));

/** "messaging apps", "visas", or "questions on no known subject". */
export function subjectName(id: string): string {
  return SUBJECT_NAMES.get(id) ?? (id === 'unclassified' ? 'questions on no known subject' : id);
}

const nameOf = (content: ContentBase, code: string) => content.countries.get(code)?.name ?? content.world.get(code)?.name ?? code;
const tierOf = (content: ContentBase, code: string): CoverageTier => buildDestination(content, code, nameOf(content, code)).coverage;

function reviewQueue(content: ContentBase, now: Date, staleDays: number, limit: number): Insights['review'] {
  const files = [
    ...[...content.countries.values()].map((c) => ({ f: c, kind: 'country' as const, name: c.name })),
    ...[...content.topics.values()].map((t) => ({ f: t, kind: 'topic' as const, name: t.title })),
  ];
  const due = files
    .map(({ f, kind, name }) => {
      const status = f.reviewed ? ('reviewed' as const) : ('draft' as const);
      const date = f.reviewed?.date ?? f.drafted.date;
      return { file: f.file, kind, name, status, date, ageDays: Math.floor((now.getTime() - Date.parse(`${date}T00:00:00Z`)) / DAY_MS) };
    })
    // A draft counts as unreviewed whatever its age; a review counts once it is older than staleDays.
    .filter((i) => i.status === 'draft' || i.ageDays > staleDays)
    .sort((a, b) => b.ageDays - a.ageDays || a.file.localeCompare(b.file));
  return { staleDays, files: files.length, drafts: due.filter((i) => i.status === 'draft').length, overdue: due.filter((i) => i.status === 'reviewed').length, items: due.slice(0, limit) };
}

function acknowledgements(content: ContentBase, trips: TripView[]): Insights['acknowledgements'] {
  const per = new Map<string, { briefed: number; acknowledged: number }>();
  for (const t of trips) {
    // The playground's local test user is not a traveller.
    if (t.source === 'playground') continue;
    const briefed = Boolean(t.acknowledgedAt) || t.reminders.some((r) => r.kind === 'briefing' && (r.status === 'sent' || r.status === 'acknowledged'));
    if (!briefed) continue;
    for (const code of new Set(t.destinations)) {
      const row = per.get(code) ?? { briefed: 0, acknowledged: 0 };
      row.briefed += 1;
      if (t.acknowledgedAt) row.acknowledged += 1;
      per.set(code, row);
    }
  }
  return [...per.entries()]
    .map(([code, r]) => ({ countryCode: code, countryName: nameOf(content, code), ...r, rate: Math.round((r.acknowledged / r.briefed) * 100) / 100 }))
    .sort((a, b) => b.briefed - a.briefed || a.countryCode.localeCompare(b.countryCode));
}

/** The figures of every section, from what the store and the content hold; each list is most significant first, at most `limit` long. */
export function collectInsights(input: CollectInsightsInput): Insights {
  const { content, period } = input;
  const limit = input.limit ?? 15;
  const sum = sumDays(input.days);
  const byTier: Record<CoverageTier, number> = { assessed: 0, screened: 0, 'not-assessed': 0 };
  const destinations = Object.entries(sum.destinations).map(([code, tiers]) => {
    let asked = 0;
    for (const [tier, n] of Object.entries(tiers) as Array<[CoverageTier, number]>) {
      byTier[tier] += n;
      asked += n;
    }
    return { countryCode: code, countryName: nameOf(content, code), asked, tiers, tier: tierOf(content, code) };
  });
  destinations.sort((a, b) => b.asked - a.asked || a.countryCode.localeCompare(b.countryCode));
  const notAssessed = destinations
    .filter((d): d is typeof d & { tier: Exclude<CoverageTier, 'assessed'> } => d.tier !== 'assessed')
    .map(({ countryCode, countryName, tier, asked }) => ({ countryCode, countryName, tier, asked }));
  const unanswered = Object.entries(sum.gaps)
    .map(([key, count]) => {
      const g = parseGapKey(key);
      return { ...g, subjectName: subjectName(g.subject), countryName: g.countryCode ? nameOf(content, g.countryCode) : null, count };
    })
    .sort((a, b) => b.count - a.count || a.subject.localeCompare(b.subject) || (a.countryCode ?? '').localeCompare(b.countryCode ?? ''));
  const fb = input.feedback;
  const days = Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / DAY_MS) + 1;
  return {
    period: { ...period, days },
    questions: { total: sum.questions, byIntent: { ...sum.byIntent }, byTier },
    destinations: destinations.slice(0, limit),
    notAssessed: notAssessed.slice(0, limit),
    unanswered: unanswered.slice(0, limit),
    review: reviewQueue(content, input.now, input.staleDays, limit),
    acknowledgements: acknowledgements(content, input.trips).slice(0, limit),
    feedback: {
      total: fb.total,
      positive: fb.byRating.positive,
      negative: fb.byRating.negative,
      byDestination: Object.entries(fb.byDestination)
        .filter(([code]) => code !== 'none')
        .map(([countryCode, r]) => ({ countryCode, ...r }))
        .sort((a, b) => b.positive + b.negative - (a.positive + a.negative) || a.countryCode.localeCompare(b.countryCode))
        .slice(0, limit),
      bySummaryMethod: fb.bySummaryMethod,
    },
  };
}
