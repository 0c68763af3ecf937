/**
 * Which model server the summarizer calls, and how, resolved once at start-up from the
 * OPENAI_* / AZURE_* / proxy settings (config.ts calls this and reports every problem in
 * its one ConfigError). Four kinds of server:
 * - `openai`: the OpenAI API (no OPENAI_BASE_URL), `Authorization: Bearer <OPENAI_API_KEY>`;
 * - `compatible`: any OpenAI-compatible Chat Completions server at OPENAI_BASE_URL (vLLM,
 *   Ollama, LiteLLM, a gateway); with a key as a bearer token, without one no auth header;
 * - `azure-v1`: Azure OpenAI's v1 API (`https://<resource>.openai.azure.com/openai/v1/`),
 *   the deployment name as `model`;
 * - `azure-deployment`: a classic Azure deployment URL with `api-version`, as the Azure
 *   portal shows it, through the SDK's AzureOpenAI client.
 * Azure takes its key as `api-key`; Entra ID (OPENAI_AUTH=entra-id) sends a bearer token.
 * MUST stay in sync with docs/llm.md.
 */
import { resolveEntraCredential, type EntraCredential, type EntraSettings } from './entra-credential.js';

export type ModelKind = 'openai' | 'compatible' | 'azure-v1' | 'azure-deployment';

export type ModelAuth = { type: 'api-key'; key: string } | { type: 'entra-id'; scope: string; credential: EntraCredential } | { type: 'none' };

export interface ModelEndpoint {
  kind: ModelKind;
  /** What the SDK is given as baseURL; for `azure-deployment` `<resource>/openai` (the deployment and api-version are added per request). */
  baseURL: string;
  /** The request body's `model`; for `azure-v1` the deployment name. */
  model: string;
  /** `azure-deployment` only: the path's deployment and the `api-version` query parameter. */
  deployment?: string;
  apiVersion?: string;
  /** Query parameters of OPENAI_BASE_URL (other kinds), sent on every request: a base URL's query would otherwise swallow the path. */
  query: Record<string, string>;
  auth: ModelAuth;
  /** OPENAI_HEADERS, sent with every request. */
  headers: Record<string, string>;
  /** Outbound proxy for model calls (and Entra ID token requests); empty strings mean none. */
  proxy: { httpProxy: string; httpsProxy: string; noProxy: string };
  timeoutMs: number;
}

/** The settings this reads, as config.ts validated them. */
export interface ModelSettings extends EntraSettings {
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  OPENAI_MODEL: string;
  OPENAI_TIMEOUT_MS: number;
  OPENAI_API_VERSION?: string;
  AZURE_OPENAI_DEPLOYMENT?: string;
  OPENAI_AUTH?: 'api-key' | 'entra-id' | 'none';
  OPENAI_ENTRA_SCOPE: string;
  OPENAI_HEADERS?: Record<string, string>;
  HTTPS_PROXY?: string;
  HTTP_PROXY?: string;
  NO_PROXY?: string;
  /** Which spelling each proxy came from, for the problem line (default upper case). */
  proxyNames?: { https: string; http: string };
}

/** A proxy URL the model client can use (http:// or https://), or a problem naming the variable. */
function checkProxy(name: string, value: string | undefined, problems: string[]): void {
  if (!value) return;
  let protocol = '';
  try {
    protocol = new URL(value).protocol;
  } catch {
    // reported below
  }
  if (protocol !== 'http:' && protocol !== 'https:') problems.push(`${name}: expected an http:// or https:// proxy URL such as http://proxy.example.com:3128`);
}

const OPENAI_API = 'https://api.openai.com/v1';

interface Located {
  kind: ModelKind;
  baseURL: string;
  deployment?: string;
  apiVersion?: string;
  query: Record<string, string>;
}

