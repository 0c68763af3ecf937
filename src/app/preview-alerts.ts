/**
 * "Alerts this content would send": for a content change not yet served (a branch
 * against its base), the alert a traveller with an upcoming trip to each changed
 * destination would get, built exactly as the alert pass builds one (the same
 * alertingChanges, the same Answer from the new content, the same words), on a sample
 * trip leaving in a week. For reviewers: the playground draws these as Slack and Teams
 * would (src/channels/web/alert-preview.ts). Channel-free; no traveller involved.
 */
import type { Advisor } from '../advisor/create-advisor.js';
import type { ContentBase } from '../content/types.js';
import { changeSentences } from '../render/alert-words.js';
import { addDays } from '../understand/calendar.js';
import { alertingRows, type AlertImpactRow } from '../alerts/count-alert-impact.js';
import type { AlertDelivery } from '../alerts/types.js';

/** One changed destination: what travellers going there are told, and the alert they would get. */
export interface AlertPreviewEntry {
  countryCode: string;
  countryName: string;
  /** The change as the alert words it ("The surveillance risk level went up from …"). */
  sentences: string[];
  alert: AlertDelivery;
}

export interface AlertPreview {
  /** Every destination whose change would alert travellers (content:diff's rows, without counts). */
  rows: AlertImpactRow[];
  /** The first `limit` of them, as alerts. */
  entries: AlertPreviewEntry[];
}

/**
 * Compares `before` (e.g. the content at a git ref) with what `advisor` serves now.
 * `today` (YYYY-MM-DD in DEFAULT_TIMEZONE) places the sample trip: leaving in 7 days, back 4 days later.
 */
export async function previewAlerts(
  before: ContentBase,
  advisor: Pick<Advisor, 'content' | 'answerForCountries'>,
  options: { today: string; limit?: number },
): Promise<AlertPreview> {
  const rows = alertingRows(before, advisor.content);
  const trip = { start: addDays(options.today, 7), end: addDays(options.today, 11) };
  const entries: AlertPreviewEntry[] = [];
  for (const row of rows.slice(0, options.limit ?? 10)) {
    const answer = await advisor.answerForCountries([row.code], { intent: 'trip', trip: { ...trip, said: null, startInferred: false, endInferred: false }, summary: false });
    const dc = { countryCode: row.code, countryName: row.name, changes: row.changes };
    entries.push({
      countryCode: row.code,
      countryName: row.name,
      sentences: changeSentences(dc, answer),
      alert: { idempotencyKey: `preview-${row.code}`, tripId: 'preview', trip, destinations: [dc], answer },
    });
  }
  return { rows, entries };
}
