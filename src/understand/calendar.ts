/**
 * Calendar arithmetic on ISO days ("2026-12-01") in the user's time zone; no clock,
 * no host time zone. Moved here from the walking skeleton's understander.
 */

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The formatter `make` builds for `timeZone`, kept in the caller's `map`: building an
 * Intl.DateTimeFormat costs far more than formatting with it (tens of microseconds; a quarter
 * of a 1,000-row `trips import`'s CPU once went to building them). A bad zone throws before it
 * is kept; case variants of real zones are valid, so each map is bounded whatever arrives.
 * Shared with render/local-time.ts.
 */
export function cachedFormat(map: Map<string, Intl.DateTimeFormat>, timeZone: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = map.get(timeZone);
  if (!f) {
    f = make();
    if (map.size >= 1000) map.clear();
    map.set(timeZone, f);
  }
  return f;
}

/** YYYY-MM-DD of a Date as seen in an IANA time zone. */
export function isoDay(date: Date, timeZone: string): string {
  return cachedFormat(dayFormats, timeZone, () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })).format(date);
}

const offsets = new Map<string, number>();

/** Minutes east of UTC of `timeZone` at `date`, for chrono's reference instant (cached per zone and quarter hour). */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  const key = `${timeZone}@${Math.floor(date.getTime() / 900_000)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 1000) offsets.clear();
    offsets.set(key, (offset = computeOffset(date, timeZone)));
  }
  return offset;
}

function computeOffset(date: Date, timeZone: string): number {
  const parts = cachedFormat(offsetFormats, timeZone, () => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })).formatToParts(date);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

const asUtc = (day: string) => new Date(`${day}T00:00:00Z`);
const fmt = (d: Date) => d.toISOString().slice(0, 10);

/** `day` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const d = asUtc(day);
  d.setUTCDate(d.getUTCDate() + days);
  return fmt(d);
}

/** The Monday after `day`'s week (weeks start on Monday, ISO 8601). */
export function mondayOfNextWeek(day: string): string {
  const weekday = asUtc(day).getUTCDay(); // 0 = Sunday
  return addDays(day, weekday === 0 ? 1 : 8 - weekday);
}

/** The 1st of the month after `day`'s. */
export function firstOfNextMonth(day: string): string {
  const d = asUtc(day);
  return fmt(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)));
}

/** Days in a month (`month1` is 1 for January). */
export function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

/** `day` plus `months` calendar months, clamped to the last day of a shorter month (31 Jan + 1 → 28 Feb). */
export function addMonths(day: string, months: number): string {
  const d = asUtc(day);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = daysInMonth(target.getUTCFullYear(), target.getUTCMonth() + 1);
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return fmt(target);
}
