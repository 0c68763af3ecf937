/**
 * The TeamsPort on botbuilder 4.23: CloudAdapter with the authentication of
 * `botbuilder-authentication.ts`, built from our config (never from process.env). botbuilder
 * is archived (support ends 2025-12-31), so it stays inside these files and
 * `node-http-bridge.ts`; the Teams SDK can replace them without touching the bot.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { Logger } from 'pino';
import { ActivityTypes, CloudAdapter, TeamsInfo, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { readJson, sendJson } from '../../server/http-helpers.js';
import { TEAMS_BODY_LIMIT } from '../../server/body-limits.js';
import { createBotbuilderAuthentication, type TeamsIdentityEndpoints } from './botbuilder-authentication.js';
import { toBotRequest, toBotResponse } from './node-http-bridge.js';
import type { ServiceUrlPolicy } from './service-url-policy.js';
import { createTurnCircuit, isRosterAnswer, isUpdateAnswer, type TurnCircuit } from './turn-circuit.js';
import type { TeamsConversationRef, TeamsInbound, TeamsPort, TeamsTurn } from './teams-port.js';

/**
 * botbuilder 4.23's connector serializer keeps only `type`, `text` and `mentioned` of an
 * entity, which drops Teams' citation entity (`citation`, `@type`, `@context`…); the fix
 * botbuilder-js PR #2648 describes (additionalProperties on the Entity mapper) is missing
 * from this release. We add it once, here, so entities reach Teams as we built them.
 */
function keepEntityProperties(): void {
  const require = createRequire(import.meta.url);
  const mappers = require('botframework-connector/lib/connectorApi/models/mappers.js') as {
    Entity?: { type: { additionalProperties?: unknown } };
  };
  if (mappers.Entity && !mappers.Entity.type.additionalProperties) mappers.Entity.type.additionalProperties = { type: { name: 'Object' } };
}

/** Where the turn's outbound budget lives, so onTurnError can see that the connector already failed. */
const CIRCUIT = Symbol('teams turn circuit');

export interface BotbuilderPortOptions {
  /** Unset: no Bot Framework authentication (local testing only). */
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  /** Microsoft's identity services for this cloud (TEAMS_OPENID_METADATA_URL, …): see `teamsIdentityEndpoints(config)`. */
  endpoints: TeamsIdentityEndpoints;
  /** CA certificates MSAL trusts for TEAMS_LOGIN_URL instead of Node's; only tests set it (the identity double's). */
  loginCa?: string | Buffer;
  /** The service URLs the bot may call (TEAMS_SERVICE_URL_HOSTS); activities naming another get 403. */
  serviceUrls: ServiceUrlPolicy;
  logger: Logger;
}

/**
 * Maps a botbuilder TurnContext onto our TeamsTurn; exported so TestAdapter tests drive
 * the same bot. `authenticated`: the activity came with a Bot Framework token botbuilder
 * validated (never in local mode). Outbound calls share one TurnCircuit: after the first
 * failure the turn sends nothing more.
 */
export function turnFromContext(context: TurnContext, options: { authenticated?: boolean } = {}): TeamsTurn {
  const circuit = createTurnCircuit();
  context.turnState.set(CIRCUIT, circuit);
  return {
    activity: context.activity as unknown as TeamsInbound,
    authenticated: options.authenticated ?? false,
    async send(activity) {
      const sent = await circuit.call(() => context.sendActivity(activity as Partial<Activity>));
      return sent?.id;
    },
    async update(activity) {
      await circuit.call(() => context.updateActivity(activity as Partial<Activity>), { answers: isUpdateAnswer });
    },
    async invokeResponse(status, body) {
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status, body } });
    },
    reference() {
      return TurnContext.getConversationReference(context.activity) as unknown as TeamsConversationRef;
    },
    async senderEmail() {
      try {
        const member = await circuit.call(() => TeamsInfo.getMember(context, context.activity.from.id), { answers: isRosterAnswer });
        return member.email ?? null;
      } catch {
        // Not every conversation has a roster we may read (e.g. the emulator); email stays unknown.
        return null;
      }
    },
    async senderInTeam(teamId) {
      try {
        await circuit.call(() => TeamsInfo.getTeamMember(context, teamId, context.activity.from.id), { answers: isRosterAnswer });
        return true;
      } catch {
        return false;
      }
    },
  };
}

export function createBotbuilderPort(options: BotbuilderPortOptions): TeamsPort & { adapter: CloudAdapter } {
  const { logger } = options;
  keepEntityProperties();
  const auth = createBotbuilderAuthentication({
    ...options,
    onRefused: (serviceHost) => logger.warn({ serviceHost }, 'teams activity refused: serviceUrl is not in TEAMS_SERVICE_URL_HOSTS'),
    onConnectionReset: () => logger.warn('Teams connector connection reset before any answer; the call was tried once more'),
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, activityType: context.activity.type }, 'teams turn failed');
    // When the connector itself failed, an apology would be one more request to it.
    const circuit = context.turnState.get(CIRCUIT) as TurnCircuit | undefined;
    if (context.activity.type === ActivityTypes.Message && !circuit?.open)
      await context.sendActivity('Sorry, something went wrong while answering. Please try again in a moment.').catch(() => undefined);
  };
  // With an app id, botbuilder lets a turn run only after validating its token (and the token's serviceurl claim).
  const authenticated = Boolean(options.appId);

  return {
    adapter,
    async handle(req: IncomingMessage, res: ServerResponse, logic) {
      const authorization = req.headers.authorization ?? '';
      // Refuse before reading the body: nothing unauthenticated reaches the bot when an app id is set.
      if (options.appId && !/^Bearer\s+\S+/i.test(authorization)) {
        req.resume();
        sendJson(res, 401, { error: 'missing Bot Framework bearer token' });
        return;
      }
      const body = await readJson(req, TEAMS_BODY_LIMIT);
      // Local mode has no token to check first: a service URL we may not call is refused here, with no request to it.
      // (With an app id, GuardedAuthentication refuses it right after validating the token: unauthenticated callers get 401.)
      const serviceUrl = (body as { serviceUrl?: unknown } | null)?.serviceUrl;
      if (!authenticated && !options.serviceUrls.allows(serviceUrl)) {
        logger.warn({ serviceHost: options.serviceUrls.hostOf(serviceUrl) }, 'teams activity refused: serviceUrl is not in TEAMS_SERVICE_URL_HOSTS');
        sendJson(res, 403, { error: 'serviceUrl is not an allowed Bot Framework service URL (TEAMS_SERVICE_URL_HOSTS)' });
        return;
      }
      await adapter.process(toBotRequest(req, body), toBotResponse(res), (context) => logic(turnFromContext(context, { authenticated })));
    },
    async continueConversation(ref, logic, sendOptions = {}) {
      // onTurnError would swallow a failed send; keep the error so the caller can retry.
      let failure: unknown = null;
      await adapter.continueConversationAsync(options.appId ?? '', ref as unknown as Partial<ConversationReference>, async (context) => {
        // botbuilder replies to the activity in context: the continuation event's own id unless told the message answered.
        if (sendOptions.replyToId) context.activity.id = sendOptions.replyToId;
        try {
          await logic(turnFromContext(context, { authenticated }));
        } catch (error) {
          failure = error;
        }
      });
      if (failure) throw failure;
    },
  };
}
