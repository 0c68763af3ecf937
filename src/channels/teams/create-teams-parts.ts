/**
 * What the Teams door and the Teams answer worker build alike from the configuration, so
 * a worker sends as the door does: the TeamsPort (botbuilder, authenticated with the
 * bot's app id and Microsoft's identity services), the allowed service URLs, and the
 * stores that remember a sent card (each person's view in channels, 👍/👎 on AI answers).
 */
import type { Logger } from 'pino';
import type { AppContext } from '../../app/app-context.js';
import type { Config } from '../../config.js';
import { feedbackStoreFrom } from '../../feedback/create-feedback-store.js';
import type { TeamsIdentityEndpoints } from './botbuilder-authentication.js';
import { createBotbuilderPort } from './create-botbuilder-port.js';
import { createCardViews, type CardViews } from './card-views.js';
import { createServiceUrlPolicy, type ServiceUrlPolicy } from './service-url-policy.js';
import { createTeamsFeedback, type TeamsFeedback } from './teams-feedback.js';
import type { TeamsPort } from './teams-port.js';

/** How long an answer sent into a channel, and each person's view of it, are kept (card-views.ts). */
const CARD_VIEW_TTL_MS = 30 * 86_400_000;

/** The identity services the door uses, from config (public cloud unless TEAMS_* say otherwise). */
export function teamsIdentityEndpoints(config: Config): TeamsIdentityEndpoints {
  return {
    openIdMetadataUrl: config.TEAMS_OPENID_METADATA_URL,
    tokenIssuer: config.TEAMS_TOKEN_ISSUER,
    loginUrl: config.teamsLoginUrl,
    oauthScope: config.TEAMS_OAUTH_SCOPE,
  };
}

/** The port and service-URL policy of this configuration; `port` given (tests, another SDK) is used as is. */
export function createTeamsPort(config: Config, log: Logger, options: { port?: TeamsPort; loginCa?: string | Buffer } = {}): { port: TeamsPort; serviceUrls: ServiceUrlPolicy } {
  const serviceUrls = createServiceUrlPolicy(config.teamsServiceUrlHosts);
  const port =
    options.port ??
    createBotbuilderPort({
      appId: config.MICROSOFT_APP_ID,
      appPassword: config.MICROSOFT_APP_PASSWORD,
      tenantId: config.MICROSOFT_APP_TENANT_ID,
      appType: config.MICROSOFT_APP_TYPE,
      endpoints: teamsIdentityEndpoints(config),
      loginCa: options.loginCa,
      serviceUrls,
      logger: log,
    });
  return { port, serviceUrls };
}

/** Each person's view of a card in a channel, kept as long as its trip buttons matter. */
export function teamsCardViews(ctx: AppContext): CardViews {
  return createCardViews(ctx.store('teams-card-views'), CARD_VIEW_TTL_MS);
}

/** 👍/👎 on AI-written answers: the reaction only, never the comment. */
export function teamsFeedbackOf(ctx: AppContext, log: Logger): TeamsFeedback {
  const days = ctx.config.FEEDBACK_RETENTION_DAYS;
  return createTeamsFeedback({
    feedback: feedbackStoreFrom((ns) => ctx.store(ns), days, ctx.clock),
    sentAnswers: ctx.store('teams-ai-answers'),
    ttlMs: days * 86_400_000,
    logger: log,
  });
}
