/**
 * The weekly insights post: once per week and platform, across every replica sharing
 * the store. A scheduled job (the reminders' scheduler, local or BullMQ, runs it every
 * hour) calls `run(now)`; from Monday 09:00 in DEFAULT_TIMEZONE the week is due, and
 * stays due until it is posted (a server down on Monday posts on its next run).
 *
 * Per week and platform: a `posted` record means done; otherwise one worker takes a
 * lease (claimOnce: one atomic statement on the store's server, so two replicas never
 * both win), checks the record again, posts, and records `posted`. A failed post leaves
 * no record: the lease ends (10 minutes) and a later run tries again. A crash after the
 * platform took the post and before the record is written posts it a second time when
 * the lease ends (the one window left; see docs/insights.md).
 */
import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import type { Logger } from 'pino';
import { claimOnce } from '../store/claim-once.js';
import { isoDay } from '../understand/calendar.js';
import type { Insights } from './collect-insights.js';

/** Where a door posts insights: Slack's INSIGHTS_SLACK_CHANNEL, the Teams channel a desk member chose. */
export interface InsightsPoster {
  platform: 'slack' | 'teams';
  /** Whether there is somewhere to post (a channel configured or chosen). */
  hasTarget(): Promise<boolean>;
  /** Posts the insights under `heading`; throws when the platform refuses or cannot be reached. */
  post(insights: Insights, heading: string): Promise<void>;
}

export type WeeklyOutcome = 'posted' | 'done-before' | 'held' | 'no-target' | 'failed';

/** Which week is due at `now`: its ISO week (of its Monday) and the seven UTC days before that Monday. */
export function weekDue(now: Date, timeZone: string): { week: string; period: { from: string; to: string } } {
  // Nine hours back: before Monday 09:00 local time, the week due is still the previous one.
  const shifted = new Date(now.getTime() - 9 * 3_600_000);
  const local = isoDay(shifted, timeZone);
  const day = Date.parse(`${local}T00:00:00Z`);
  const monday = day - ((new Date(day).getUTCDay() + 6) % 7) * 86_400_000;
  const thursday = new Date(monday + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { week: `${year}-W${String(week).padStart(2, '0')}`, period: { from: iso(monday - 7 * 86_400_000), to: iso(monday - 86_400_000) } };
}

export interface WeeklyInsightsOptions {
  /** The `insights-weekly` namespace: leases and `posted` records. */
  store(): Keyv<unknown>;
  posters(): InsightsPoster[];
  report(period: { from: string; to: string }): Promise<Insights>;
  timeZone: string;
  logger: Logger;
  /** How long one worker may take to post before another may try. Default 10 minutes. */
  leaseMs?: number;
}

/** What `run` did, per platform. */
export type WeeklyResult = { week: string; outcomes: Partial<Record<InsightsPoster['platform'], WeeklyOutcome>> };

/** One per process; replicas agree through the store, so each may run it as often as its scheduler likes. */
export function createWeeklyInsights(options: WeeklyInsightsOptions): { run(now: Date): Promise<WeeklyResult> } {
  const owner = randomUUID();
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  let running: Promise<WeeklyResult> | null = null;

  async function once(now: Date): Promise<WeeklyResult> {
    const { week, period } = weekDue(now, options.timeZone);
    const result: WeeklyResult = { week, outcomes: {} };
    const store = options.store();
    let insights: Insights | null = null;
    for (const poster of options.posters()) {
      const key = `${week}:${poster.platform}`;
      const outcome = await (async (): Promise<WeeklyOutcome> => {
        if (!(await poster.hasTarget())) return 'no-target';
        if (await store.get(`posted:${key}`)) return 'done-before';
        // Real time, like keyv's own TTLs.
        if (!(await claimOnce(store as Keyv, `lease:${key}`, leaseMs, () => new Date(), { owner }))) return 'held';
        if (await store.get(`posted:${key}`)) return 'done-before';
        insights ??= await options.report(period);
        try {
          await poster.post(insights, `Weekly security-team insights, ${period.from} to ${period.to} (UTC), week ${week}:`);
        } catch (error) {
          options.logger.warn({ platform: poster.platform, week, err: { name: (error as Error)?.name, message: (error as Error)?.message } }, 'weekly insights not posted; retrying after the lease');
          return 'failed';
        }
        await store.set(`posted:${key}`, { week, platform: poster.platform, at: new Date().toISOString() }, 60 * 86_400_000);
        options.logger.info({ platform: poster.platform, week }, 'weekly insights posted');
        return 'posted';
      })();
      result.outcomes[poster.platform] = outcome;
    }
    return result;
  }

  return {
    /** Posts the week due at `now` on every platform with a target, once; runs in this process never overlap. */
    async run(now) {
      while (running) await running.catch(() => undefined);
      running = once(now);
      try {
        return await running;
      } finally {
        running = null;
      }
    },
  };
}
