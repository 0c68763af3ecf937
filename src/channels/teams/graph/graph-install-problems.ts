/**
 * The settings proactive installation (TEAMS_GRAPH_INSTALL=on) cannot work without, each
 * as one line naming the variable to fix (config.ts adds them to its one ConfigError, so
 * start-up stops instead of every reminder failing later):
 * - the bot's identity, as a SingleTenant bot with a client secret: Graph's app-only tokens
 *   come from the customer's own tenant (TEAMS_LOGIN_URL), with the bot's app id and secret;
 *   a MultiTenant bot signs in to botframework.com, and a managed identity has no secret here;
 * - TEAMS_APP_CATALOG_ID, the app to install;
 * - a TEAMS_PROACTIVE_SERVICE_URL the door may call (TEAMS_SERVICE_URL_HOSTS).
 * MUST stay in sync with docs/teams.md ("Proactive installation") and README "Configuration".
 */
import { createServiceUrlPolicy } from '../service-url-policy.js';

/** The raw settings the check reads (a subset of config). */
export interface GraphInstallSettings {
  TEAMS_GRAPH_INSTALL: 'on' | 'off';
  TEAMS_APP_CATALOG_ID?: string;
  TEAMS_PROACTIVE_SERVICE_URL: string;
  MICROSOFT_APP_ID?: string;
  MICROSOFT_APP_PASSWORD?: string;
  MICROSOFT_APP_TYPE: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
}

/** One line per problem; empty when proactive installation is off or its settings fit. `serviceHosts`: TEAMS_SERVICE_URL_HOSTS or its default. */
export function graphInstallProblems(s: GraphInstallSettings, serviceHosts: string[]): string[] {
  if (s.TEAMS_GRAPH_INSTALL !== 'on') return [];
  const problems: string[] = [];
  if (!s.MICROSOFT_APP_ID) problems.push("TEAMS_GRAPH_INSTALL: \"on\" needs the bot's identity; set MICROSOFT_APP_ID (with its tenant and secret), or unset TEAMS_GRAPH_INSTALL");
  else if (s.MICROSOFT_APP_TYPE !== 'SingleTenant')
    problems.push(
      `TEAMS_GRAPH_INSTALL: "on" needs a SingleTenant bot (Microsoft Graph tokens come from your own tenant, with the app's client secret); MICROSOFT_APP_TYPE is ${s.MICROSOFT_APP_TYPE}, so unset TEAMS_GRAPH_INSTALL`,
    );
  if (!s.TEAMS_APP_CATALOG_ID)
    problems.push(
      "TEAMS_APP_CATALOG_ID: missing; TEAMS_GRAPH_INSTALL=on installs the app by its id in your organisation's app catalog (Teams admin center > Manage apps > the app > App ID)",
    );
  if (!createServiceUrlPolicy(serviceHosts).allows(s.TEAMS_PROACTIVE_SERVICE_URL))
    problems.push(
      `TEAMS_PROACTIVE_SERVICE_URL: its host is not in TEAMS_SERVICE_URL_HOSTS, so the door could not send there; add the host or use one of Microsoft's (https://smba.trafficmanager.net/teams/)`,
    );
  return problems;
}
