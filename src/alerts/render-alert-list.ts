/**
 * "Who was told": the desk's list of risk-change alerts, as text for `/travel-desk
 * alerts` in Slack and `travel-desk alerts` in Teams. Pure. Stored strings (emails,
 * user ids, failure reasons) go through the door's DeskTextFormat, like the desk report.
 */
import { PLAIN_DESK_FORMAT, travellerLabel, type DeskTextFormat } from '../reminders/render-desk-report.js';
import type { AlertRecord } from './types.js';

const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function state(r: AlertRecord, format: DeskTextFormat): string {
  const when = (iso: string) => (format.instant ? format.instant(iso) : utc(iso));
  if (r.state === 'sent') return `told ${when(r.sentAt ?? r.firstTriedAt)}`;
  if (r.state === 'failed') return `failed: ${format.escape(r.reason ?? 'unknown reason')}`;
  return `being sent (attempt ${r.attempts})`;
}

/** Counts, then one line per alert, newest first: traveller, what changed, told when (or why not). */
export function renderAlertList(records: AlertRecord[], limit = 40, format: DeskTextFormat = PLAIN_DESK_FORMAT): string {
  if (!records.length) return 'No risk-change alerts yet: travellers are alerted when a content change raises or lowers a level, changes a tier or the VPN or encryption law, or adds a key action for their destination.';
  const count = (s: AlertRecord['state']) => records.filter((r) => r.state === s).length;
  const lines = records.slice(0, limit).map((r) => `• ${travellerLabel(r.traveller, format)}: ${format.escape(r.changes.join('; '))}: ${state(r, format)}`);
  if (records.length > limit) lines.push(`…and ${records.length - limit} more (GET /api/alerts for all).`);
  return `Risk-change alerts (${records.length}: told ${count('sent')}, failed ${count('failed')}, in progress ${count('sending')}):\n${lines.join('\n')}`;
}
