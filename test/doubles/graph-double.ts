/**
 * A local stand-in for Microsoft Graph v1.0, over real HTTP on 127.0.0.1, for the calls
 * proactive installation makes, answering in Graph's wire format (OData JSON with
 * `@odata.context`; errors as `{ error: { code, message, innerError } }`):
 * - `GET /v1.0/users/{id | userPrincipalName}` (needs User.Read.All): 200, 404
 *   Request_ResourceNotFound, or 403 Authorization_RequestDenied;
 * - `POST /v1.0/users/{id}/teamwork/installedApps` with `teamsApp@odata.bind` (needs
 *   TeamsAppInstallation.ReadWriteForUser.All or …ReadWriteSelfForUser.All): 201 with no
 *   body, 409 Conflict when already installed, 404 for an unknown user or catalog app, 403;
 * - `GET /v1.0/users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '…'`;
 * - `GET /v1.0/users/{id}/teamwork/installedApps/{installation}/chat`: the 1:1 chat with the bot.
 * Every request must carry an app-only token the Microsoft identity double issued for Graph
 * (`checkToken`, its `checkGraphToken`); anything else is 401 InvalidAuthenticationToken and
 * recorded in `refused`. The permissions come from the token's `roles`, as in Graph.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GraphUser {
  id: string;
  userPrincipalName: string;
  mail?: string;
  displayName?: string;
}

export interface GraphRequest {
  method: string;
  path: string;
  /** Decoded query parameters. */
  query: Record<string, string>;
  status: number;
  authorization: string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface GraphDoubleOptions {
  /** The identity double's checkGraphToken. */
  checkToken(authorization: string | null): { roles: string[] } | { error: string };
  /** The Teams app in the organisation's catalog (its catalog id). */
  catalogAppId: string;
  /** The bot's app id (for the chat id Graph makes: 19:<user>_<bot>@unq.gbl.spaces). */
  botAppId: string;
  tenantId: string;
  users: GraphUser[];
  /** Users who already have the app installed (POST answers 409). */
  installedFor?: string[];
}

export interface GraphDouble {
  /** GRAPH_BASE_URL, e.g. http://127.0.0.1:40123/v1.0 */
  baseUrl: string;
  /** Every request with a valid token, in order. */
  requests: GraphRequest[];
  /** Requests answered 401 for their token, with why. */
  refused: Array<{ method: string; path: string; reason: string }>;
  /** User ids the app is installed for. */
  installed(): string[];
  /** The next `n` requests with a valid token answer `status` (429 TooManyRequests, 503…), with Retry-After when given. */
  failNext(n: number, status: number, retryAfterSeconds?: number): void;
  close(): Promise<void>;
}

const READ_USERS = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const INSTALL = ['TeamsAppInstallation.ReadWriteForUser.All', 'TeamsAppInstallation.ReadWriteSelfForUser.All'];
const READ_INSTALLS = [...INSTALL, 'TeamsAppInstallation.ReadForUser.All'];

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  try {
    return raw ? JSON.parse(raw) : null;
  } catch {
    return raw;
  }
}

