/**
 * The Slack door: a Bolt 5 app on the shared HTTP server (`POST /slack/events`, Events
 * API, slash commands and interactivity on one URL, signatures checked by Bolt's
 * HTTPReceiver before anything else runs), or on Socket Mode when SLACK_APP_TOKEN is
 * set. Events are acknowledged before any work; answers are prepared on a bounded work
 * queue off the request path and follow through the Web API,
 * whose client honours 429 Retry-After. Returns null when Slack is not configured.
 */
import { App, HTTPReceiver, SocketModeReceiver, webApi, type Middleware, type AnyMiddlewareArgs } from '@slack/bolt';
import type { Answer } from '../../advisor/answer.js';
import { AdvisorError } from '../../errors.js';
import type { AppContext } from '../../app/app-context.js';
import type { Door } from '../../server/types.js';
import { toBoltLogger } from './bolt-logger.js';
import { createSlackDeliverer } from './create-slack-deliverer.js';
import { createWorkQueue } from './create-work-queue.js';
import { dedupeEvents, ignoreBotMessages } from './middleware.js';
import type { SlackDeps, SlackListener } from './listeners/slack-listener.js';
import { slackListeners } from './listeners/slack-listeners.js';

export const SLACK_EVENTS_PATH = '/slack/events';
/** How long stop() waits for queued answers. */
const STOP_GRACE_MS = 10_000;

export interface SlackDoorOptions {
  /** Listener modules registered after the built-in ones (see listeners/slack-listeners.ts). */
  extraListeners?: SlackListener[];
  /** Retry policy of the answering client; default five retries in five minutes. */
  retryConfig?: webApi.RetryOptions;
  /** Answers prepared at once, and waiting at most, after the ack (see create-work-queue.ts). */
  concurrency?: number;
  maxPending?: number;
}

/** SLACK_API_URL with the trailing slash the Web API client needs. */
export function slackApiUrl(url: string | undefined): string | undefined {
  return url ? (url.endsWith('/') ? url : `${url}/`) : undefined;
}

export function createSlackDoor(ctx: AppContext, options: SlackDoorOptions = {}): Door | null {
  const { config } = ctx;
  if (config.slackMode === 'off' || !config.SLACK_BOT_TOKEN) return null;
  const logger = ctx.logger.child({ door: 'slack' });
  const boltLogger = toBoltLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: slackApiUrl(config.SLACK_API_URL),
    fetch: ctx.fetch as unknown as webApi.FetchFunction,
    logger: boltLogger,
    retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
  };
  const receiver =
    config.slackMode === 'http'
      ? new HTTPReceiver({ signingSecret: config.SLACK_SIGNING_SECRET!, endpoints: SLACK_EVENTS_PATH, logger: boltLogger })
      : undefined;
  // Socket Mode opens its connection through apps.connections.open: same base URL and fetch.
  const socketReceiver = receiver
    ? undefined
    : new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN!, logger: boltLogger, installerOptions: { clientOptions } });
  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    logger: boltLogger,
    clientOptions,
    // Conversation store off: we keep no per-channel state in memory.
    convoStore: false,
    // auth.test runs in start(), not in the constructor, so a bad token is a start-up error.
    deferInitialization: true,
    receiver: receiver ?? socketReceiver,
  });

  const deliveryClient = new webApi.WebClient(config.SLACK_BOT_TOKEN, { ...clientOptions, rejectRateLimitedCalls: true, retryConfig: { retries: 2 } });
  const work = createWorkQueue({ logger, concurrency: options.concurrency, maxPending: options.maxPending });
  const deps: SlackDeps = { ctx, logger, answers: ctx.store<Answer>('slack-answers'), deliveryClient, work };
  app.use(dedupeEvents({ store: ctx.store('slack-dedupe'), logger, now: ctx.clock }) as Middleware<AnyMiddlewareArgs>);
  app.use(ignoreBotMessages);
  for (const register of [...slackListeners, ...(options.extraListeners ?? [])]) register(app, deps);
  app.error(async (error) => {
    const e = error as Error & { code?: string };
    logger.error({ err: { name: e.name, code: e.code, message: e.message } }, 'Slack listener failed');
  });
  ctx.reminders.registerDeliverer(createSlackDeliverer(deliveryClient));

  let socketStarted = false;
  return {
    name: 'slack',
    routes: receiver ? [{ method: 'POST', path: SLACK_EVENTS_PATH, handler: (req, res) => receiver.requestListener(req, res) }] : [],
    async start() {
      try {
        await app.init();
      } catch (error) {
        const reason = error instanceof webApi.WebAPIPlatformError ? error.data.error : error instanceof Error ? error.message : String(error);
        throw new AdvisorError(
          `Slack did not accept the bot token (${reason}): check SLACK_BOT_TOKEN${config.SLACK_API_URL ? ` and SLACK_API_URL (${config.SLACK_API_URL})` : ''}.`,
          'CONFIG_INVALID',
          { cause: error },
        );
      }
      if (!receiver) {
        await app.start();
        socketStarted = true;
      }
      logger.info({ mode: config.slackMode }, 'Slack door ready');
    },
    async stop() {
      if (socketStarted) await app.stop();
      socketStarted = false;
      // Let answers already acknowledged reach their users, within reason.
      await Promise.race([work.idle(), new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref())]);
    },
  };
}
