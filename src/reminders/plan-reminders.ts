/**
 * When a trip's reminders fall due: pure date arithmetic, no clock of its own, so the
 * same trip always yields the same plan for the same "now". Times are 09:00 in the
 * desk's zone (DEFAULT_TIMEZONE): a briefing at 3 a.m. helps nobody.
 */
import type { ReminderKind } from './types.js';
import { zoneOffsetMinutes } from '../understand/calendar.js';

export interface PlanOptions {
  /** Days before departure for the briefing (BRIEFING_DAYS_BEFORE). */
  briefingDaysBefore: number;
  /** IANA zone the 09:00 is in. */
  timeZone: string;
  now: Date;
}

export interface PlannedReminder {
  kind: ReminderKind;
  dueAt: Date;
}

const DAY = 86_400_000;

/** Offset of `zone` from UTC at `at`, in ms (positive east of Greenwich); calendar.ts keeps it per zone and quarter hour. */
const zoneOffsetMs = (at: Date, zone: string): number => zoneOffsetMinutes(at, zone) * 60_000;

/** The instant of `hour`:00 local time in `zone` on calendar day `date` (YYYY-MM-DD) plus `addDays`. */
export function localTime(date: string, addDays: number, hour: number, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d + addDays, hour);
  // Two passes settle DST edges.
  let guess = naive - zoneOffsetMs(new Date(naive), zone);
  guess = naive - zoneOffsetMs(new Date(guess), zone);
  return new Date(guess);
}

/**
 * The briefing (N days before, or at once if that is already past), the day-before
 * check (dropped when it would land before the briefing or after departure), and the
 * post-trip clean-up (the day after return; none without a return date).
 */
export function planReminders(start: string, end: string | null, options: PlanOptions): PlannedReminder[] {
  const { now, timeZone } = options;
  const departure = localTime(start, 0, 0, timeZone);
  const plannedBriefing = localTime(start, -options.briefingDaysBefore, 9, timeZone);
  const briefing = plannedBriefing < now ? now : plannedBriefing;
  const plan: PlannedReminder[] = [{ kind: 'briefing', dueAt: briefing }];
  const dayBefore = localTime(start, -1, 9, timeZone);
  if (dayBefore > briefing && dayBefore.getTime() - briefing.getTime() >= DAY / 2 && dayBefore < departure)
    plan.push({ kind: 'day-before', dueAt: dayBefore });
  if (end) {
    const postTrip = localTime(end, 1, 9, timeZone);
    plan.push({ kind: 'post-trip', dueAt: postTrip < now ? now : postTrip });
  }
  return plan;
}

/** When trip data expires: TRIP_RETENTION_DAYS after the return (or departure when no return is known). */
export function expiryOf(start: string, end: string | null, retentionDays: number, timeZone: string): Date {
  return localTime(end ?? start, retentionDays + 1, 0, timeZone);
}
