/**
 * The Teams door: `POST /api/messages` on the shared server, the bot behind our
 * TeamsPort (botbuilder today), and the Teams Deliverer for reminders. Always on:
 * without MICROSOFT_APP_ID it accepts unauthenticated requests for local testing and
 * says so at start-up; with it, requests without a valid Bot Framework token get 401.
 */
import type { AppContext } from '../../app/app-context.js';
import type { Door } from '../../server/types.js';
import { createBotbuilderPort } from './create-botbuilder-port.js';
import { createTeamsBot, type TeamsMessageHandler } from './create-teams-bot.js';
import { createTeamsDeliverer } from './create-teams-deliverer.js';
import { createTenantThrottle, type TenantThrottleOptions } from './create-tenant-throttle.js';
import { teamsMessageHandlers } from './message-handlers.js';
import type { RetryOptions } from './send-with-retry.js';
import type { TeamsPort } from './teams-port.js';
import { createTeamsUserStore } from './teams-user-store.js';

export const TEAMS_MESSAGES_PATH = '/api/messages';

export interface TeamsDoorOptions {
  /** Handlers consulted before the advisor; default: `teamsMessageHandlers(ctx)`. */
  messageHandlers?: TeamsMessageHandler[];
  /** Another SDK behind the same seam; default botbuilder's CloudAdapter. */
  port?: TeamsPort;
  throttle?: TenantThrottleOptions;
  retry?: RetryOptions;
}

export function createTeamsDoor(ctx: AppContext, options: TeamsDoorOptions = {}): Door | null {
  const { config, logger } = ctx;
  const log = logger.child({ door: 'teams' });
  const port =
    options.port ??
    createBotbuilderPort({
      appId: config.MICROSOFT_APP_ID,
      appPassword: config.MICROSOFT_APP_PASSWORD,
      tenantId: config.MICROSOFT_APP_TENANT_ID,
      appType: config.MICROSOFT_APP_TYPE,
      logger: log,
    });
  const users = createTeamsUserStore(ctx.store('teams-refs'));
  const bot = createTeamsBot({
    advisor: ctx.advisor,
    reminders: ctx.reminders,
    users,
    welcomed: ctx.store('teams-welcomed'),
    seen: ctx.store('teams-seen'),
    feedback: ctx.store('teams-feedback'),
    clock: ctx.clock,
    timeZone: config.DEFAULT_TIMEZONE,
    logger: log,
    messageHandlers: options.messageHandlers ?? teamsMessageHandlers(ctx),
  });
  ctx.reminders.registerDeliverer(
    createTeamsDeliverer({
      port, users, throttle: createTenantThrottle(options.throttle), retry: options.retry, logger: log,
      // Reminders sent, by idempotency key: what `alreadyDelivered` reads after a crash.
      sent: ctx.store('teams-sent'), now: ctx.clock,
    }),
  );
  return {
    name: 'teams',
    routes: [{ method: 'POST', path: TEAMS_MESSAGES_PATH, handler: (req, res) => port.handle(req, res, (turn) => bot.run(turn)) }],
    async start() {
      if (!config.MICROSOFT_APP_ID)
        log.warn(`MICROSOFT_APP_ID is not set: ${TEAMS_MESSAGES_PATH} accepts unauthenticated requests. Use this for local testing only.`);
    },
  };
}
