/**
 * Which Microsoft Entra ID credential gets the model's tokens (OPENAI_AUTH=entra-id),
 * chosen from the AZURE_* settings Microsoft's own tools use, explicitly rather than by
 * DefaultAzureCredential's probing (which Microsoft advises against in production):
 * - AZURE_CLIENT_SECRET set: a service principal (AZURE_TENANT_ID, AZURE_CLIENT_ID, secret);
 * - AZURE_FEDERATED_TOKEN_FILE set: workload identity (AKS injects these variables);
 * - otherwise the host's managed identity, user-assigned when AZURE_CLIENT_ID is set.
 * AZURE_AUTHORITY_HOST points the first two at a sovereign cloud's login host.
 */

export interface EntraSettings {
  AZURE_TENANT_ID?: string;
  AZURE_CLIENT_ID?: string;
  AZURE_CLIENT_SECRET?: string;
  AZURE_FEDERATED_TOKEN_FILE?: string;
  AZURE_AUTHORITY_HOST?: string;
}

export type EntraCredential =
  | { type: 'client-secret'; tenantId: string; clientId: string; clientSecret: string; authorityHost?: string }
  | { type: 'workload-identity'; tenantId: string; clientId: string; tokenFilePath: string; authorityHost?: string }
  | { type: 'managed-identity'; clientId?: string };

/** The credential these settings describe; a missing companion variable is added to `problems`. */
export function resolveEntraCredential(s: EntraSettings, problems: string[]): EntraCredential {
  const needs = (what: string) => {
    for (const name of ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID'] as const)
      if (!s[name]) problems.push(`${name}: missing; required with ${what} for OPENAI_AUTH=entra-id`);
  };
  if (s.AZURE_CLIENT_SECRET) {
    needs('AZURE_CLIENT_SECRET');
    return { type: 'client-secret', tenantId: s.AZURE_TENANT_ID ?? '', clientId: s.AZURE_CLIENT_ID ?? '', clientSecret: s.AZURE_CLIENT_SECRET, authorityHost: s.AZURE_AUTHORITY_HOST };
  }
  if (s.AZURE_FEDERATED_TOKEN_FILE) {
    needs('AZURE_FEDERATED_TOKEN_FILE');
    return { type: 'workload-identity', tenantId: s.AZURE_TENANT_ID ?? '', clientId: s.AZURE_CLIENT_ID ?? '', tokenFilePath: s.AZURE_FEDERATED_TOKEN_FILE, authorityHost: s.AZURE_AUTHORITY_HOST };
  }
  return { type: 'managed-identity', clientId: s.AZURE_CLIENT_ID };
}
