/**
 * Bot Framework authentication for the botbuilder port, built from our config (never from
 * process.env): which keys sign incoming tokens (TEAMS_OPENID_METADATA_URL), whose tokens
 * they must be (TEAMS_TOKEN_ISSUER, the app id), where the bot gets its own app tokens
 * (TEAMS_LOGIN_URL, through MSAL) and for what (TEAMS_OAUTH_SCOPE). Public cloud by default;
 * a sovereign cloud, or the tests' local Microsoft identity double, is these four settings.
 * Part of the botbuilder port: only this file, the port and the HTTP bridge import the SDK.
 */
import { createRequire } from 'node:module';
import type { INetworkModule, Configuration as MsalConfiguration } from '@azure/msal-node';
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  MsalServiceClientCredentialsFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorFactory,
} from 'botframework-connector';
import { resetConnectionRetryPolicy, type ConnectorPipelinePolicy } from './reset-connection-retry.js';
import { ServiceUrlRefusedError, type ServiceUrlPolicy } from './service-url-policy.js';

/** Where Microsoft's identity services are; `TEAMS_PUBLIC_CLOUD` in config.ts for the defaults. */
export interface TeamsIdentityEndpoints {
  openIdMetadataUrl: string;
  tokenIssuer: string;
  loginUrl: string;
  oauthScope: string;
}

export interface BotbuilderAuthenticationOptions {
  /** Unset: no Bot Framework authentication (local mode). */
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  endpoints: TeamsIdentityEndpoints;
  /** CA certificates MSAL trusts for the login host instead of Node's (tests: the identity double's own). */
  loginCa?: string | Buffer;
  /** MSAL's HTTP client; default its own. Tests pass a recorder to see which URLs a cloud's settings reach. */
  msalNetwork?: INetworkModule;
  serviceUrls: ServiceUrlPolicy;
  /** Told the host of a token-validated activity whose serviceUrl is not allowed. */
  onRefused(host: string): void;
  /** Told each time a connector call is tried again because its connection was reset (reset-connection-retry.ts). */
  onConnectionReset?: () => void;
}

/**
 * MSAL as botframework-connector loads it (CommonJS): one copy in the process, and the
 * client type its credentials factory expects (the ESM build's types differ in private fields).
 */
type MsalClient = ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1];
const { ConfidentialClientApplication } = createRequire(import.meta.url)('@azure/msal-node') as {
  ConfidentialClientApplication: new (configuration: MsalConfiguration) => MsalClient;
};

/** jsonwebtoken's failures (bad signature, malformed, `alg: none`, not yet valid): botbuilder lets them escape as 500. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/** The unverified `iss` of a bearer token, to route it before any key is fetched; null when unreadable. */
function issuerOf(authHeader: string): string | null {
  try {
    const payload = authHeader.trim().split(/\s+/)[1]?.split('.')[1];
    const iss = payload ? (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iss?: unknown }).iss : null;
    return typeof iss === 'string' ? iss : null;
  } catch {
    return null;
  }
}

/**
 * Every connector client the adapter makes, for a turn (made inside `authenticateRequest`)
 * or a proactive send (`createConnectorFactory`), goes through this guard:
 * - only for a service URL the policy allows (TEAMS_SERVICE_URL_HOSTS), so no request,
 *   and no app token, ever goes anywhere else;
 * - without Azure's default retry policy (3 retries with real timers, which turned one
 *   inbound activity into 16 requests to a failing host) and without following
 *   redirects: proactive sends retry in send-with-retry.ts, turns never retry;
 * - except once when a connection is reset before any answer (reset-connection-retry.ts):
 *   a kept-alive connection the service had just closed, which otherwise lost the answer.
 * Incoming tokens must come from the Bot Framework channel (TEAMS_TOKEN_ISSUER): botbuilder
 * would also try Emulator and skill tokens against Entra ID's keys, which Teams never sends.
 */
class GuardedAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    config: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0],
    credentials: MsalServiceClientCredentialsFactory | undefined,
    private readonly options: BotbuilderAuthenticationOptions,
  ) {
    super(config, credentials);
  }

  private guard(inner: ConnectorFactory): ConnectorFactory {
    const { serviceUrls } = this.options;
    const retry = resetConnectionRetryPolicy(this.options.onConnectionReset);
    return {
      async create(serviceUrl: string, audience?: string) {
        if (!serviceUrls.allows(serviceUrl)) throw new ServiceUrlRefusedError(serviceUrls.hostOf(serviceUrl));
        const client = await inner.create(serviceUrl, audience);
        type Pipeline = { removePolicy(o: { phase?: string; name?: string }): unknown; addPolicy(p: ConnectorPipelinePolicy, o?: { phase?: string }): void };
        const pipeline = (client as unknown as { client?: { pipeline?: Pipeline } }).client?.pipeline;
        pipeline?.removePolicy({ phase: 'Retry' });
        pipeline?.removePolicy({ name: 'redirectPolicy' });
        // Once per client, however often a factory hands the same one out.
        pipeline?.removePolicy({ name: retry.name });
        pipeline?.addPolicy(retry, { phase: 'Retry' });
        return client;
      },
    } as ConnectorFactory;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.guard(super.createConnectorFactory(claimsIdentity));
  }

  /**
   * botbuilder checks the token's signature (TEAMS_OPENID_METADATA_URL's keys, endorsed for
   * the activity's channel), issuer, audience (our app id), expiry and its `serviceurl` claim
   * against the activity's; then a service URL we may not call is refused before any
   * connector exists. Every refusal is an AuthenticationError, which CloudAdapter answers 401.
   */
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const { appId, endpoints, serviceUrls } = this.options;
    if (appId && issuerOf(authHeader) !== endpoints.tokenIssuer) throw new AuthenticationError('Unauthorized. The token is not from the Bot Framework channel.', 401);
    let result: AuthenticateRequestResult;
    try {
      result = await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof Error && TOKEN_ERRORS.has(error.name)) throw new AuthenticationError(`Unauthorized. ${error.message}`, 401);
      throw error;
    }
    if (!serviceUrls.allows(activity.serviceUrl)) {
      this.options.onRefused(serviceUrls.hostOf(activity.serviceUrl));
      throw new AuthenticationError('serviceUrl is not an allowed Bot Framework service URL (TEAMS_SERVICE_URL_HOSTS)', 401);
    }
    return result.connectorFactory ? { ...result, connectorFactory: this.guard(result.connectorFactory) } : result;
  }
}

/**
 * App tokens through MSAL against TEAMS_LOGIN_URL. The login host is a known authority, so
 * MSAL reads the endpoints from it (built in for Microsoft's hosts, else its
 * `/v2.0/.well-known/openid-configuration`) instead of asking login.microsoftonline.com's
 * instance discovery, which a sovereign cloud or a local double must not depend on.
 * UserAssignedMSI keeps botbuilder's managed-identity credentials; no app id, none at all.
 */
export function createAppCredentials(
  options: Pick<BotbuilderAuthenticationOptions, 'appId' | 'appPassword' | 'appType' | 'endpoints' | 'loginCa' | 'msalNetwork'>,
): MsalServiceClientCredentialsFactory | undefined {
  const { appId, appType } = options;
  if (!appId || appType === 'UserAssignedMSI') return undefined;
  return new MsalServiceClientCredentialsFactory(appId, msalClient({ ...options, appId }));
}

type MsalOptions = Pick<BotbuilderAuthenticationOptions, 'appPassword' | 'endpoints' | 'loginCa' | 'msalNetwork'> & { appId: string };

function msalClient(options: MsalOptions): MsalClient {
  const { appId, appPassword, endpoints, loginCa, msalNetwork } = options;
  return new ConfidentialClientApplication({
    auth: { clientId: appId, clientSecret: appPassword ?? '', authority: endpoints.loginUrl, knownAuthorities: [new URL(endpoints.loginUrl).host] },
    system: { ...(loginCa ? { customAgentOptions: { ca: loginCa } } : {}), ...(msalNetwork ? { networkClient: msalNetwork } : {}) },
  });
}

/**
 * App-only tokens for another resource than the Bot Connector (Microsoft Graph, for
 * proactive installation): the same identity platform (TEAMS_LOGIN_URL, the bot's own tenant
 * for a SingleTenant bot), app id and secret, client credentials for `<resource>/.default`.
 * MSAL keeps each token until shortly before it expires. Lives here because only this file
 * and the port may import MSAL (sdk-boundary.test.ts).
 */
export function createAppTokenSource(options: MsalOptions, resource: string): () => Promise<string> {
  const msal = msalClient(options);
  const scopes = [`${resource.replace(/\/+$/, '')}/.default`];
  return async () => {
    const result = await msal.acquireTokenByClientCredential({ scopes });
    if (!result?.accessToken) throw new Error(`the identity platform issued no token for ${scopes[0]}`);
    return result.accessToken;
  };
}

/** The BotFrameworkAuthentication behind our CloudAdapter. */
export function createBotbuilderAuthentication(options: BotbuilderAuthenticationOptions): ConfigurationBotFrameworkAuthentication {
  const { endpoints } = options;
  return new GuardedAuthentication(
    {
      MicrosoftAppId: options.appId ?? '',
      MicrosoftAppPassword: options.appPassword ?? '',
      MicrosoftAppTenantId: options.tenantId ?? '',
      // Local mode has no app id: botbuilder accepts that only for MultiTenant (SingleTenant, the default, requires an id).
      MicrosoftAppType: options.appId ? options.appType : 'MultiTenant',
      ToBotFromChannelOpenIdMetadataUrl: endpoints.openIdMetadataUrl,
      ToBotFromChannelTokenIssuer: endpoints.tokenIssuer,
      ToChannelFromBotLoginUrl: endpoints.loginUrl,
      ToChannelFromBotOAuthScope: endpoints.oauthScope,
      // Given because botbuilder takes all or none of these; unused: Emulator tokens are refused above, user sign-in is not used.
      ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      ValidateAuthority: true,
    },
    createAppCredentials(options),
    options,
  );
}
