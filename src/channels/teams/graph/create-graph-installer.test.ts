/**
 * The Graph installer against the Graph double and the Microsoft identity double over real
 * HTTP(S), with the production token source (MSAL, client credentials): it returns the
 * reference of the traveller's new personal chat; Graph's throttling keeps its Retry-After
 * (the scheduler waits it out), a 503 without one is retried with backoff, and an identity
 * platform that will not issue a Graph token (wrong secret, or no Graph scope for the app)
 * fails at once with the settings to check.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startGraphDouble, type GraphDouble } from '../../../../test/doubles/graph-double.js';
import { startMicrosoftIdentityDouble, type IdentityDoubleOptions, type MicrosoftIdentityDouble } from '../../../../test/doubles/microsoft-identity-double.js';
import { classifyDeliveryError } from '../../../reminders/classify-delivery-error.js';
import { createAppTokenSource } from '../botbuilder-authentication.js';
import { TeamsUnreachableError } from '../send-with-retry.js';
import { createGraphClient } from './create-graph-client.js';
import { createGraphInstaller } from './create-graph-installer.js';

const CATALOG = 'a1b2c3d4-0000-4000-8000-00000000c47a';
const USER = { id: '5e0c0000-0000-4000-8000-0000000000a1', userPrincipalName: 'ana@contoso.test' };
const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const o of opened.splice(0).reverse()) await o.close();
});

async function setUp(identityOptions: IdentityDoubleOptions = { graph: { roles: ['User.Read.All', 'TeamsAppInstallation.ReadWriteForUser.All'] } }, secret?: string) {
  const identity: MicrosoftIdentityDouble = await startMicrosoftIdentityDouble(identityOptions);
  opened.push(identity);
  const graph: GraphDouble = await startGraphDouble({ checkToken: identity.checkGraphToken, catalogAppId: CATALOG, botAppId: identity.appId, tenantId: 'tenant-g', users: [USER] });
  opened.push(graph);
  const endpoints = { openIdMetadataUrl: identity.openIdMetadataUrl, tokenIssuer: 'https://api.botframework.com', loginUrl: identity.loginUrl, oauthScope: 'https://api.botframework.com' };
  const token = createAppTokenSource({ appId: identity.appId, appPassword: secret ?? identity.appPassword, endpoints, loginCa: identity.ca }, 'https://graph.microsoft.com');
  const installer = createGraphInstaller({
    graph: createGraphClient({ baseUrl: graph.baseUrl, token }),
    catalogAppId: CATALOG,
    botAppId: identity.appId,
    serviceUrl: 'https://smba.trafficmanager.net/teams/',
  });
  return { identity, graph, installer };
}

describe('the Graph installer', () => {
  it("returns the reference of the traveller's new personal chat with the bot", async () => {
    const { identity, installer } = await setUp();
    expect(await installer.resolveEmail('ana@contoso.test')).toBe(USER.id);
    expect(await installer.install(USER.id)).toEqual({
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/teams/',
      bot: { id: `28:${identity.appId}` },
      conversation: { id: `19:${USER.id}_${identity.appId}@unq.gbl.spaces`, conversationType: 'personal', tenantId: 'tenant-g' },
    });
  });

  it("keeps Graph's Retry-After when throttled, so the scheduler waits it out", async () => {
    const { graph, installer } = await setUp();
    graph.failNext(1, 429, 120);
    const error = await installer.resolveEmail('ana@contoso.test').catch((e: unknown) => e);
    expect(error).toMatchObject({ permanent: false, retryAfterMs: 120_000 });
    expect(classifyDeliveryError(error)).toMatchObject({ type: 'rate-limited', retryAfterMs: 120_000 });
  });

  it('a 503 without Retry-After is transient: retried with backoff, not given up', async () => {
    const { graph, installer } = await setUp();
    graph.failNext(1, 503);
    const error = await installer.install(USER.id).catch((e: unknown) => e);
    expect(classifyDeliveryError(error)).toMatchObject({ type: 'transient' });
  });

  it('fails at once, naming the settings, when the identity platform issues no Graph token', async () => {
    const wrongSecret = await setUp(undefined, 'not-the-secret');
    const refused = await wrongSecret.installer.resolveEmail('ana@contoso.test').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TeamsUnreachableError);
    expect(refused).toMatchObject({ permanent: true, message: expect.stringContaining('invalid_client'), fix: expect.stringContaining('MICROSOFT_APP_PASSWORD') });
    expect(wrongSecret.graph.requests).toEqual([]);

    const noGraph = await setUp({});
    const scope = await noGraph.installer.install(USER.id).catch((e: unknown) => e);
    expect(scope).toMatchObject({ permanent: true, message: expect.stringContaining('invalid_scope'), fix: expect.stringContaining('GRAPH_SCOPE') });
  });
});
