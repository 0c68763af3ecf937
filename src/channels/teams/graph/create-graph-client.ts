/**
 * The few Microsoft Graph calls proactive installation needs, over plain HTTP with the
 * app's own token (client credentials, `GRAPH_SCOPE/.default`) on every request:
 * - `GET /users/{email}`: the traveller's Entra object id (`$select=id`, nothing else read);
 * - `POST /users/{id}/teamwork/installedApps` with `teamsApp@odata.bind` to the app in the
 *   organisation's catalog: 201 installed, 409 already installed;
 * - `GET /users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '…'`:
 *   the installation's id;
 * - `GET /users/{id}/teamwork/installedApps/{installation}/chat`: the personal chat with the bot.
 * Source: Microsoft Learn, "Send proactive installation messages" and the Graph v1.0
 * reference for `userScopeTeamsAppInstallation`. A failure is a GraphError carrying Graph's
 * status, its `error.code` and any `Retry-After`; nothing from a response is logged.
 */
import { AdvisorError } from '../../../errors.js';

/** A Graph call that failed, with what the installer needs to say why (status, Graph's code, Retry-After). */
export class GraphError extends AdvisorError {
  readonly status: number | null;
  /** Graph's `error.code` (e.g. Authorization_RequestDenied), or null. */
  readonly graphCode: string | null;
  /** From Retry-After on 429/503, in ms. */
  readonly retryAfterMs?: number;
  constructor(message: string, options: { status: number | null; graphCode?: string | null; retryAfterMs?: number; cause?: unknown }) {
    super(message, 'DELIVERY_FAILED', { cause: options.cause });
    this.status = options.status;
    this.graphCode = options.graphCode ?? null;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

/** Base URL, token and fetch are injected, so tests point them at local doubles. */
export interface GraphClientOptions {
  /** GRAPH_BASE_URL, e.g. https://graph.microsoft.com/v1.0 */
  baseUrl: string;
  /** An app-only access token for Graph (cached by its source). */
  token: () => Promise<string>;
  fetch?: typeof fetch;
  /** Longest wait for one Graph call. Default 10 s. */
  timeoutMs?: number;
}

/** Only the calls proactive installation makes; each returns what the next step needs. */
export interface GraphClient {
  /** The user's Entra object id, or null when the directory has no user by that name (404). */
  userIdByEmail(email: string): Promise<string | null>;
  /** Installs the catalog app for the user: true when installed now, false when it already was (409). */
  installApp(userId: string, catalogAppId: string): Promise<boolean>;
  /** The id of the user's installation of the catalog app, or null when it is not installed. */
  installationId(userId: string, catalogAppId: string): Promise<string | null>;
  /** The personal chat between the user and the installed app: its id, and its tenant when Graph says. */
  chatOf(userId: string, installationId: string): Promise<{ id: string; tenantId: string | null }>;
}

/** A Graph client that never follows redirects and never logs a response. */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const seg = encodeURIComponent;

  async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    let token: string;
    try {
      token = await options.token();
    } catch (error) {
      throw new GraphError('no Microsoft Graph token from the identity platform', { status: null, graphCode: codeOfTokenError(error), cause: error });
    }
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new GraphError('Microsoft Graph did not answer', { status: null, cause: error });
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (res.ok || res.status === 409) return { status: res.status, json };
    const code = (json as { error?: { code?: unknown } } | null)?.error?.code;
    const after = Number(res.headers.get('retry-after'));
    throw new GraphError(`Microsoft Graph answered ${res.status}${typeof code === 'string' ? ` ${code}` : ''}`, {
      status: res.status,
      graphCode: typeof code === 'string' ? code : null,
      ...(Number.isFinite(after) && after > 0 ? { retryAfterMs: after * 1000 } : {}),
    });
  }

  return {
    async userIdByEmail(email) {
      try {
        const { json } = await call('GET', `/users/${seg(email.trim())}?$select=id`);
        const id = (json as { id?: unknown } | null)?.id;
        return typeof id === 'string' && id ? id : null;
      } catch (error) {
        if (error instanceof GraphError && error.status === 404) return null;
        throw error;
      }
    },
    async installApp(userId, catalogAppId) {
      const bind = `${base}/appCatalogs/teamsApps/${seg(catalogAppId)}`;
      const { status } = await call('POST', `/users/${seg(userId)}/teamwork/installedApps`, { 'teamsApp@odata.bind': bind });
      return status !== 409;
    },
    async installationId(userId, catalogAppId) {
      const query = new URLSearchParams({ $expand: 'teamsApp', $filter: `teamsApp/id eq '${catalogAppId.replace(/'/g, "''")}'` });
      const { json } = await call('GET', `/users/${seg(userId)}/teamwork/installedApps?${query}`);
      const first = ((json as { value?: Array<{ id?: unknown }> } | null)?.value ?? [])[0];
      return typeof first?.id === 'string' ? first.id : null;
    },
    async chatOf(userId, installationId) {
      const { json } = await call('GET', `/users/${seg(userId)}/teamwork/installedApps/${seg(installationId)}/chat`);
      const chat = json as { id?: unknown; tenantId?: unknown } | null;
      if (typeof chat?.id !== 'string' || !chat.id) throw new GraphError('Microsoft Graph returned no chat id', { status: 200 });
      return { id: chat.id, tenantId: typeof chat.tenantId === 'string' ? chat.tenantId : null };
    },
  };
}

/** MSAL's error code (invalid_client, invalid_scope…) when the identity platform refused the token, else null. */
function codeOfTokenError(error: unknown): string | null {
  const e = error as { errorCode?: unknown } | null;
  return typeof e?.errorCode === 'string' ? e.errorCode : null;
}
