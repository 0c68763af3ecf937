/**
 * Proactive installation (TEAMS_GRAPH_INSTALL=on): how the Teams deliverer reaches a
 * traveller the bot has never talked to. Their email becomes their Entra object id
 * (`GET /users/{email}`); the app is installed for them from the organisation's catalog
 * (TEAMS_APP_CATALOG_ID; 409 means it already was); the installation's personal chat gives
 * the conversation id; the reminder is then sent there through the Bot Connector at
 * TEAMS_PROACTIVE_SERVICE_URL (Microsoft's documented global endpoint for a conversation the
 * bot has no serviceUrl for). Graph's refusals become errors a travel desk can act on:
 * 403 names the permission to grant, 404 the setting or address to check
 * (TeamsUnreachableError, permanent); throttling keeps Graph's Retry-After; anything else is
 * transient and retried by the scheduler.
 */
import { TeamsDeliveryError, TeamsUnreachableError } from '../send-with-retry.js';
import type { TeamsConversationRef } from '../teams-port.js';
import { GraphError, type GraphClient } from './create-graph-client.js';

/** What the Teams deliverer asks of proactive installation. */
export interface TeamsInstaller {
  /** The traveller's Entra object id for this email; null when the directory has none. */
  resolveEmail(email: string): Promise<string | null>;
  /** Installs the app for this Entra user and returns the reference of their personal chat with the bot. */
  install(userId: string): Promise<TeamsConversationRef>;
}

/** The Graph client and the ids and endpoint config.ts has checked. */
export interface GraphInstallerOptions {
  graph: GraphClient;
  /** TEAMS_APP_CATALOG_ID: the app's id in the organisation's app catalog. */
  catalogAppId: string;
  /** MICROSOFT_APP_ID: the bot, as `28:<app id>` in the conversation. */
  botAppId: string;
  /** TEAMS_PROACTIVE_SERVICE_URL */
  serviceUrl: string;
  /** MICROSOFT_APP_TENANT_ID, when Graph does not name the chat's tenant. */
  tenantId?: string;
}

/** What to grant or check, by what Graph refused. MUST stay in sync with docs/teams.md ("Proactive installation"). */
const FIX = {
  credentials: 'Check MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and GRAPH_SCOPE (the Graph of the bot\'s cloud).',
  lookup:
    'Grant the bot\'s app registration the Microsoft Graph application permission User.Read.All, with admin consent (docs/teams.md, "Proactive installation").',
  install:
    'Grant the bot\'s app registration the Microsoft Graph application permission TeamsAppInstallation.ReadWriteForUser.All, with admin consent, and allow the app for this traveller in the Teams admin center (docs/teams.md, "Proactive installation").',
  notFound: "Check TEAMS_APP_CATALOG_ID (the app's id in your organisation's app catalog, not the manifest id) and that the traveller has Teams.",
} as const;

function asDeliveryError(error: unknown, step: 'lookup' | 'install'): Error {
  if (!(error instanceof GraphError)) return error as Error;
  const what = `${error.status ?? ''} ${error.graphCode ?? ''}`.trim();
  if (error.status === 401 || (error.status === null && error.graphCode))
    return new TeamsUnreachableError(`Microsoft Graph refused the bot's credentials (${what})`, FIX.credentials, { status: error.status, cause: error });
  if (error.status === 403)
    return step === 'lookup'
      ? new TeamsUnreachableError(`Microsoft Graph refused to look up the traveller by email (${what}): permission missing`, FIX.lookup, { status: 403, cause: error })
      : new TeamsUnreachableError(`Microsoft Graph refused to install the app for the traveller (${what}): permission missing`, FIX.install, { status: 403, cause: error });
  if (error.status === 404)
    return new TeamsUnreachableError(`Microsoft Graph found no such user or app to install (${what})`, FIX.notFound, { status: 404, cause: error });
  return new TeamsDeliveryError(`Microsoft Graph failed (${what || 'no answer'})`, {
    status: error.status,
    ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    cause: error,
  });
}

/** The installer over Microsoft Graph; every failure leaves as a delivery error the scheduler understands. */
export function createGraphInstaller(options: GraphInstallerOptions): TeamsInstaller {
  const { graph, catalogAppId } = options;
  return {
    async resolveEmail(email) {
      try {
        return await graph.userIdByEmail(email);
      } catch (error) {
        throw asDeliveryError(error, 'lookup');
      }
    },
    async install(userId) {
      try {
        await graph.installApp(userId, catalogAppId);
        const installation = await graph.installationId(userId, catalogAppId);
        // Just installed but not listed yet: Graph is eventually consistent; the scheduler retries.
        if (!installation) throw new TeamsDeliveryError('Microsoft Graph does not list the new installation yet', { status: null });
        const chat = await graph.chatOf(userId, installation);
        return {
          channelId: 'msteams',
          serviceUrl: options.serviceUrl,
          bot: { id: `28:${options.botAppId}` },
          conversation: { id: chat.id, conversationType: 'personal', ...((chat.tenantId ?? options.tenantId) ? { tenantId: chat.tenantId ?? options.tenantId } : {}) },
        };
      } catch (error) {
        throw asDeliveryError(error, 'install');
      }
    },
  };
}
