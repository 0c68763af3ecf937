/**
 * A local stand-in for the two Microsoft identity services a Teams bot talks to, over
 * real HTTP on 127.0.0.1, with RSA keys generated at start (nothing checked in):
 *
 * - the Bot Framework's OpenID metadata (as login.botframework.com serves it, plain HTTP,
 *   which botbuilder's key fetcher accepts): the configuration document and a JWKS whose
 *   key is endorsed for `msteams`. `channelToken()` signs what the Bot Connector puts in
 *   `Authorization: Bearer` on each activity (issuer, audience = the app id, `serviceurl`,
 *   expiry), and each wrong variant a forger could send;
 * - the Microsoft identity platform (Entra ID) that issues the bot's app tokens for its
 *   outgoing calls, as MSAL reaches it: HTTPS (a self-signed certificate; pass `ca` to the
 *   door), `/{tenant}/v2.0/.well-known/openid-configuration` and the client-credentials
 *   token endpoint, which issues a token only for the configured app id, secret and scope.
 *   `checkAppToken()` is what the connector double uses to refuse any other bearer.
 *   Given `graph`, it also issues app-only Microsoft Graph tokens (scope
 *   `https://graph.microsoft.com/.default`) carrying the application permissions the tenant's
 *   admin consented to as `roles`, as Entra ID does; `checkGraphToken()` is what the Graph
 *   double uses to refuse any other bearer and to read those roles.
 */
import { generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { epochSeconds, signJwt, verifyJwt, type JwtClaims } from './rs256-jwt.js';
import { selfSignedCert } from './self-signed-cert.js';

/** Every way an activity's token can be wrong that botbuilder must refuse (401). */
export const WRONG_CHANNEL_TOKENS = ['bad-signature', 'unknown-key', 'alg-none', 'wrong-audience', 'expired', 'wrong-issuer', 'entra-issuer', 'serviceurl-mismatch'] as const;
export type WrongChannelToken = (typeof WRONG_CHANNEL_TOKENS)[number];

/** App tokens the connector double must refuse (401). */
export type ForgedAppToken = 'foreign-key' | 'other-app' | 'other-audience' | 'expired';

export interface IdentityDoubleOptions {
  appId?: string;
  appPassword?: string;
  /**
   * The login tenant: a tenant id (default: a new GUID), as for a SingleTenant bot, the type
   * Azure creates; `botframework.com` for a MultiTenant bot. `env` sets MICROSOFT_APP_TYPE to match.
   */
  tenant?: string;
  /** Issuer of the channel's tokens (TEAMS_TOKEN_ISSUER); public cloud by default. */
  channelIssuer?: string;
  /** The audience of app tokens (TEAMS_OAUTH_SCOPE, without `/.default`); public cloud by default. */
  audience?: string;
  /** Issue Microsoft Graph tokens too, with these consented application permissions (`roles`). Absent: the Graph scope is refused. */
  graph?: { roles: string[] };
}

/** The audience of Microsoft Graph app tokens (GRAPH_SCOPE's default). */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

export interface TokenRequest {
  clientId: string;
  scope: string;
  /** The error code the token endpoint answered, or null when it issued a token. */
  error: string | null;
}

export interface MicrosoftIdentityDouble {
  appId: string;
  appPassword: string;
  /** TEAMS_OPENID_METADATA_URL */
  openIdMetadataUrl: string;
  /** TEAMS_LOGIN_URL (the authority MSAL asks for app tokens) */
  loginUrl: string;
  /** PEM of the login host's self-signed certificate: the door's `teams.loginCa`. */
  ca: string;
  /** The Teams settings that point the door at this double (app id and secret included). */
  env: Record<string, string>;
  /** A Bot Connector token for an activity whose serviceUrl is `serviceUrl`, or a wrong one. */
  channelToken(serviceUrl: string, wrong?: WrongChannelToken): string;
  /** `Bearer <channelToken(…)>` */
  channelAuthorization(serviceUrl: string, wrong?: WrongChannelToken): string;
  /** Every request to the token endpoint, refused ones included. */
  tokenRequests: TokenRequest[];
  /** Null when `authorization` is `Bearer <an app token this double issued for the app and audience>`, else why not. */
  checkAppToken(authorization: string | null | undefined): string | null;
  /** A Graph app token this double issued for the app: its `roles`; else why not. */
  checkGraphToken(authorization: string | null | undefined): { roles: string[] } | { error: string };
  forgedAppToken(kind: ForgedAppToken): string;
  close(): Promise<void>;
}

const rsaKeys = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = (key: KeyObject, kid: string, extra: Record<string, unknown> = {}) => ({ ...key.export({ format: 'jwk' }), kid, use: 'sig', ...extra });

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

export async function startMicrosoftIdentityDouble(options: IdentityDoubleOptions = {}): Promise<MicrosoftIdentityDouble> {
  const appId = options.appId ?? randomUUID();
  const appPassword = options.appPassword ?? randomBytes(24).toString('base64url');
  const tenant = (options.tenant ?? randomUUID()).toLowerCase();
  const channelIssuer = options.channelIssuer ?? 'https://api.botframework.com';
  const audience = options.audience ?? 'https://api.botframework.com';
  const channelKey = { ...rsaKeys(), kid: `bf-${randomUUID()}` };
  const appKey = { ...rsaKeys(), kid: `entra-${randomUUID()}` };
  const foreign = rsaKeys();
  const tls = selfSignedCert();
  const tokenRequests: TokenRequest[] = [];
  // Each double is its own Bot Framework cloud, with URLs no earlier double had: botframework-connector
  // caches OpenID keys per metadata URL for the whole process (JwtTokenExtractor.openIdMetadataCache,
  // refreshed at most hourly), and a later double can listen on a port an earlier one freed.
  const bfPath = `/cloud-${randomUUID()}`;

  const botFramework = createHttpServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === `${bfPath}/v1/.well-known/openidconfiguration`)
      return reply(res, 200, {
        issuer: channelIssuer,
        authorization_endpoint: `${bfBase}${bfPath}/v1/authorize`,
        jwks_uri: `${bfBase}${bfPath}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    if (path === `${bfPath}/v1/.well-known/keys`) return reply(res, 200, { keys: [jwk(channelKey.publicKey, channelKey.kid, { endorsements: ['msteams'] })] });
    reply(res, 404, { error: 'not found' });
  });

  const entra = createHttpsServer({ cert: tls.cert, key: tls.key }, async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!.toLowerCase();
    const authority = `${entraBase}/${tenant}`;
    if (req.method === 'GET' && path === `/${tenant}/v2.0/.well-known/openid-configuration`)
      return reply(res, 200, {
        issuer: `${authority}/v2.0`,
        authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
        token_endpoint: `${authority}/oauth2/v2.0/token`,
        jwks_uri: `${authority}/discovery/v2.0/keys`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      });
    if (req.method === 'GET' && path === `/${tenant}/discovery/v2.0/keys`) return reply(res, 200, { keys: [jwk(appKey.publicKey, appKey.kid)] });
    if (req.method !== 'POST' || path !== `/${tenant}/oauth2/v2.0/token`) return reply(res, 404, { error: 'not_found' });
    const form = await formBody(req);
    const request = { clientId: form.get('client_id') ?? '', scope: form.get('scope') ?? '' };
    // The answers (and AADSTS codes) Entra ID gives for each mistake.
    const refuse = (status: number, error: string, description: string) => {
      tokenRequests.push({ ...request, error });
      reply(res, status, { error, error_description: description, error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1])] });
    };
    if (form.get('grant_type') !== 'client_credentials') return refuse(400, 'unsupported_grant_type', 'AADSTS70003: grant type not supported.');
    if (request.clientId !== appId) return refuse(400, 'unauthorized_client', `AADSTS700016: Application with identifier '${request.clientId}' was not found.`);
    if (form.get('client_secret') !== appPassword) return refuse(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
    const forGraph = options.graph !== undefined && request.scope === `${GRAPH_AUDIENCE}/.default`;
    if (request.scope !== `${audience}/.default` && !forGraph) return refuse(400, 'invalid_scope', `AADSTS70011: The provided value for scope ${request.scope} is not valid.`);
    tokenRequests.push({ ...request, error: null });
    const now = epochSeconds();
    const claims: JwtClaims = { aud: forGraph ? GRAPH_AUDIENCE : audience, iss: `${authority}/v2.0`, iat: now, nbf: now, exp: now + 3600, appid: appId, azp: appId, tid: tenant, ver: '2.0' };
    // Entra ID puts the consented application permissions in `roles`; none consented, no claim.
    if (forGraph && options.graph!.roles.length) claims.roles = options.graph!.roles;
    reply(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: signJwt(claims, appKey.privateKey, { kid: appKey.kid }) });
  });

  const bfBase = `http://127.0.0.1:${await listen(botFramework)}`;
  const entraBase = `https://127.0.0.1:${await listen(entra)}`;
  const appIssuer = `${entraBase}/${tenant}/v2.0`;

  function channelToken(serviceUrl: string, wrong?: WrongChannelToken): string {
    const now = epochSeconds();
    const claims: JwtClaims = { iss: channelIssuer, aud: appId, serviceurl: serviceUrl, nbf: now - 60, exp: now + 3600 };
    if (wrong === 'wrong-audience') claims.aud = randomUUID();
    if (wrong === 'expired') Object.assign(claims, { nbf: now - 7200, exp: now - 3600 });
    if (wrong === 'wrong-issuer') claims.iss = 'https://api.botframework.example';
    // An Entra ID token naming the app, like the Bot Framework Emulator's: not the channel's, so not accepted either.
    if (wrong === 'entra-issuer') Object.assign(claims, { iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/', appid: appId, ver: '1.0' });
    if (wrong === 'serviceurl-mismatch') claims.serviceurl = 'https://smba.trafficmanager.net/amer/';
    if (wrong === 'alg-none') {
      const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      return `${part({ alg: 'none', typ: 'JWT', kid: channelKey.kid })}.${part(claims)}.`;
    }
    const signer = wrong === 'bad-signature' || wrong === 'unknown-key' ? foreign.privateKey : channelKey.privateKey;
    return signJwt(claims, signer, { kid: wrong === 'unknown-key' ? `bf-${randomUUID()}` : channelKey.kid });
  }

  function forgedAppToken(kind: ForgedAppToken): string {
    const now = epochSeconds();
    const claims: JwtClaims = { aud: audience, iss: appIssuer, iat: now, nbf: now, exp: now + 3600, appid: appId, azp: appId, tid: tenant, ver: '2.0' };
    if (kind === 'other-app') Object.assign(claims, { appid: randomUUID(), azp: undefined });
    if (kind === 'other-audience') claims.aud = 'https://graph.microsoft.com';
    if (kind === 'expired') Object.assign(claims, { nbf: now - 7200, exp: now - 3600 });
    return signJwt(claims, kind === 'foreign-key' ? foreign.privateKey : appKey.privateKey, { kid: appKey.kid });
  }

  return {
    appId,
    appPassword,
    openIdMetadataUrl: `${bfBase}${bfPath}/v1/.well-known/openidconfiguration`,
    loginUrl: `${entraBase}/${tenant}`,
    ca: tls.cert,
    env: {
      MICROSOFT_APP_ID: appId,
      MICROSOFT_APP_PASSWORD: appPassword,
      ...(tenant === 'botframework.com' ? { MICROSOFT_APP_TYPE: 'MultiTenant' } : { MICROSOFT_APP_TYPE: 'SingleTenant', MICROSOFT_APP_TENANT_ID: tenant }),
      TEAMS_OPENID_METADATA_URL: `${bfBase}${bfPath}/v1/.well-known/openidconfiguration`,
      TEAMS_TOKEN_ISSUER: channelIssuer,
      TEAMS_LOGIN_URL: `${entraBase}/${tenant}`,
      TEAMS_OAUTH_SCOPE: audience,
    },
    channelToken,
    channelAuthorization: (serviceUrl, wrong) => `Bearer ${channelToken(serviceUrl, wrong)}`,
    tokenRequests,
    checkAppToken(authorization) {
      const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
      if (!token) return 'no bearer token';
      const checked = verifyJwt(token, appKey.publicKey, { issuer: appIssuer, audience });
      if ('error' in checked) return checked.error;
      return checked.claims.appid === appId ? null : `token of another app (${String(checked.claims.appid)})`;
    },
    checkGraphToken(authorization) {
      const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
      if (!token) return { error: 'no bearer token' };
      const checked = verifyJwt(token, appKey.publicKey, { issuer: appIssuer, audience: GRAPH_AUDIENCE });
      if ('error' in checked) return { error: checked.error };
      if (checked.claims.appid !== appId) return { error: 'token of another app' };
      const roles = checked.claims.roles;
      return { roles: Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [] };
    },
    forgedAppToken,
    close: async () => {
      for (const server of [botFramework, entra]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}
