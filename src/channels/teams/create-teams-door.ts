/**
 * The Teams door: `POST /api/messages` on the shared server, the bot behind our
 * TeamsPort (botbuilder today), and the Teams Deliverer for reminders. Off (null: the
 * route is a 404 like any unknown path, and Teams reminders fail) unless
 * MICROSOFT_APP_ID is set, in which case requests without a valid Bot Framework token
 * get 401. TEAMS_LOCAL_MODE=on (loopback HOST only, config.ts) runs it without
 * authentication for the Agents Playground, the Emulator and tests: it warns at start-up,
 * answers only requests a local tool would send (loopback Host name, JSON, not from
 * another web page), and travel-desk commands are refused. Either way the bot calls only
 * service URLs in TEAMS_SERVICE_URL_HOSTS.
 */
import type { IncomingMessage } from 'node:http';
import type { AppContext } from '../../app/app-context.js';
import type { Config } from '../../config.js';
import { HttpError } from '../../server/http-helpers.js';
import { isLoopbackHost } from '../../server/loopback.js';
import type { Door } from '../../server/types.js';
import { createTeamsBot, type TeamsMessageHandler } from './create-teams-bot.js';
import { createTeamsDeliverer } from './create-teams-deliverer.js';
import { createTenantThrottle, type TenantThrottleOptions } from './create-tenant-throttle.js';
import { teamsMessageHandlers } from './message-handlers.js';
import { copyFormat } from '../../app/copy-format.js';
import type { RetryOptions } from './send-with-retry.js';
import type { TeamsPort } from './teams-port.js';
import { createTeamsUserStore } from './teams-user-store.js';
import { createTravellerReach } from './create-traveller-reach.js';
import { createTeamsInsightsPoster } from './create-teams-insights-poster.js';
import { TEAMS_LOCAL_MODE_WARNING, TEAMS_MESSAGES_PATH } from './local-mode-warning.js';
import { createTeamsPort, teamsCardViews, teamsFeedbackOf, teamsIdentityEndpoints } from './create-teams-parts.js';
import type { TeamsAnswerQueue } from './workers/teams-answer-queue.js';

export { TEAMS_LOCAL_MODE_WARNING, TEAMS_MESSAGES_PATH, teamsIdentityEndpoints };


export interface TeamsDoorOptions {
  /** Handlers consulted before the advisor; default: `teamsMessageHandlers(ctx)`. */
  messageHandlers?: TeamsMessageHandler[];
  /** Another SDK behind the same seam; default botbuilder's CloudAdapter. */
  port?: TeamsPort;
  throttle?: TenantThrottleOptions;
  retry?: RetryOptions;
  /**
   * CA certificates to trust for TEAMS_LOGIN_URL instead of Node's, for the app-token
   * requests only; tests pass the Microsoft identity double's self-signed certificate.
   */
  loginCa?: string | Buffer;
}

/**
 * Local mode has no authentication, so it serves only what a tool on this machine sends:
 * a loopback Host name (defeats DNS rebinding), JSON, and not a browser's cross-site
 * request (a web page could otherwise drive the bot through the user's browser).
 */
function guardLocalRequest(req: IncomingMessage): void {
  const host = (req.headers.host ?? '').toLowerCase();
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, '');
  if (!isLoopbackHost(name)) throw new HttpError(403, 'Teams local mode answers only on localhost');
  const origin = req.headers.origin;
  if (req.headers['sec-fetch-site'] === 'cross-site' || (origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}`))
    throw new HttpError(403, 'cross-origin request refused');
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new HttpError(415, 'send JSON with content-type: application/json');
}

/**
 * ANSWER_WORKERS=external: the Teams answers queue (workers/teams-answer-queue.ts), opened on
 * the first message so BullMQ is loaded only when answers are queued.
 */
function answerQueueOf(config: Config): TeamsAnswerQueue | undefined {
  if (config.ANSWER_WORKERS !== 'external' || !config.REDIS_URL) return undefined;
  const redisUrl = config.REDIS_URL;
  let queue: Promise<TeamsAnswerQueue> | null = null;
  const open = () =>
    (queue ??= import('./workers/teams-answer-queue.js').then((m) =>
      m.createTeamsAnswerQueue({ redisUrl, prefix: config.ANSWER_QUEUE_PREFIX, timeoutMs: config.STORE_TIMEOUT_MS })));
  return {
    enqueue: async (job) => (await open()).enqueue(job),
    close: async () => {
      if (queue) await (await queue).close();
    },
  };
}

export function createTeamsDoor(ctx: AppContext, options: TeamsDoorOptions = {}): Door | null {
  const { config, logger } = ctx;
  if (config.teamsMode === 'off') return null;
  const local = config.teamsMode === 'local';
  const log = logger.child({ door: 'teams' });
  const { port, serviceUrls } = createTeamsPort(config, log, options);
  const users = createTeamsUserStore(ctx.store('teams-refs'));
  // Travellers with no chat yet: proactive installation (TEAMS_GRAPH_INSTALL), else a notice to the desk.
  const reach = createTravellerReach(ctx, { port, serviceUrls, endpoints: teamsIdentityEndpoints(config), loginCa: options.loginCa, logger: log });
  const answerQueue = answerQueueOf(config);
  const bot = createTeamsBot({
    advisor: ctx.advisor,
    conversation: ctx.conversation,
    copy: (instant) => copyFormat(ctx, instant),
    users,
    welcomed: ctx.store('teams-welcomed'),
    seen: ctx.store('teams-seen'),
    feedback: teamsFeedbackOf(ctx, log),
    clock: ctx.clock,
    timeZone: config.DEFAULT_TIMEZONE,
    logger: log,
    messageHandlers: options.messageHandlers ?? teamsMessageHandlers(ctx, { onDeskTurn: reach.onDeskTurn }),
    deskTeamId: config.TEAMS_TRAVEL_DESK_TEAM_ID,
    proactiveInstall: reach.installer !== null,
    views: teamsCardViews(ctx),
    answerQueue,
  });
  ctx.reminders.registerDeliverer(
    createTeamsDeliverer({
      port, users, serviceUrls, throttle: createTenantThrottle(options.throttle), retry: options.retry, logger: log,
      // Reminders sent, by idempotency key: what `alreadyDelivered` reads after a crash.
      sent: ctx.store('teams-sent'), now: ctx.clock,
      installer: reach.installer, notices: reach.notices,
    }),
  );
  // The weekly insights, in the channel a desk member chose with `travel-desk insights here`.
  const insights = ctx.insights;
  if (insights) insights.registerPoster(createTeamsInsightsPoster({ port, serviceUrls, retry: options.retry, target: () => insights.target('teams') }));
  return {
    name: 'teams',
    routes: [
      {
        method: 'POST',
        path: TEAMS_MESSAGES_PATH,
        handler: async (req, res) => {
          if (local) guardLocalRequest(req);
          await port.handle(req, res, (turn) => bot.run(turn));
        },
      },
    ],
    async start() {
      if (local) log.warn(TEAMS_LOCAL_MODE_WARNING);
    },
    async stop() {
      await answerQueue?.close();
    },
  };
}
