/**
 * An instant in a Slack message as Slack's date token, `<!date^<unix>^{date_short_pretty}
 * at {time}|<fallback>>`: every reader's client shows it in their own zone ("tomorrow at
 * 3:00 PM"), and the fallback (notifications, clients that cannot format dates) is
 * written in the zone of the person the message is for (their users.info zone, or
 * DEFAULT_TIMEZONE). Used for reminder due times, snooze confirmations and "reminders
 * set" lists, in messages and in the Home tab. Pure.
 */
import { formatLocalTime } from '../../../render/local-time.js';
import { escapeMrkdwn } from './mrkdwn.js';

export function slackDate(instant: string | Date, zone: string): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) return escapeMrkdwn(String(instant));
  return `<!date^${Math.floor(at.getTime() / 1000)}^{date_short_pretty} at {time}|${escapeMrkdwn(formatLocalTime(at, zone))}>`;
}