/** Reads OPENAI_BASE_URL (and OPENAI_API_VERSION, AZURE_OPENAI_DEPLOYMENT) into a kind of server. */
function locate(s: ModelSettings, problems: string[]): Located {
  if (!s.OPENAI_BASE_URL) {
    if (s.OPENAI_API_VERSION || s.AZURE_OPENAI_DEPLOYMENT)
      problems.push(`${s.OPENAI_API_VERSION ? 'OPENAI_API_VERSION' : 'AZURE_OPENAI_DEPLOYMENT'}: set without OPENAI_BASE_URL; set OPENAI_BASE_URL to your Azure OpenAI resource (https://<resource>.openai.azure.com/)`);
    return { kind: 'openai', baseURL: OPENAI_API, query: {} };
  }
  const url = new URL(s.OPENAI_BASE_URL);
  const origin = url.origin;
  const path = url.pathname.replace(/\/+$/, '');
  const query = Object.fromEntries(url.searchParams);
  const v1 = /^(.*)\/openai\/v1$/.exec(path);
  if (v1) {
    if (s.OPENAI_API_VERSION) problems.push('OPENAI_API_VERSION: the Azure OpenAI v1 endpoint (…/openai/v1/) takes no api-version; unset it, or use a deployment URL');
    return { kind: 'azure-v1', baseURL: `${origin}${path}`, query };
  }
  const deployment = /^(.*?)\/openai\/deployments\/([^/]+)(\/.*)?$/.exec(path);
  const queryVersion = url.searchParams.get('api-version') ?? undefined;
  if (deployment || queryVersion || s.OPENAI_API_VERSION) {
    if (deployment?.[3] && deployment[3] !== '/chat/completions')
      problems.push(`OPENAI_BASE_URL: an Azure deployment URL ends with /openai/deployments/<name> (or …/chat/completions), not ${deployment[3]}`);
    const others = [...url.searchParams.keys()].filter((k) => k !== 'api-version');
    if (others.length) problems.push(`OPENAI_BASE_URL: an Azure deployment URL takes only api-version as a query parameter, not ${others.join(', ')}`);
    const fromPath = deployment ? decodeURIComponent(deployment[2]!) : undefined;
    if (fromPath && s.AZURE_OPENAI_DEPLOYMENT && fromPath !== s.AZURE_OPENAI_DEPLOYMENT)
      problems.push(`AZURE_OPENAI_DEPLOYMENT: "${s.AZURE_OPENAI_DEPLOYMENT}" differs from the deployment in OPENAI_BASE_URL ("${fromPath}"); keep one`);
    if (queryVersion && s.OPENAI_API_VERSION && queryVersion !== s.OPENAI_API_VERSION)
      problems.push(`OPENAI_API_VERSION: "${s.OPENAI_API_VERSION}" differs from api-version in OPENAI_BASE_URL ("${queryVersion}"); keep one`);
    const apiVersion = queryVersion ?? s.OPENAI_API_VERSION;
    if (!apiVersion) problems.push('OPENAI_API_VERSION: missing; an Azure OpenAI deployment URL needs its api-version (…?api-version=2024-10-21, or set OPENAI_API_VERSION)');
    // The resource (and any gateway path before /openai): the SDK adds /openai, then /deployments/<name> per request.
    const prefix = deployment ? deployment[1]! : path.replace(/\/openai$/, '');
    return { kind: 'azure-deployment', baseURL: `${origin}${prefix}/openai`, deployment: fromPath ?? s.AZURE_OPENAI_DEPLOYMENT, apiVersion, query: {} };
  }
  if (s.AZURE_OPENAI_DEPLOYMENT)
    problems.push('AZURE_OPENAI_DEPLOYMENT: set, but OPENAI_BASE_URL is neither an Azure deployment URL (…/openai/deployments/<name>?api-version=…) nor the v1 endpoint (…/openai/v1/)');
  if (/\/chat\/completions$/.test(path)) problems.push('OPENAI_BASE_URL: give the base URL (e.g. http://localhost:8000/v1), not its /chat/completions endpoint');
  return { kind: url.hostname === 'api.openai.com' ? 'openai' : 'compatible', baseURL: `${origin}${path}`, query };
}

/** Which auth the server gets; null when the model is off (nothing configured). */
function authFor(s: ModelSettings, located: Located, problems: string[]): ModelAuth | null {
  const azure = located.kind === 'azure-v1' || located.kind === 'azure-deployment';
  const mode = s.OPENAI_AUTH ?? (s.OPENAI_API_KEY ? 'api-key' : s.OPENAI_BASE_URL && !azure ? 'none' : null);
  if (mode === null) {
    if (!s.OPENAI_BASE_URL) return null;
    problems.push('OPENAI_API_KEY: missing; Azure OpenAI needs the resource key (sent as api-key), or OPENAI_AUTH=entra-id for a Microsoft Entra ID token');
    return null;
  }
  if (mode === 'api-key') {
    if (!s.OPENAI_API_KEY) problems.push('OPENAI_API_KEY: missing; required with OPENAI_AUTH=api-key');
    return { type: 'api-key', key: s.OPENAI_API_KEY ?? '' };
  }
  if (s.OPENAI_API_KEY) problems.push(`OPENAI_API_KEY: set, but OPENAI_AUTH=${mode} sends no key; unset one of them`);
  if (mode === 'none') {
    if (!s.OPENAI_BASE_URL) problems.push('OPENAI_BASE_URL: missing; OPENAI_AUTH=none is for a server of your own (the OpenAI API needs OPENAI_API_KEY)');
    else if (azure) problems.push('OPENAI_AUTH: "none", but Azure OpenAI refuses requests without a key or an Entra ID token');
    return { type: 'none' };
  }
  if (!s.OPENAI_BASE_URL) problems.push('OPENAI_BASE_URL: missing; OPENAI_AUTH=entra-id is for Azure OpenAI (or a gateway taking Entra ID tokens)');
  return { type: 'entra-id', scope: s.OPENAI_ENTRA_SCOPE, credential: resolveEntraCredential(s, problems) };
}

