/**
 * How the Teams door reaches travellers it has no chat with, composed from config:
 * proactive installation through Microsoft Graph when TEAMS_GRAPH_INSTALL=on (an app-only
 * Graph token from the bot's own identity platform, GRAPH_BASE_URL, TEAMS_APP_CATALOG_ID,
 * TEAMS_PROACTIVE_SERVICE_URL; config.ts has already checked they fit), and, either way,
 * the once-per-traveller notices to the travel desk's channel, which travel-desk commands
 * keep up to date (`onDeskTurn`).
 */
import type { Logger } from 'pino';
import type { AppContext } from '../../app/app-context.js';
import { createAppTokenSource, type TeamsIdentityEndpoints } from './botbuilder-authentication.js';
import { createGraphClient } from './graph/create-graph-client.js';
import { createGraphInstaller, type TeamsInstaller } from './graph/create-graph-installer.js';
import type { ServiceUrlPolicy } from './service-url-policy.js';
import type { TeamsPort, TeamsTurn } from './teams-port.js';
import { createDeskChannel, createUnreachableNotices, type UnreachableNotices } from './unreachable-notices.js';

/** What the door hands the deliverer, the bot and the desk commands. */
export interface TravellerReach {
  /** Null unless TEAMS_GRAPH_INSTALL=on. */
  installer: TeamsInstaller | null;
  notices: UnreachableNotices;
  /** A travel-desk command passed its checks: its channel is where notices go. */
  onDeskTurn(turn: TeamsTurn): Promise<void>;
}

/** The door's own pieces the reach builds on: its port, service URL policy and identity endpoints. */
export interface TravellerReachOptions {
  port: Pick<TeamsPort, 'continueConversation'>;
  serviceUrls: ServiceUrlPolicy;
  endpoints: TeamsIdentityEndpoints;
  /** The identity platform's CA, in tests (TeamsDoorOptions.loginCa). */
  loginCa?: string | Buffer;
  logger: Logger;
}

/** Composed once per door, from config only (no process.env). */
export function createTravellerReach(ctx: Pick<AppContext, 'config' | 'store' | 'fetch'>, options: TravellerReachOptions): TravellerReach {
  const { config } = ctx;
  const desk = createDeskChannel(ctx.store('teams-desk-channel'));
  const notices = createUnreachableNotices({ store: ctx.store('teams-unreachable'), desk, port: options.port, serviceUrls: options.serviceUrls, logger: options.logger });
  let installer: TeamsInstaller | null = null;
  if (config.TEAMS_GRAPH_INSTALL === 'on' && config.MICROSOFT_APP_ID && config.TEAMS_APP_CATALOG_ID) {
    const token = createAppTokenSource(
      { appId: config.MICROSOFT_APP_ID, appPassword: config.MICROSOFT_APP_PASSWORD, endpoints: options.endpoints, loginCa: options.loginCa },
      config.GRAPH_SCOPE,
    );
    installer = createGraphInstaller({
      graph: createGraphClient({ baseUrl: config.GRAPH_BASE_URL, token, fetch: ctx.fetch }),
      catalogAppId: config.TEAMS_APP_CATALOG_ID,
      botAppId: config.MICROSOFT_APP_ID,
      serviceUrl: config.TEAMS_PROACTIVE_SERVICE_URL,
      tenantId: config.MICROSOFT_APP_TENANT_ID,
    });
  }
  return {
    installer,
    notices,
    async onDeskTurn(turn) {
      try {
        await desk.save(turn.reference());
      } catch (error) {
        // The command still runs; notices wait for the next one.
        options.logger.warn({ err: { name: (error as Error)?.name } }, 'teams: could not remember the travel desk channel');
      }
    },
  };
}
