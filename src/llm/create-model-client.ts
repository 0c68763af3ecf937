/**
 * The openai SDK client for a ModelEndpoint, with every setting given explicitly so the
 * SDK reads nothing from process.env on its own (it would otherwise take OPENAI_BASE_URL,
 * OPENAI_ORG_ID, OPENAI_PROJECT_ID, OPENAI_LOG, AZURE_OPENAI_API_KEY … behind config's
 * back; AzureOpenAI would even refuse to start with OPENAI_BASE_URL set beside `endpoint`).
 * - `azure-deployment`: AzureOpenAI with baseURL `<resource>/openai`, the deployment and
 *   api-version: POST …/openai/deployments/<name>/chat/completions?api-version=…;
 * - Azure keys go in `api-key`, every other key and every Entra ID token in
 *   `Authorization: Bearer`; a server without a key gets no auth header at all;
 * - OPENAI_HEADERS on every request; HTTP(S)_PROXY / NO_PROXY through undici's
 *   EnvHttpProxyAgent (CONNECT tunnels), given our values, never the environment's.
 * SDK logging is off: at debug level it would log request bodies, which carry the question.
 */
import OpenAI, { AzureOpenAI } from 'openai';
import type { ModelEndpoint } from './model-endpoint.js';
import { createEntraTokenProvider } from './entra-token-provider.js';

/** Test seams: a CA to trust (the HTTPS doubles' self-signed certificates). */
export interface ModelClientSeams {
  /** PEM of CA certificates trusted for the model server and the Entra ID login host, instead of Node's. */
  ca?: string;
}

type Fetch = NonNullable<ConstructorParameters<typeof OpenAI>[0]>['fetch'];

/** undici's fetch through a proxy-aware dispatcher, loaded on first use; undefined (the SDK's own fetch) when neither a proxy nor a CA is set. */
function dispatchingFetch(e: ModelEndpoint, ca: string | undefined): Fetch | undefined {
  const { httpProxy, httpsProxy, noProxy } = e.proxy;
  if (!httpProxy && !httpsProxy && !ca) return undefined;
  let loaded: Promise<{ fetch: typeof import('undici').fetch; dispatcher: import('undici').Dispatcher }> | null = null;
  const load = async () => {
    const undici = await import('undici');
    const tls = ca ? { connect: { ca }, requestTls: { ca } } : {};
    // Empty strings, not undefined: EnvHttpProxyAgent would otherwise fall back to process.env.
    return { fetch: undici.fetch, dispatcher: new undici.EnvHttpProxyAgent({ httpProxy, httpsProxy, noProxy, ...tls }) };
  };
  return (async (url: string | URL | Request, init?: RequestInit) => {
    const { fetch, dispatcher } = await (loaded ??= load());
    return fetch(url as Parameters<typeof fetch>[0], { ...(init as Parameters<typeof fetch>[1]), dispatcher });
  }) as unknown as Fetch;
}

/** One client per endpoint; `maxRetries` 0 by default so every failure falls back within the timeout. */
export function createModelClient(e: ModelEndpoint, seams: ModelClientSeams = {}, maxRetries = 0): OpenAI {
  const fetch = dispatchingFetch(e, seams.ca);
  const token = e.auth.type === 'entra-id' ? createEntraTokenProvider({ credential: e.auth.credential, scope: e.auth.scope, ca: seams.ca }) : null;
  const azure = e.kind === 'azure-v1' || e.kind === 'azure-deployment';
  const common = {
    baseURL: e.baseURL,
    ...(Object.keys(e.query).length ? { defaultQuery: e.query } : {}),
    timeout: e.timeoutMs,
    maxRetries,
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    logLevel: 'off' as const,
    ...(fetch ? { fetch } : {}),
  };
  if (e.kind === 'azure-deployment') {
    return new AzureOpenAI({
      ...common,
      apiVersion: e.apiVersion,
      deployment: e.deployment,
      defaultHeaders: e.headers,
      // AzureOpenAI sends a string key as `api-key`; null (not undefined) keeps it from reading AZURE_OPENAI_API_KEY.
      ...(token ? { azureADTokenProvider: token, apiKey: null as unknown as undefined } : { apiKey: e.auth.type === 'api-key' ? e.auth.key : '' }),
    });
  }
  if (e.auth.type === 'api-key' && azure)
    // Azure's documented key header; the SDK's bearer header is removed (null), its placeholder key never sent.
    return new OpenAI({ ...common, apiKey: 'sent-as-api-key', defaultHeaders: { ...e.headers, 'api-key': e.auth.key, Authorization: null } });
  if (e.auth.type === 'none')
    return new OpenAI({ ...common, apiKey: 'no-key', defaultHeaders: { Authorization: null, ...e.headers } });
  return new OpenAI({ ...common, apiKey: token ?? (e.auth as { key: string }).key, defaultHeaders: e.headers });
}
