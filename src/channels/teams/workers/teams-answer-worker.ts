/**
 * A `travel-advisor worker` process's Teams part (ANSWER_WORKERS=external): consumes the
 * Teams answers queue (teams-answer-queue.ts) and answers each message as the door does
 * inline, through answerTeamsMessage: the same conversation service and thread memory
 * (the shared STORE_URL), the same answerToActivity card, the same channel views and
 * feedback records. It sends proactively, as the Teams reminder deliverer does: the Bot
 * Framework connector through TeamsPort.continueConversation (replying to the asker's
 * message, so a channel answer stays in its thread), under the per-tenant pace all worker
 * processes share in Redis (create-redis-tenant-throttle.ts), with
 * send-with-retry's classification: 429/412/502/504 retried here with backoff; another
 * transient failure (a 500, the network) fails the job and BullMQ tries it again
 * (ANSWER_ATTEMPTS, with backoff); 401/403/404 or a serviceUrl outside
 * TEAMS_SERVICE_URL_HOSTS are permanent and never retried. A retry prepares the answer
 * again, so a notice sent before a failed card may show twice (as with Slack's worker).
 */
import { UnrecoverableError, type Job, type Worker } from 'bullmq';
import type { AppContext } from '../../../app/app-context.js';
import { copyFormat } from '../../../app/copy-format.js';
import { createAnswerWorker, type AnswerWorker } from '../../../store/answer-queue.js';
import { answerTeamsMessage, type TeamsAnswerDeps } from '../answer-teams-message.js';
import { createTeamsPort, teamsCardViews, teamsFeedbackOf } from '../create-teams-parts.js';
import type { RedisEval } from '../../../reminders/create-redis-pacer.js';
import { createRedisTenantThrottle } from '../create-redis-tenant-throttle.js';
import type { TenantThrottleOptions } from '../create-tenant-throttle.js';
import { teamsActorOf } from '../perform-card-action.js';
import { sendWithRetry, TeamsDeliveryError, type RetryOptions } from '../send-with-retry.js';
import type { TeamsOutbound, TeamsPort } from '../teams-port.js';
import { TEAMS_ANSWERS_QUEUE, type TeamsAnswerJob } from './teams-answer-queue.js';

export interface TeamsAnswerWorkerOptions {
  /** Jobs answered at once; default ANSWER_WORKER_CONCURRENCY. */
  concurrency?: number;
  /** As the door's options: another SDK behind the seam, the tenant rate (`throttle.perSecond`), retries, and the identity double's CA in tests. */
  port?: TeamsPort;
  throttle?: Pick<TenantThrottleOptions, 'perSecond'>;
  retry?: RetryOptions;
  loginCa?: string | Buffer;
}

export function createTeamsAnswerWorker(ctx: AppContext, options: TeamsAnswerWorkerOptions = {}): AnswerWorker {
  const { config } = ctx;
  if (!config.REDIS_URL || config.teamsMode === 'off') throw new Error('the Teams answer worker needs REDIS_URL and MICROSOFT_APP_ID (or TEAMS_LOCAL_MODE=on)');
  const logger = ctx.logger.child({ door: 'teams', role: 'answer-worker' });
  const { port, serviceUrls } = createTeamsPort(config, logger, options);
  // The consumer's own Redis connection carries the shared pace; it exists once a job is taken.
  let consumer: Worker<TeamsAnswerJob> | null = null;
  const throttle = createRedisTenantThrottle({
    // BullMQ types its client without the ioredis eval() it has.
    client: () => consumer!.client as unknown as Promise<RedisEval>, prefix: config.ANSWER_QUEUE_PREFIX, perSecond: options.throttle?.perSecond, timeoutMs: config.STORE_TIMEOUT_MS,
  });
  const tenantOf = (m: TeamsAnswerJob) => m.tenantId ?? 'unknown-tenant';
  const deps: TeamsAnswerDeps = {
    conversation: ctx.conversation, copy: (instant) => copyFormat(ctx, instant),
    views: teamsCardViews(ctx), feedback: teamsFeedbackOf(ctx, logger), clock: ctx.clock, logger,
  };
  const deskTeamId = config.TEAMS_TRAVEL_DESK_TEAM_ID;

  /** One proactive send into the asker's conversation, as a reply to their message; the connector's activity id back. */
  async function send(m: TeamsAnswerJob, activity: TeamsOutbound): Promise<string | undefined> {
    let id: string | undefined;
    await sendWithRetry(() =>
      throttle.run(tenantOf(m), () => port.continueConversation(m.ref, async (turn) => {
        id = await turn.send(activity);
      }, { replyToId: m.replyToId })), options.retry);
    return id;
  }

  /** Desk membership is asked of Teams only when the conversation needs it, as a turn's would be. */
  async function inDeskTeam(m: TeamsAnswerJob, teamId: string): Promise<boolean> {
    let member = false;
    await throttle.run(tenantOf(m), () => port.continueConversation(m.ref, async (turn) => {
      member = await turn.senderInTeam(teamId);
    }));
    return member;
  }

  async function answer(job: Job<TeamsAnswerJob>, worker: Worker<TeamsAnswerJob>): Promise<void> {
    consumer = worker;
    const m = job.data;
    // The door checked it; the job sat in Redis since, so a worker calls only allowed hosts.
    if (!serviceUrls.allows(m.ref.serviceUrl)) {
      logger.warn({ serviceHost: serviceUrls.hostOf(m.ref.serviceUrl) }, 'Teams answer refused: serviceUrl not allowed');
      throw new UnrecoverableError('serviceUrl is not in TEAMS_SERVICE_URL_HOSTS');
    }
    const user = teamsActorOf(m.from, deskTeamId && m.authenticated ? () => inDeskTeam(m, deskTeamId) : undefined);
    const question = { text: m.text, conversation: { id: m.ref.conversation.id, conversationType: m.conversationType }, fromId: m.from.id, user, timeZone: m.timeZone, locale: m.locale };
    try {
      await answerTeamsMessage(deps, question, (activity) => send(m, activity));
    } catch (error) {
      const e = error as Error & { code?: string };
      const status = error instanceof TeamsDeliveryError ? error.status : undefined;
      logger.warn({ err: { name: e.name, code: e.code, status }, attempt: job.attemptsMade + 1 }, 'Teams answer not sent');
      if (error instanceof TeamsDeliveryError && error.permanent) throw new UnrecoverableError(`Teams refused the answer (HTTP ${error.status})`);
      throw error;
    }
  }

  return createAnswerWorker<TeamsAnswerJob>(TEAMS_ANSWERS_QUEUE, answer, { config, logger, concurrency: options.concurrency, readyMessage: 'Teams answer worker ready' });
}
