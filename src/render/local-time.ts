/**
 * Instants as the person reading them would write them: the calendar date and 24-hour
 * wall-clock time in their own IANA zone, with the zone's short name ("2026-11-29 15:00
 * GMT+6", "2026-11-29 01:00 PST", "2026-11-24 09:00 UTC"). Every door uses it for
 * reminder due times, snooze confirmations and "reminders set" lists, so a traveller in
 * Bishkek and one in Los Angeles each read their own time. Pure: the zone is an argument
 * (Slack's users.info `tz`, Teams' `localTimezone`, or DEFAULT_TIMEZONE), never looked up.
 */
import { cachedFormat } from '../understand/calendar.js';

/** Zone names as the IANA database spells them ("America/Argentina/Buenos_Aires", "Etc/GMT+5", "UTC"). */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(zone: string): Intl.DateTimeFormat {
  return cachedFormat(formats, zone, () =>
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      timeZoneName: 'short',
    }),
  );
}

/**
 * True for a zone this runtime knows. Zones arrive from platforms (and, in Teams local
 * mode, from anyone on this machine): a bad one must fall back, never throw later.
 */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || !ZONE_NAME.test(zone)) return false;
  try {
    formatIn(zone);
    return true;
  } catch {
    return false;
  }
}

/** `zone` when it is a known IANA zone, else `fallback` (DEFAULT_TIMEZONE). */
export function zoneOr(zone: unknown, fallback: string): string {
  return isTimeZone(zone) ? zone : fallback;
}

/** "YYYY-MM-DD HH:MM <zone>" for `instant` in `zone` ("2026-11-29 15:00 GMT+6"). */
export function formatLocalTime(instant: string | Date, zone: string): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) return String(instant);
  const parts = formatIn(zoneOr(zone, 'UTC')).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} ${get('timeZoneName')}`;
}