export async function startGraphDouble(options: GraphDoubleOptions): Promise<GraphDouble> {
  const requests: GraphRequest[] = [];
  const refused: GraphDouble['refused'] = [];
  const installed = new Map<string, string>((options.installedFor ?? []).map((u) => [u, installationIdOf(u, options.catalogAppId)]));
  let base = '';
  const failures: Array<{ status: number; retryAfter?: number }> = [];

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://graph.local');
    // Segment by segment: ids may hold '/' and '=' (Graph's installation ids are base64), sent percent-encoded.
    const seg = url.pathname.split('/').slice(1).map((x) => decodeURIComponent(x));
    const path = `/${seg.join('/')}`;
    const route = (...shape: string[]) => seg.length === shape.length && shape.every((p, i) => p === '*' || p === seg[i]);
    const query = Object.fromEntries(url.searchParams);
    const body = req.method === 'POST' ? await readJson(req) : (req.resume(), null);
    const send = (status: number, payload?: unknown) => {
      res.writeHead(status, payload === undefined ? {} : { 'content-type': 'application/json; odata.metadata=minimal; charset=utf-8', 'request-id': randomUUID() });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    const error = (status: number, code: string, message: string) => {
      requests.push({ method: req.method ?? '', path, query, status, authorization: req.headers.authorization ?? null, body });
      send(status, { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomUUID(), 'client-request-id': randomUUID() } } });
    };
    const ok = (status: number, payload?: unknown) => {
      requests.push({ method: req.method ?? '', path, query, status, authorization: req.headers.authorization ?? null, body });
      send(status, payload);
    };

    const token = options.checkToken(req.headers.authorization ?? null);
    if ('error' in token) {
      refused.push({ method: req.method ?? '', path, reason: token.error });
      return send(401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token validation failure. Invalid audience.' } });
    }
    const failure = failures.shift();
    if (failure) {
      if (failure.retryAfter !== undefined) res.setHeader('retry-after', String(failure.retryAfter));
      return error(failure.status, failure.status === 429 ? 'TooManyRequests' : 'ServiceNotAvailable', 'The request has been throttled.');
    }
    const may = (roles: string[]) => roles.some((r) => token.roles.includes(r));
    const findUser = (key: string) => options.users.find((u) => u.id === key || u.userPrincipalName.toLowerCase() === key.toLowerCase());

    const user = route('v1.0', 'users', '*') ? [path, seg[2]] : null;
    if (user && req.method === 'GET') {
      if (!may(READ_USERS)) return error(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
      const found = findUser(user[1]!);
      if (!found) return error(404, 'Request_ResourceNotFound', `Resource '${user[1]}' does not exist or one of its queried reference-property objects are not present.`);
      const selected = query.$select ? Object.fromEntries(query.$select.split(',').map((k) => [k, (found as unknown as Record<string, unknown>)[k] ?? null])) : found;
      return ok(200, { '@odata.context': `${base}/$metadata#users(${query.$select ?? ''})/$entity`, ...selected });
    }

    const apps = route('v1.0', 'users', '*', 'teamwork', 'installedApps') ? [path, seg[2]] : null;
    if (apps) {
      const found = findUser(apps[1]!);
      if (req.method === 'POST') {
        if (!may(INSTALL)) return error(403, 'Forbidden', 'Missing role permissions on the request. API requires one of TeamsAppInstallation.ReadWriteForUser.All, TeamsAppInstallation.ReadWriteSelfForUser.All.');
        if (!found) return error(404, 'NotFound', 'User not found.');
        const bind = (body as Record<string, unknown> | null)?.['teamsApp@odata.bind'];
        const appId = typeof bind === 'string' ? /\/appCatalogs\/teamsApps\/([^/]+)$/.exec(bind)?.[1] : undefined;
        if (!appId) return error(400, 'BadRequest', 'teamsApp@odata.bind is missing or is not an appCatalogs/teamsApps URL.');
        if (appId !== options.catalogAppId) return error(404, 'NotFound', 'The app does not exist in the app catalog.');
        if (installed.has(found.id)) return error(409, 'Conflict', 'App is already installed.');
        installed.set(found.id, installationIdOf(found.id, appId));
        return ok(201);
      }
      if (req.method === 'GET') {
        if (!may(READ_INSTALLS)) return error(403, 'Forbidden', 'Missing role permissions on the request.');
        if (!found) return error(404, 'NotFound', 'User not found.');
        const wanted = /^teamsApp\/id eq '([^']+)'$/.exec(query.$filter ?? '')?.[1];
        const mine = installed.get(found.id);
        const value = mine && (!wanted || wanted === options.catalogAppId)
          ? [{ id: mine, ...(query.$expand === 'teamsApp' ? { teamsApp: { id: options.catalogAppId, externalId: options.botAppId, displayName: 'Travel advisor', distributionMethod: 'organization' } } : {}) }]
          : [];
        return ok(200, { '@odata.context': `${base}/$metadata#users('${found.id}')/teamwork/installedApps`, value });
      }
    }

    const chat = route('v1.0', 'users', '*', 'teamwork', 'installedApps', '*', 'chat') ? [path, seg[2], seg[5]] : null;
    if (chat && req.method === 'GET') {
      if (!may(READ_INSTALLS)) return error(403, 'Forbidden', 'Missing role permissions on the request.');
      const found = findUser(chat[1]!);
      if (!found || installed.get(found.id) !== chat[2]) return error(404, 'NotFound', 'Installation not found.');
      return ok(200, {
        '@odata.context': `${base}/$metadata#chats/$entity`,
        id: `19:${found.id}_${options.botAppId}@unq.gbl.spaces`,
        topic: null,
        createdDateTime: '2026-11-23T09:00:00.000Z',
        lastUpdatedDateTime: '2026-11-23T09:00:00.000Z',
        chatType: 'oneOnOne',
        webUrl: null,
        tenantId: options.tenantId,
      });
    }
    error(404, 'UnknownError', `No such Graph resource in the double: ${req.method} ${path}`);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
  return {
    baseUrl: base,
    requests,
    refused,
    installed: () => [...installed.keys()],
    failNext(n, status, retryAfterSeconds) {
      for (let i = 0; i < n; i++) failures.push({ status, retryAfter: retryAfterSeconds });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Graph's installation ids are base64 of user and app ids. */
function installationIdOf(userId: string, appId: string): string {
  return Buffer.from(`${userId}##${appId}`).toString('base64');
}