/**
 * The endpoint, or null when no model is configured (then answers are extractive).
 * On: OPENAI_API_KEY, OPENAI_BASE_URL (a server of your own needs no key) or OPENAI_AUTH.
 */
export function resolveModelEndpoint(s: ModelSettings): { endpoint: ModelEndpoint | null; problems: string[] } {
  const problems: string[] = [];
  if (!s.OPENAI_API_KEY && !s.OPENAI_BASE_URL && !s.OPENAI_AUTH) {
    // Our own names only: OPENAI_API_VERSION may be set for other tools on the host.
    for (const name of ['AZURE_OPENAI_DEPLOYMENT', 'OPENAI_HEADERS'] as const)
      if (s[name]) problems.push(`${name}: set, but no model is configured; set OPENAI_API_KEY or OPENAI_BASE_URL too`);
    return { endpoint: null, problems };
  }
  const located = locate(s, problems);
  const auth = authFor(s, located, problems);
  const headers = s.OPENAI_HEADERS ?? {};
  const authHeader = auth?.type === 'api-key' ? (located.kind.startsWith('azure') ? 'api-key' : 'authorization') : auth?.type === 'entra-id' ? 'authorization' : null;
  const clash = authHeader && Object.keys(headers).find((h) => h.toLowerCase() === authHeader);
  if (clash) problems.push(`OPENAI_HEADERS: sets ${clash}, which ${auth!.type === 'api-key' ? 'OPENAI_API_KEY' : 'the Entra ID token'} already sends; remove it from OPENAI_HEADERS`);
  checkProxy(s.proxyNames?.https ?? 'HTTPS_PROXY', s.HTTPS_PROXY, problems);
  checkProxy(s.proxyNames?.http ?? 'HTTP_PROXY', s.HTTP_PROXY, problems);
  if (!auth || problems.length) return { endpoint: null, problems };
  const model = located.kind === 'azure-v1' ? (s.AZURE_OPENAI_DEPLOYMENT ?? s.OPENAI_MODEL) : s.OPENAI_MODEL;
  return {
    endpoint: {
      ...located,
      model,
      auth,
      headers,
      proxy: { httpProxy: s.HTTP_PROXY ?? '', httpsProxy: s.HTTPS_PROXY ?? '', noProxy: s.NO_PROXY ?? '' },
      timeoutMs: s.OPENAI_TIMEOUT_MS,
    },
    problems,
  };
}

/** One line for logs and `llm report`: kind, host, model or deployment, auth type, header names. Never a key, token or header value. */
export function describeModelEndpoint(e: ModelEndpoint): string {
  const host = new URL(e.baseURL).host;
  const where =
    e.kind === 'openai' ? 'OpenAI API' : e.kind === 'compatible' ? `OpenAI-compatible server ${host}` : e.kind === 'azure-v1' ? `Azure OpenAI v1 ${host}` : `Azure OpenAI ${host}`;
  const what = e.kind === 'azure-deployment' ? `deployment ${e.deployment ?? e.model}, api-version ${e.apiVersion}` : `model ${e.model}`;
  const auth = e.auth.type === 'api-key' ? 'API key' : e.auth.type === 'entra-id' ? `Entra ID (${e.auth.credential.type})` : 'no key';
  const headers = Object.keys(e.headers);
  const proxy = e.proxy.httpsProxy || e.proxy.httpProxy ? `, proxy ${new URL(e.proxy.httpsProxy || e.proxy.httpProxy).host}` : '';
  return `${where}, ${what}, ${auth}${headers.length ? `, headers ${headers.join(', ')}` : ''}${proxy}`;
}
