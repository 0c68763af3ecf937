/**
 * Microsoft Entra ID tokens for the model (OPENAI_AUTH=entra-id): @azure/identity's
 * credential for the configured kind (entra-credential.ts) behind its
 * `getBearerTokenProvider`, which caches a token and refreshes it before it expires.
 * @azure/identity is loaded on the first model call only, so a deployment without
 * Entra ID never pays for it. Scope: OPENAI_ENTRA_SCOPE (default
 * https://cognitiveservices.azure.com/.default, Azure OpenAI's).
 */
import { Agent as HttpsAgent } from 'node:https';
import { AdvisorError } from '../errors.js';
import type { EntraCredential } from './entra-credential.js';

/**
 * No Entra ID token for the model (wrong secret, no managed identity here, login host
 * unreachable). The summarizer counts it as the fallback reason `credentials`; the
 * identity library's own error, which may name the tenant or client, stays in `cause`.
 */
export class ModelCredentialError extends AdvisorError {
  constructor(cause: unknown) {
    super('No Microsoft Entra ID token for the model; check AZURE_TENANT_ID, AZURE_CLIENT_ID and the credential (docs/llm.md).', 'UNAUTHORIZED', { cause });
  }
}

export interface EntraTokenProviderOptions {
  credential: EntraCredential;
  scope: string;
  /** CA certificates to trust for the login host instead of Node's (tests: the identity double's). */
  ca?: string;
}

/** An async function returning a bearer token, as the openai SDK takes it (`apiKey` / `azureADTokenProvider`). */
export function createEntraTokenProvider(options: EntraTokenProviderOptions): () => Promise<string> {
  let provider: Promise<() => Promise<string>> | null = null;
  const load = async () => {
    const identity = await import('@azure/identity');
    const { credential: c, ca } = options;
    const common = { ...(ca ? { agent: new HttpsAgent({ ca }) } : {}) };
    // An explicit login host (sovereign cloud, or the tests' double) is trusted as it is: no instance discovery elsewhere.
    const authority = (host?: string) => (host ? { authorityHost: host, disableInstanceDiscovery: true } : {});
    const credential =
      c.type === 'client-secret'
        ? new identity.ClientSecretCredential(c.tenantId, c.clientId, c.clientSecret, { ...common, ...authority(c.authorityHost) })
        : c.type === 'workload-identity'
          ? new identity.WorkloadIdentityCredential({ ...common, ...authority(c.authorityHost), tenantId: c.tenantId, clientId: c.clientId, tokenFilePath: c.tokenFilePath })
          : new identity.ManagedIdentityCredential({ ...common, ...(c.clientId ? { clientId: c.clientId } : {}) });
    return identity.getBearerTokenProvider(credential, options.scope);
  };
  return async () => {
    // A failed load (or a credential that cannot be built) is retried on the next call, not cached.
    provider ??= load().catch((error: unknown) => {
      provider = null;
      throw error;
    });
    try {
      return await (await provider)();
    } catch (error) {
      throw new ModelCredentialError(error);
    }
  };
}
