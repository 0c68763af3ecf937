/**
 * Security-team insights in one piece for createApp: the question counter every door's
 * questions reach (through the advisor holder), the report that `/travel-desk insights`
 * (Slack and Teams) and `GET /api/insights` answer, and the weekly post to the channels
 * the doors registered (weekly-insights.ts). Reads only the store and the content
 * served; keeps only counts (docs/insights.md).
 */
import type Keyv from 'keyv';
import type { Logger } from 'pino';
import type { QuestionObserver } from '../advisor/question-seen.js';
import type { Config } from '../config.js';
import type { ContentBase } from '../content/types.js';
import { countFeedback } from '../feedback/count-feedback.js';
import { feedbackStoreFrom } from '../feedback/create-feedback-store.js';
import type { TripView } from '../reminders/types.js';
import { collectInsights, type Insights } from './collect-insights.js';
import type { DayCounts } from './day-counts.js';
import { createQuestionCounter, INSIGHTS_DAYS_NAMESPACE } from './question-counter.js';
import { createWeeklyInsights, type InsightsPoster, type WeeklyResult } from './weekly-insights.js';

export interface InsightsServiceOptions {
  config: Pick<Config, 'CONTENT_STALE_DAYS' | 'INSIGHTS_RETENTION_DAYS' | 'FEEDBACK_RETENTION_DAYS' | 'DEFAULT_TIMEZONE'>;
  /** Opens a store namespace; called lazily (the app's stores exist by the first question). */
  store<T>(namespace: string): Keyv<T>;
  /** The content served now (the advisor holder's). */
  content(): ContentBase;
  /** The trips still kept (the reminders port's listTrips). */
  trips(): Promise<TripView[]>;
  clock: () => Date;
  logger: Logger;
  /** How often the counts are written. Default one minute. */
  flushMs?: number;
  /** Weekly post lease. Default 10 minutes. */
  leaseMs?: number;
}

/** What to report on: the last `days` UTC days up to today, or an explicit period. */
export interface ReportOptions {
  days?: number;
  period?: { from: string; to: string };
  /** Reviews older than this many days are due; default CONTENT_STALE_DAYS. */
  staleDays?: number;
}

export interface InsightsService {
  /** Give this to the advisor holder: counts each question (never its text). */
  observe: QuestionObserver;
  report(options?: ReportOptions): Promise<Insights>;
  /** The Slack and Teams doors register where they post the weekly insights. */
  registerPoster(poster: InsightsPoster): void;
  /** A platform's chosen channel (Teams: a conversation reference a desk member stored); null to forget it. */
  setTarget(platform: InsightsPoster['platform'], target: unknown): Promise<void>;
  target(platform: InsightsPoster['platform']): Promise<unknown>;
  /** The scheduled job: posts the week due, once across replicas (weekly-insights.ts). */
  postWeekly(now?: Date): Promise<WeeklyResult>;
  start(): void;
  stop(): Promise<void>;
}

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** One per process; the store is opened at first use, so createApp can build it before the stores exist. */
export function createInsightsService(options: InsightsServiceOptions): InsightsService {
  const { config, clock, logger } = options;
  const opened = new Map<string, Keyv<unknown>>();
  const open = <T>(ns: string) => {
    let s = opened.get(ns);
    if (!s) opened.set(ns, (s = options.store<unknown>(ns)));
    return s as Keyv<T>;
  };
  const counter = createQuestionCounter({
    store: () => open<DayCounts>(INSIGHTS_DAYS_NAMESPACE),
    clock, logger, retentionDays: config.INSIGHTS_RETENTION_DAYS, intervalMs: options.flushMs,
  });
  const posters = new Map<InsightsPoster['platform'], InsightsPoster>();

  async function report(o: ReportOptions = {}): Promise<Insights> {
    const now = clock();
    const days = Math.min(Math.max(1, o.days ?? 7), config.INSIGHTS_RETENTION_DAYS);
    const period = o.period ?? { from: iso(now.getTime() - (days - 1) * DAY_MS), to: iso(now.getTime()) };
    // This process's latest counts first, so a desk member sees the question they just asked.
    await counter.flush();
    const feedback = feedbackStoreFrom((ns) => open(ns), config.FEEDBACK_RETENTION_DAYS, clock);
    const [dayCounts, trips, votes] = await Promise.all([counter.read(period.from, period.to), options.trips(), countFeedback(feedback.records())]);
    return collectInsights({ period, days: dayCounts, content: options.content(), trips, feedback: votes, now, staleDays: o.staleDays ?? config.CONTENT_STALE_DAYS });
  }

  const weekly = createWeeklyInsights({
    store: () => open('insights-weekly'),
    posters: () => [...posters.values()],
    report: (period) => report({ period }),
    timeZone: config.DEFAULT_TIMEZONE,
    logger,
    leaseMs: options.leaseMs,
  });
  const targets = () => open<{ target: unknown; setAt: string }>('insights-targets');

  return {
    observe: counter.observe,
    report,
    registerPoster(poster) {
      posters.set(poster.platform, poster);
    },
    async setTarget(platform, target) {
      if (target === null || target === undefined) await targets().delete(platform);
      else await targets().set(platform, { target, setAt: clock().toISOString() });
    },
    async target(platform) {
      return (await targets().get(platform))?.target ?? null;
    },
    postWeekly: (now = clock()) => weekly.run(now),
    start: () => counter.start(),
    stop: () => counter.stop(),
  };
}
