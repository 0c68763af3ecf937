/**
 * What `travel-advisor feedback report` prints: how people rated AI-written answers,
 * counted per rating, per platform, per destination and per summary method, so the
 * security team can see where summaries disappoint (a country, a channel, the model
 * against the extractive fallback). Counting and rendering are pure; the CLI feeds in
 * the stored records. A vote about a trip counts once for each of its destinations.
 */
import { feedbackRatings, type FeedbackRating, type FeedbackRecord } from './feedback-record.js';

export type RatingCounts = Record<FeedbackRating, number>;

export interface FeedbackCounts {
  total: number;
  byRating: RatingCounts;
  byPlatform: Record<string, RatingCounts>;
  byDestination: Record<string, RatingCounts>;
  bySummaryMethod: Record<string, RatingCounts>;
  /** Oldest and newest vote kept (ISO instants), null when there are none. */
  first: string | null;
  last: string | null;
}

const zero = (): RatingCounts => ({ positive: 0, negative: 0 });

function bump(table: Record<string, RatingCounts>, key: string, rating: FeedbackRating): void {
  (table[key] ??= zero())[rating] += 1;
}

export async function countFeedback(records: AsyncIterable<FeedbackRecord> | Iterable<FeedbackRecord>): Promise<FeedbackCounts> {
  const counts: FeedbackCounts = { total: 0, byRating: zero(), byPlatform: {}, byDestination: {}, bySummaryMethod: {}, first: null, last: null };
  for await (const r of records) {
    counts.total += 1;
    counts.byRating[r.rating] += 1;
    bump(counts.byPlatform, r.platform, r.rating);
    bump(counts.bySummaryMethod, r.summaryMethod, r.rating);
    for (const code of new Set(r.destinations.length ? r.destinations : ['none'])) bump(counts.byDestination, code, r.rating);
    if (!counts.first || r.at < counts.first) counts.first = r.at;
    if (!counts.last || r.at > counts.last) counts.last = r.at;
  }
  return counts;
}

/** One table: a label column, then positive, negative, total and the share positive. */
function table(title: string, rows: Record<string, RatingCounts>, label: (key: string) => string): string[] {
  const keys = Object.keys(rows).sort((a, b) => rows[b]!.positive + rows[b]!.negative - (rows[a]!.positive + rows[a]!.negative) || a.localeCompare(b));
  if (!keys.length) return [];
  const labels = keys.map(label);
  const width = Math.max(title.length, ...labels.map((l) => l.length));
  const line = (l: string, c: string[]) => `  ${l.padEnd(width)}  ${c.map((x) => x.padStart(8)).join('  ')}`;
  const out = ['', line(title, ['positive', 'negative', 'total', 'positive%'])];
  keys.forEach((k, i) => {
    const { positive, negative } = rows[k]!;
    const total = positive + negative;
    out.push(line(labels[i]!, [String(positive), String(negative), String(total), total ? `${Math.round((positive / total) * 100)}%` : '-']));
  });
  return out;
}

export interface ReportOptions {
  /** Country names for codes in the destination table. */
  countryName?: (code: string) => string;
  /** How long votes are kept (FEEDBACK_RETENTION_DAYS), said in the heading. */
  retentionDays?: number;
}

/** The report as plain text for a terminal. */
export function renderFeedbackReport(counts: FeedbackCounts, options: ReportOptions = {}): string {
  const kept = options.retentionDays ? `, kept ${options.retentionDays} days` : '';
  const head = `Feedback on AI-written answers: ${counts.total} vote${counts.total === 1 ? '' : 's'}${kept}`;
  if (!counts.total) return `${head}.\nNo votes yet: 👍/👎 appear under answers whose summary a model wrote (OPENAI_API_KEY set).\n`;
  const name = options.countryName ?? ((c: string) => c);
  const lines = [
    `${head} (${counts.first!.slice(0, 10)} to ${counts.last!.slice(0, 10)}).`,
    ...feedbackRatings.map((r) => `  ${r}: ${counts.byRating[r]}`),
    ...table('platform', counts.byPlatform, (k) => k),
    ...table('destination', counts.byDestination, (k) => (k === 'none' ? '(no destination)' : `${k} ${name(k)}`)),
    ...table('summary method', counts.bySummaryMethod, (k) => k),
  ];
  return `${lines.join('\n')}\n`;
}
