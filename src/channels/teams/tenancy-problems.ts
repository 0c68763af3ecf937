/**
 * The Bot Framework identity settings that cannot work together, each as one line naming
 * the variable to fix (config.ts adds them to its one ConfigError, so start-up stops
 * before botbuilder would throw deep inside). Azure creates no new multi-tenant bots after
 * 2025-07-31 (Microsoft Learn, "Create an Azure Bot resource"), so a bot is SingleTenant
 * unless MICROSOFT_APP_TYPE says otherwise:
 * - SingleTenant: app id, client secret and the tenant id it signs in to;
 * - UserAssignedMSI: app id (the managed identity's client id) and its tenant, no secret;
 * - MultiTenant (bots created before that date): app id and secret; a tenant id would be ignored.
 * MUST stay in sync with README "Install in Teams" and docs/teams.md.
 */

export interface TenancySettings {
  MICROSOFT_APP_ID?: string;
  MICROSOFT_APP_PASSWORD?: string;
  MICROSOFT_APP_TENANT_ID?: string;
  MICROSOFT_APP_TYPE: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
}

/** One line per bad combination; empty when the settings fit together (or Teams is not configured). */
export function tenancyProblems(s: TenancySettings, typeGiven: boolean): string[] {
  const { MICROSOFT_APP_ID: id, MICROSOFT_APP_PASSWORD: password, MICROSOFT_APP_TENANT_ID: tenant, MICROSOFT_APP_TYPE: type } = s;
  if (!id) {
    const orphans = [password && 'MICROSOFT_APP_PASSWORD', tenant && 'MICROSOFT_APP_TENANT_ID'].filter(Boolean);
    return orphans.length ? [`MICROSOFT_APP_ID: missing; ${orphans.join(' and ')} ${orphans.length > 1 ? 'are' : 'is'} set without the bot's app id`] : [];
  }
  const kind = typeGiven ? `a ${type} bot` : 'a SingleTenant bot (the default MICROSOFT_APP_TYPE)';
  const problems: string[] = [];
  if (type === 'UserAssignedMSI') {
    if (!tenant) problems.push(`MICROSOFT_APP_TENANT_ID: missing; ${kind} needs the tenant id of its managed identity`);
    if (password) problems.push(`MICROSOFT_APP_PASSWORD: set, but ${kind} signs in with its managed identity and has no secret; unset it`);
    return problems;
  }
  if (type === 'SingleTenant' && !tenant)
    problems.push(`MICROSOFT_APP_TENANT_ID: missing; ${kind} signs in to its own tenant: set the Directory (tenant) ID from the bot's app registration${typeGiven ? '' : ', or MICROSOFT_APP_TYPE=MultiTenant for a bot created as multi-tenant before 2025-07-31'}`);
  if (type === 'MultiTenant' && tenant)
    problems.push(`MICROSOFT_APP_TENANT_ID: set, but ${kind} signs in through botframework.com and would ignore it; set MICROSOFT_APP_TYPE=SingleTenant if the bot is single-tenant, or unset the tenant id`);
  if (!password) problems.push(`MICROSOFT_APP_PASSWORD: missing; ${kind} needs the client secret of its app registration`);
  return problems;
}
