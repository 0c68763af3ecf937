/**
 * The insights as text, for `/travel-desk insights` in Slack, `travel-desk insights`
 * in Teams and the weekly post: one short paragraph per section, counts and names of
 * countries, subjects and content files only. Pure. Every string goes through the
 * door's DeskTextFormat (Slack: mrkdwn-escaped), like the desk report.
 */
import type { CoverageTier } from '../advisor/answer.js';
import { PLAIN_DESK_FORMAT, type DeskTextFormat } from '../reminders/render-desk-report.js';
import type { Insights } from './collect-insights.js';

const TIER = { assessed: 'assessed', screened: 'screened', 'not-assessed': 'not assessed' } as const satisfies Record<CoverageTier, string>;
const GAP = { 'out-of-scope': 'not covered by the advisor', 'nothing-on': 'nothing in the content', 'no-content': 'no content' } as const;
/** How many entries a line lists before "and N more". */
const SHOWN = 8;

/** The first `shown` items, then "and N more" (`total`: how many there are in all, when the list was already cut). */
function list<T>(items: T[], draw: (x: T) => string, shown = SHOWN, total = items.length): string {
  const head = items.slice(0, shown).map(draw).join('; ');
  const rest = total - Math.min(shown, items.length);
  return rest > 0 ? `${head}; and ${rest} more` : head;
}

const pct = (rate: number) => `${Math.round(rate * 100)}%`;

/** `heading` replaces the first line, e.g. the weekly post's "Weekly insights …". */
export function renderInsights(insights: Insights, format: DeskTextFormat = PLAIN_DESK_FORMAT, heading?: string): string {
  const e = format.escape;
  const { period, questions, review, feedback } = insights;
  const out = [heading ?? `Security-team insights, ${period.from} to ${period.to} (${period.days} day${period.days === 1 ? '' : 's'}, UTC):`];
  const t = questions.byTier;
  out.push(
    `*Questions:* ${questions.total}. Destinations asked about: assessed ${t.assessed}, screened ${t.screened}, not assessed ${t['not-assessed']}.`,
  );
  if (insights.destinations.length)
    out.push(`*Most asked:* ${list(insights.destinations, (d) => `${e(d.countryName)} (${d.countryCode}, ${TIER[d.tier]}) ${d.asked}`)}.`);
  out.push(
    insights.notAssessed.length
      ? `*Most asked without a full assessment:* ${list(insights.notAssessed, (d) => `${e(d.countryName)} (${d.countryCode}, ${TIER[d.tier]}) ${d.asked}`)}.`
      : '*Most asked without a full assessment:* none in this period.',
  );
  out.push(
    insights.unanswered.length
      ? `*Could not answer (by subject):* ${list(insights.unanswered, (g) => `${e(g.subjectName)}${g.countryName ? ` in ${e(g.countryName)}` : ''} (${GAP[g.kind]}) ${g.count}`)}.`
      : '*Could not answer:* nothing in this period.',
  );
  const due = review.drafts + review.overdue;
  out.push(
    due
      ? `*Content to review:* ${due} of ${review.files} files (${review.drafts} never reviewed, ${review.overdue} last reviewed over ${review.staleDays} days ago): ${list(review.items, (i) => `${e(i.file)} (${i.status === 'draft' ? `draft since ${i.date}` : `reviewed ${i.date}`})`, 5, due)}.`
      : `*Content to review:* none; all ${review.files} files reviewed within ${review.staleDays} days.`,
  );
  out.push(
    insights.acknowledgements.length
      ? `*Briefings acknowledged:* ${list(insights.acknowledgements, (a) => `${e(a.countryName)} ${a.acknowledged} of ${a.briefed} (${pct(a.rate)})`)}.`
      : '*Briefings acknowledged:* no briefing sent for the trips kept.',
  );
  out.push(
    feedback.total
      ? `*Feedback on AI-written answers:* ${feedback.total} (👍 ${feedback.positive}, 👎 ${feedback.negative})${feedback.byDestination.length ? `; ${list(feedback.byDestination, (d) => `${d.countryCode} 👍 ${d.positive} 👎 ${d.negative}`, 5)}` : ''}.`
      : '*Feedback on AI-written answers:* no votes kept.',
  );
  out.push('Counts only: no message text and no user id is kept for these figures (docs/insights.md).');
  return out.join('\n');
}
