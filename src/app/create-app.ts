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
import { createServer, listen, type RunningServer } from '../server/create-server.js';
import type { Door } from '../server/types.js';
import { createReminderService } from '../reminders/create-reminder-service.js';
import { createSlackDoor } from '../channels/slack/create-slack-door.js';
import { createTeamsDoor } from '../channels/teams/create-teams-door.js';
import { createWebDoor } from '../channels/web/create-web-door.js';
import { createApiDoor } from '../channels/api/create-api-door.js';
import type { AppContext } from './app-context.js';
import { buildAdvisor } from './build-advisor.js';

export interface AppOptions {
  config: Config;
  logger?: Logger;
  clock?: () => Date;
  advisor?: Advisor;
  fetch?: typeof fetch;
}

export interface App {
  context: AppContext;
  doors: Door[];
  start(): Promise<RunningServer>;
  stop(): Promise<void>;
}

export function createApp(options: AppOptions): App {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? (() => new Date());
  const advisor = options.advisor ?? buildAdvisor(config, { logger, clock });
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
  const context: AppContext = { ...base, reminders: createReminderService(base) };
  const doors = [createSlackDoor(context), createTeamsDoor(context), createApiDoor(context), createWebDoor(context)].filter(
    (d): d is Door => d !== null,
  );
  let running: RunningServer | null = null;
  return {
    context,
    doors,
    async start() {
      running = await listen(createServer(doors, logger), config.PORT, config.HOST);
      for (const d of doors) await d.start?.({ port: running.port });
      await context.reminders.start();
      return running;
    },
    async stop() {
      await context.reminders.stop();
      for (const d of [...doors].reverse()) await d.stop?.();
      await running?.close();
      await Promise.all(stores.map((s) => s.disconnect().catch(() => undefined)));
    },
  };
}
