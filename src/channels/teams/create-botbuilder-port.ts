/**
 * The TeamsPort on botbuilder 4.23: CloudAdapter with ConfigurationBotFrameworkAuthentication
 * built from our config (never from process.env). botbuilder is archived (support ends
 * 2025-12-31), so it stays inside this file and `node-http-bridge.ts`; the Teams SDK can
 * replace them without touching the bot.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { Logger } from 'pino';
import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TeamsInfo,
  TurnContext,
  type Activity,
  type ConversationReference,
} from 'botbuilder';
import type { ClaimsIdentity, ConnectorFactory } from 'botframework-connector';
import { readJson, sendJson } from '../../server/http-helpers.js';
import { toBotRequest, toBotResponse } from './node-http-bridge.js';
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

/**
 * Connector clients come with Azure's default retry policy (3 tries, real timers). We
 * retry ourselves (send-with-retry.ts: 412 too, injectable sleep, per-tenant
 * throttle), so the SDK's retry phase is removed to avoid retrying twice.
 */
class OwnRetryAuthentication extends ConfigurationBotFrameworkAuthentication {
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const inner = super.createConnectorFactory(claimsIdentity);
    return {
      async create(serviceUrl: string, audience?: string) {
        const client = await inner.create(serviceUrl, audience);
        (client as unknown as { client?: { pipeline?: { removePolicy(o: { phase: string }): unknown } } }).client?.pipeline?.removePolicy({ phase: 'Retry' });
        return client;
      },
    } as ConnectorFactory;
  }
}

export interface BotbuilderPortOptions {
  /** Unset: no Bot Framework authentication (local testing only). */
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  logger: Logger;
}

/** Maps a botbuilder TurnContext onto our TeamsTurn; exported so TestAdapter tests drive the same bot. */
export function turnFromContext(context: TurnContext): TeamsTurn {
  return {
    activity: context.activity as unknown as TeamsInbound,
    async send(activity) {
      const sent = await context.sendActivity(activity as Partial<Activity>);
      return sent?.id;
    },
    async update(activity) {
      await context.updateActivity(activity as Partial<Activity>);
    },
    async invokeResponse(status, body) {
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status, body } });
    },
    reference() {
      return TurnContext.getConversationReference(context.activity) as unknown as TeamsConversationRef;
    },
    async senderEmail() {
      try {
        const member = await TeamsInfo.getMember(context, context.activity.from.id);
        return member.email ?? null;
      } catch {
        // Not every conversation has a roster we may read (e.g. the emulator); email stays unknown.
        return null;
      }
    },
    async senderInTeam(teamId) {
      try {
        await TeamsInfo.getTeamMember(context, teamId, context.activity.from.id);
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
  const auth = new OwnRetryAuthentication({
    MicrosoftAppId: options.appId ?? '',
    MicrosoftAppPassword: options.appPassword ?? '',
    MicrosoftAppTenantId: options.tenantId ?? '',
    MicrosoftAppType: options.appType,
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, activityType: context.activity.type }, 'teams turn failed');
    if (context.activity.type === ActivityTypes.Message)
      await context.sendActivity('Sorry, something went wrong while answering. Please try again in a moment.').catch(() => undefined);
  };

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
      const body = await readJson(req);
      await adapter.process(toBotRequest(req, body), toBotResponse(res), (context) => logic(turnFromContext(context)));
    },
    async continueConversation(ref, logic) {
      // onTurnError would swallow a failed send; keep the error so the caller can retry.
      let failure: unknown = null;
      await adapter.continueConversationAsync(options.appId ?? '', ref as unknown as Partial<ConversationReference>, async (context) => {
        try {
          await logic(turnFromContext(context));
        } catch (error) {
          failure = error;
        }
      });
      if (failure) throw failure;
    },
  };
}
