/**
 * Times are written as the reader would write them: date and 24-hour time in their own
 * zone with its short name, across DST changes, and a zone the runtime does not know is
 * never used (isTimeZone / zoneOr), so a bad zone from a platform falls back instead of
 * throwing mid-answer.
 */
import { describe, expect, it } from 'vitest';
import { formatLocalTime, isTimeZone, zoneOr } from './local-time.js';

describe('formatLocalTime', () => {
  it('writes one instant in each reader\'s zone', () => {
    const at = '2026-11-29T09:00:00Z';
    expect(formatLocalTime(at, 'UTC')).toBe('2026-11-29 09:00 UTC');
    expect(formatLocalTime(at, 'Asia/Bishkek')).toBe('2026-11-29 15:00 GMT+6');
    expect(formatLocalTime(at, 'America/Los_Angeles')).toBe('2026-11-29 01:00 PST');
    expect(formatLocalTime(new Date('2026-11-30T04:30:00Z'), 'America/Los_Angeles')).toBe('2026-11-29 20:30 PST');
    expect(formatLocalTime(at, 'Asia/Kolkata')).toBe('2026-11-29 14:30 GMT+5:30');
  });

  it('follows daylight saving time', () => {
    expect(formatLocalTime('2026-07-01T09:00:00Z', 'America/Los_Angeles')).toBe('2026-07-01 02:00 PDT');
    expect(formatLocalTime('2026-07-01T09:00:00Z', 'Europe/Berlin')).toBe('2026-07-01 11:00 GMT+2');
  });

  it('falls back to UTC for an unknown zone and leaves a non-instant as it was', () => {
    expect(formatLocalTime('2026-11-29T09:00:00Z', 'Mars/Olympus_Mons')).toBe('2026-11-29 09:00 UTC');
    expect(formatLocalTime('soon', 'UTC')).toBe('soon');
  });
});

describe('isTimeZone / zoneOr', () => {
  it('accepts IANA names the runtime knows and nothing else', () => {
    for (const z of ['UTC', 'Etc/UTC', 'Asia/Bishkek', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5']) expect(isTimeZone(z)).toBe(true);
    for (const z of ['Mars/Olympus_Mons', '+05:00', '', ' UTC', 'A'.repeat(100), 42, null, undefined, { tz: 'UTC' }]) expect(isTimeZone(z)).toBe(false);
    expect(zoneOr('Asia/Bishkek', 'UTC')).toBe('Asia/Bishkek');
    expect(zoneOr('nope', 'Europe/Berlin')).toBe('Europe/Berlin');
  });
});
