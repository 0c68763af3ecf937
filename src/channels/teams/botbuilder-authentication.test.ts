/**
 * Where the bot's app-token requests go for each cloud's settings, without leaving this
 * machine: MSAL runs for real with a recording HTTP client (its `networkClient` option)
 * that answers as Entra ID does. For the defaults, US Government and China, every request
 * goes to the configured login host (no instance discovery at login.microsoftonline.com),
 * the token comes from `<TEAMS_LOGIN_URL>/oauth2/v2.0/token` for `<TEAMS_OAUTH_SCOPE>/.default`
 * with the app's id and secret, and a SingleTenant bot signs in to its own tenant.
 */
import type { INetworkModule, NetworkResponse } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createAppCredentials } from './botbuilder-authentication.js';
import { teamsIdentityEndpoints } from './create-teams-door.js';

interface Sent {
  method: 'GET' | 'POST';
  url: string;
  body?: string;
}

/** Answers like an Entra ID authority at whatever host it is asked: its OpenID configuration and a token. */
function recordingNetwork(sent: Sent[]): INetworkModule {
  const answer = <T>(body: unknown): Promise<NetworkResponse<T>> => Promise.resolve({ status: 200, headers: {}, body: body as T });
  return {
    sendGetRequestAsync<T>(url: string) {
      sent.push({ method: 'GET', url });
      const authority = url.replace(/\/v2\.0\/\.well-known\/openid-configuration$/, '');
      return answer<T>({
        issuer: `${authority}/v2.0`,
        authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
        token_endpoint: `${authority}/oauth2/v2.0/token`,
        jwks_uri: `${authority}/discovery/v2.0/keys`,
      });
    },
    sendPostRequestAsync<T>(url: string, options?: { body?: string }) {
      sent.push({ method: 'POST', url, body: options?.body });
      return answer<T>({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'an-app-token' });
    },
  };
}

let apps = 0;

/** The requests MSAL makes for one app token with these settings (query strings, MSAL's request ids, left out). */
async function tokenRequests(env: Record<string, string>): Promise<Sent[]> {
  // A new app id each time: botbuilder caches app tokens process-wide by app id and scope.
  const appId = `00000000-0000-0000-0000-${String(++apps).padStart(12, '0')}`;
  const config = loadConfig({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 'secret-1', ...env });
  const sent: Sent[] = [];
  const endpoints = teamsIdentityEndpoints(config);
  const factory = createAppCredentials({ appId, appPassword: 'secret-1', appType: config.MICROSOFT_APP_TYPE, endpoints, msalNetwork: recordingNetwork(sent) });
  const credentials = await factory!.createCredentials(appId, endpoints.oauthScope, endpoints.loginUrl, true);
  expect(await (credentials as unknown as { getToken(): Promise<string> }).getToken()).toBe('an-app-token');
  return sent.map((r) => ({ ...r, url: r.url.split('?')[0]! }));
}

const form = (body = '') => Object.fromEntries(new URLSearchParams(body));

describe('app tokens per cloud', () => {
  it("asks Microsoft's public login host for botframework.com's token for a MultiTenant bot, and nothing else", async () => {
    const sent = await tokenRequests({ MICROSOFT_APP_TYPE: 'MultiTenant' });
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual(['POST https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token']);
    expect(form(sent[0]!.body)).toMatchObject({ grant_type: 'client_credentials', client_id: expect.stringMatching(/^00000000-/), client_secret: 'secret-1', scope: 'https://api.botframework.com/.default' });
  });

  it('signs a SingleTenant bot, the default type, in to its own tenant', async () => {
    const sent = await tokenRequests({ MICROSOFT_APP_TENANT_ID: 'aaaaaaaa-0000-4000-8000-000000000001' });
    expect(sent.map((r) => r.url)).toEqual(['https://login.microsoftonline.com/aaaaaaaa-0000-4000-8000-000000000001/oauth2/v2.0/token']);
  });

  it("uses the US Government cloud's login host and scope when told to", async () => {
    const sent = await tokenRequests({ MICROSOFT_APP_TYPE: 'MultiTenant', TEAMS_LOGIN_URL: 'https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us', TEAMS_OAUTH_SCOPE: 'https://api.botframework.us' });
    expect(sent.every((r) => r.url.startsWith('https://login.microsoftonline.us/microsoftservices.onmicrosoft.us/'))).toBe(true);
    expect(sent.at(-1)).toMatchObject({ method: 'POST', url: 'https://login.microsoftonline.us/microsoftservices.onmicrosoft.us/oauth2/v2.0/token' });
    expect(form(sent.at(-1)!.body).scope).toBe('https://api.botframework.us/.default');
  });

  it("reads China's endpoints from its own login host, never from the public cloud's", async () => {
    const sent = await tokenRequests({
      MICROSOFT_APP_TYPE: 'MultiTenant',
      TEAMS_LOGIN_URL: 'https://login.partner.microsoftonline.cn/microsoftservices.partner.onmschina.cn',
      TEAMS_OAUTH_SCOPE: 'https://api.botframework.azure.cn',
    });
    const login = 'https://login.partner.microsoftonline.cn/microsoftservices.partner.onmschina.cn';
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([`GET ${login}/v2.0/.well-known/openid-configuration`, `POST ${login}/oauth2/v2.0/token`]);
    expect(form(sent[1]!.body).scope).toBe('https://api.botframework.azure.cn/.default');
  });
});
