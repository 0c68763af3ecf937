/**
 * Composition root of the server: one process, one HTTP server, every door that is
 * configured. Options override config-derived parts so tests can inject a clock,
 * fetch or an advisor. `start()` listens and starts doors; `stop()` releases everything.
 */
import type Keyv from 'keyv';
import type { Logger } from 'pino';
import type { Advisor } from '../advisor/create-advisor.js';
import type { Config } from '../config.js';
import { createLogger } from '../logger.js';
import { createStore } from '../store/create-store.js';
import { closeStores } from '../store/close-stores.js';
import { createServer, listen, type RunningServer } from '../server/create-server.js';
import type { Door } from '../server/types.js';
import { createReminderService } from '../reminders/create-reminder-service.js';
import type { SlackDoorOptions } from '../channels/slack/create-slack-door.js';
import type { TeamsDoorOptions } from '../channels/teams/create-teams-door.js';
import { openDoors, type DoorEntry } from './door-registry.js';
import type { AppContext } from './app-context.js';
import { buildAdvisor } from './build-advisor.js';
import { buildConversation } from './build-conversation.js';
import { createAdvisorHolder } from './advisor-holder.js';
import { createContentReloader, type ReloadResult } from './reload-content.js';
import { createAlertService, type AlertServiceOptions } from '../alerts/create-alert-service.js';
import { createAlertStore } from '../alerts/alert-store.js';
import { createTripStore } from '../reminders/trip-store.js';
import { createModelAccounting } from '../llm/create-model-accounting.js';
import { createInsightsService, type InsightsServiceOptions } from '../insights/create-insights-service.js';

export interface AppOptions {
  config: Config;
  logger?: Logger;
  clock?: () => Date;
  advisor?: Advisor;
  fetch?: typeof fetch;
  /** Slack door tuning (queue size, start-up bound) for tests and benchmarks. */
  slack?: SlackDoorOptions;
  /** Teams door seams (another TeamsPort, retry and throttle tuning) for tests. */
  teams?: TeamsDoorOptions;
  /** The doors to open; default every door in src/app/door-registry.ts. */
  doors?: readonly DoorEntry[];
  /** Risk-alert timing (lease, retry pause) for tests. */
  alerts?: Pick<AlertServiceOptions, 'leaseMs' | 'deliveryTimeoutMs' | 'retryMs' | 'maxAttempts'>;
  /** Insights timing for tests: how often the weekly post is checked (default hourly), counts written, the post's lease. */
  insights?: Pick<InsightsServiceOptions, 'flushMs' | 'leaseMs'> & { checkEveryMs?: number };
}

export interface App {
  context: AppContext;
  doors: Door[];
  start(): Promise<RunningServer>;
  /**
   * Starts only what answering records as it goes (model accounting, question counts), with
   * no HTTP server, doors, reminder worker or alerts: for `travel-advisor worker` processes.
   */
  startCore(): void;
  stop(): Promise<void>;
  /** SIGHUP and POST /api/content/reload: new content for every door, then the risk-alert pass (src/app/reload-content.ts). */
  reloadContent(): Promise<ReloadResult>;
}

export function createApp(options: AppOptions): App {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? (() => new Date());
  // Model accounting (for /healthz and `llm report`); its store opens at start(), once `base` exists.
  const llm = createModelAccounting({ config, clock, logger, store: (ns) => base.store(ns) });
  // Security-team insights: counts every door's questions (never their text) as they pass the holder below.
  const insights = createInsightsService({
    ...options.insights,
    config, clock, logger,
    store: (ns) => base.store(ns),
    content: () => holder.current().content,
    trips: () => context.reminders.listTrips(),
  });
  // Every door reads the advisor through the holder, so a content reload reaches them all at once.
  const holder = createAdvisorHolder(options.advisor ?? buildAdvisor(config, { logger, clock, llmAccounting: llm.accounting }), { observe: insights.observe });
  const advisor = holder.advisor;
  const stores: Keyv[] = [];
  const base = {
    config,
    advisor,
    logger,
    clock,
    fetch: options.fetch ?? globalThis.fetch,
    store<T>(namespace: string): Keyv<T> {
      const s = createStore<T>(config, namespace, logger);
      stores.push(s as Keyv);
      return s;
    },
  };
  const partial: Omit<AppContext, 'conversation'> = { ...base, reminders: createReminderService(base) };
  // Desk commands read alerts and insights when they run, after both are set below.
  const context: AppContext = Object.assign(partial, { conversation: buildConversation(partial) });
  const tripStore = createTripStore({ store: (ns) => base.store(ns) });
  const alerts = createAlertService({
    ...options.alerts,
    advisor: () => holder.current(),
    reminders: context.reminders,
    trips: () => tripStore.trips(),
    store: createAlertStore({ store: (ns) => base.store(ns) }),
    clock, logger, timeZone: config.DEFAULT_TIMEZONE,
  });
  context.alerts = alerts;
  context.insights = insights;
  // The weekly post is a recurring job on the reminders' scheduler (local, or BullMQ: one run per period across replicas).
  context.reminders.every?.('insights-weekly', options.insights?.checkEveryMs ?? 3_600_000, (now) => insights.postWeekly(now));
  context.reloadContent = createContentReloader({ holder, build: () => buildAdvisor(config, { logger, clock, llmAccounting: llm.accounting }), alerts, logger });
  // The door registry (src/app/door-registry.ts): every configured door, in order, each
  // imported only when configured. They join `doors` once built; start() waits for them.
  const doors: Door[] = [];
  const platformReady = openDoors(context, options, options.doors).then((opened) => {
    doors.push(...opened);
  });
  // A door that fails to build fails start(); until then the rejection is held, not unhandled.
  platformReady.catch(() => {});
  let running: RunningServer | null = null;
  return {
    context,
    doors,
    reloadContent: () => context.reloadContent!(),
    startCore() {
      llm.start();
      insights.start();
    },
    async start() {
      await platformReady;
      running = await listen(createServer(doors, logger, { health: () => context.reminders.health?.() ?? Promise.resolve({}), details: llm.details }), config.PORT, config.HOST);
      for (const d of doors) await d.start?.({ port: running.port });
      await context.reminders.start();
      llm.start();
      insights.start();
      // Compares the content served with the content last seen, and alerts travellers in the background.
      alerts.start();
      return running;
    },
    /**
     * Releases everything within about SHUTDOWN_TIMEOUT_MS, even with the store or Redis
     * gone: each step gets a share of the budget and is left behind when it overruns
     * (main.ts exits the process when the budget is spent).
     */
    async stop() {
      const budget = config.SHUTDOWN_TIMEOUT_MS;
      const within = (ms: number, step: () => Promise<unknown>) =>
        Promise.race([step().catch((error: unknown) => logger.warn({ err: { name: (error as Error)?.name } }, 'shutdown step failed')), new Promise((r) => setTimeout(r, ms).unref())]);
      // Stopped before start() finished loading the platform doors: they are built by now, and stopped below.
      await within(budget * 0.05, () => platformReady.catch(() => undefined));
      await within(budget * 0.1, () => alerts.stop());
      await within(budget * 0.3, () => context.reminders.stop(budget * 0.25));
      await within(budget * 0.3, () => Promise.all([...doors].reverse().map((d) => d.stop?.())));
      await within(budget * 0.1, async () => running?.close());
      await within(budget * 0.05, () => Promise.all([llm.stop(), insights.stop()]));
      await within(budget * 0.15, () => closeStores(stores, budget * 0.1));
    },
  };
}
