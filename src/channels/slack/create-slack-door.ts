/**
 * The Slack door: a Bolt 5 app on the shared HTTP server (`POST /slack/events`, Events
 * API, slash commands and interactivity on one URL; the body read under SLACK_BODY_LIMIT,
 * then timestamp, signature, replay and body shape checked by guard-slack-requests.ts,
 * the one signature check, before anything else runs), or on
 * Socket Mode when SLACK_APP_TOKEN is set. Start-up checks the token with one bounded
 * auth.test (check-slack-connection.ts) and fails naming the URL rather than hanging.
 * Events are acknowledged before any work; answers are prepared on a bounded work queue
 * off the request path and follow through the Web API, whose client honours 429
 * Retry-After. Returns null when Slack is not configured.
 */
import { App, HTTPReceiver, SocketModeReceiver, webApi, type Middleware, type AnyMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../app/app-context.js';
import type { Door } from '../../server/types.js';
import { SLACK_BODY_LIMIT } from '../../server/body-limits.js';
import { toBoltLogger } from './bolt-logger.js';
import { checkSlackConnection, type SlackIdentity } from './check-slack-connection.js';
import { createSlackDeliverer } from './create-slack-deliverer.js';
import { createSlackFetch } from './create-slack-fetch.js';
import { createSlackPoster } from './create-slack-poster.js';
import { createSlackInsightsPoster } from './create-slack-insights-poster.js';
import { createWorkQueue } from './create-work-queue.js';
import { createSlackDeps } from './create-slack-deps.js';
import { guardSlackRequests } from './guard-slack-requests.js';
import { admitMessages, dedupeEvents, ignoreBotMessages } from './middleware.js';
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
  /** Answers prepared at once after the ack; the hard cap and wait bound override SLACK_QUEUE_MAX_MESSAGES / SLACK_QUEUE_MAX_WAIT_MS (see create-work-queue.ts). */
  concurrency?: number;
  maxPending?: number;
  maxWaitMs?: number;
  /** The queue's clock for its wait bound (monotonic ms); default performance.now. Tests on a shared machine pass the process's CPU time. */
  queueNow?: () => number;
  /** Bound on start-up's auth.test; default SLACK_STARTUP_TIMEOUT_MS. */
  startupTimeoutMs?: number;
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
  // The light keep-alive path (create-slack-fetch.ts) unless a caller injected its own fetch (tests that watch calls).
  const slackFetch = ctx.fetch === globalThis.fetch ? createSlackFetch() : null;
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: slackApiUrl(config.SLACK_API_URL),
    fetch: slackFetch ?? (ctx.fetch as unknown as webApi.FetchFunction),
    logger: boltLogger,
    retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
  };
  const receiver =
    config.slackMode === 'http'
      ? new HTTPReceiver({
          signingSecret: config.SLACK_SIGNING_SECRET!,
          endpoints: SLACK_EVENTS_PATH,
          logger: boltLogger,
          bodyLimit: SLACK_BODY_LIMIT,
          // guardSlackRequests (the only route to this receiver, below) has verified the signature of these exact bytes.
          signatureVerification: false,
        })
      : undefined;
  // Set by start() from its one bounded auth.test; Bolt asks for it on every request.
  let identity: SlackIdentity | undefined;
  const botToken = config.SLACK_BOT_TOKEN;
  // Socket Mode opens its connection through apps.connections.open: same base URL and fetch.
  const socketReceiver = receiver
    ? undefined
    : new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN!, logger: boltLogger, installerOptions: { clientOptions } });
  const app = new App({
    // The one workspace's token with the identity start() checked. (With `token`, Bolt would
    // call auth.test itself, through the answering client's minutes-long retry policy.)
    authorize: async () => {
      if (!identity) throw new Error('the Slack door has not started');
      return { botToken, ...identity };
    },
    logger: boltLogger,
    clientOptions,
    // Conversation store off: we keep no per-channel state in memory.
    convoStore: false,
    receiver: receiver ?? socketReceiver,
  });

  // One policy for the delivery client and the DM poster: a 429 is thrown back to the caller, which retries later.
  const deliveryPolicy = { rejectRateLimitedCalls: true, retryConfig: { retries: 2 } };
  const deliveryClient = new webApi.WebClient(config.SLACK_BOT_TOKEN, { ...clientOptions, ...deliveryPolicy });
  const work = createWorkQueue({
    logger,
    concurrency: options.concurrency,
    maxPending: options.maxPending ?? config.SLACK_QUEUE_MAX_MESSAGES,
    maxWaitMs: options.maxWaitMs ?? config.SLACK_QUEUE_MAX_WAIT_MS,
    now: options.queueNow,
  });
  // Answers and busy replies go as JSON (create-slack-poster.ts), with the answering client's retry policy.
  const posterOptions = { token: botToken, apiUrl: clientOptions.slackApiUrl, fetch: clientOptions.fetch!, logger };
  const poster = createSlackPoster({ ...posterOptions, retryConfig: clientOptions.retryConfig });
  const deps: SlackDeps = createSlackDeps(ctx, logger, deliveryClient, poster, work);
  app.use(dedupeEvents({ store: ctx.store('slack-dedupe'), logger, now: ctx.clock }) as Middleware<AnyMiddlewareArgs>);
  app.use(ignoreBotMessages);
  app.use(admitMessages(work));
  for (const register of [...slackListeners, ...(options.extraListeners ?? [])]) register(app, deps);
  app.error(async (error) => {
    const e = error as Error & { code?: string };
    logger.error({ err: { name: e.name, code: e.code, message: e.message } }, 'Slack listener failed');
  });
  // Reminder and alert DMs as JSON too, under the delivery client's policy: a 429 goes back to the scheduler.
  const deliveryPoster = createSlackPoster({ ...posterOptions, ...deliveryPolicy });
  ctx.reminders.registerDeliverer(createSlackDeliverer(deliveryClient, deliveryPoster));
  ctx.insights?.registerPoster(createSlackInsightsPoster(deliveryClient, config.INSIGHTS_SLACK_CHANNEL));

  let socketStarted = false;
  return {
    name: 'slack',
    routes: receiver
      ? [{
          method: 'POST',
          path: SLACK_EVENTS_PATH,
          // Our bounded read first (413, the server's body gate), then the guard's checks; Bolt
          // then finds req.rawBody and verifies the same bytes.
          handler: guardSlackRequests({
            signingSecret: config.SLACK_SIGNING_SECRET!,
            bodyLimit: SLACK_BODY_LIMIT,
            seen: ctx.store('slack-signatures'),
            logger,
            ready: () => identity !== undefined,
            next: (req, res) => receiver.requestListener(req, res),
          }),
        }]
      : [],
    async start() {
      identity = await checkSlackConnection({
        token: botToken,
        apiUrl: clientOptions.slackApiUrl,
        apiUrlConfigured: Boolean(config.SLACK_API_URL),
        fetch: clientOptions.fetch,
        timeoutMs: options.startupTimeoutMs ?? config.SLACK_STARTUP_TIMEOUT_MS,
      });
      // Scale-out: answers go to `travel-advisor worker` processes; BullMQ is loaded only then.
      if (config.ANSWER_WORKERS === 'external' && config.REDIS_URL && !deps.answerQueue) {
        const { createAnswerQueue } = await import('./answer-queue.js');
        deps.answerQueue = createAnswerQueue({ redisUrl: config.REDIS_URL, prefix: config.ANSWER_QUEUE_PREFIX, timeoutMs: config.STORE_TIMEOUT_MS });
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
      await deps.answerQueue?.close();
      deps.answerQueue = undefined;
      await slackFetch?.close();
    },
  };
}
