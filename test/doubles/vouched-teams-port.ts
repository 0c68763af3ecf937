/**
 * Stands in for Microsoft's token check, which tests cannot reach (signed test tokens are
 * a later issue): the real botbuilder port, over real HTTP to the connector double, with
 * every inbound turn marked `authenticated`, as it is in a MICROSOFT_APP_ID deployment
 * once botbuilder has validated the Bot Framework token. Use it only to test what an
 * authenticated activity may do (travel-desk commands); pass it to
 * `createApp({ teams: { port } })` with TEAMS_LOCAL_MODE=on.
 */
import type { Config } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { createBotbuilderPort } from '../../src/channels/teams/create-botbuilder-port.js';
import { createServiceUrlPolicy } from '../../src/channels/teams/service-url-policy.js';
import type { TeamsPort } from '../../src/channels/teams/teams-port.js';

export function vouchedTeamsPort(config: Config): TeamsPort {
  const inner = createBotbuilderPort({ appType: config.MICROSOFT_APP_TYPE, serviceUrls: createServiceUrlPolicy(config.teamsServiceUrlHosts), logger: silentLogger });
  return {
    handle: (req, res, logic) => inner.handle(req, res, (turn) => logic({ ...turn, authenticated: true })),
    continueConversation: (ref, logic) => inner.continueConversation(ref, logic),
  };
}
