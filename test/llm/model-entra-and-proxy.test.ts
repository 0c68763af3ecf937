/**
 * Proves the two enterprise ways around a model server's front door: Microsoft Entra ID
 * tokens (OPENAI_AUTH=entra-id) and an outbound proxy (HTTPS_PROXY / NO_PROXY). Entra ID:
 * the real @azure/identity client-secret credential gets a token from the local Microsoft
 * identity double (HTTPS, the scope https://cognitiveservices.azure.com/.default), and the
 * model double receives it as `Authorization: Bearer`, a token the double signed for this
 * app, with no api-key; once, then cached; a wrong secret falls back to extractive with the
 * reason `credentials`. Proxy: the model double serves HTTPS, the request goes through a
 * local CONNECT proxy double (with Basic proxy credentials) and arrives unchanged; with the
 * host in NO_PROXY it goes direct.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { buildAdvisor } from '../../src/app/build-advisor.js';
import { loadConfig } from '../../src/config.js';
import { createLlmAccounting } from '../../src/llm/llm-accounting.js';
import { startOpenAiDouble, type OpenAiDouble } from '../doubles/openai-server.js';
import { startMicrosoftIdentityDouble, type MicrosoftIdentityDouble } from '../doubles/microsoft-identity-double.js';
import { startConnectProxy, type ConnectProxyDouble } from '../doubles/connect-proxy.js';

let model: OpenAiDouble;
let httpsModel: OpenAiDouble;
let identity: MicrosoftIdentityDouble;
let proxy: ConnectProxyDouble;
const tenant = randomUUID();

beforeAll(async () => {
  [model, httpsModel, identity, proxy] = await Promise.all([
    startOpenAiDouble('good'),
    startOpenAiDouble('good', { tls: true }),
    startMicrosoftIdentityDouble({ tenant, audience: 'https://cognitiveservices.azure.com' }),
    startConnectProxy({ credentials: { user: 'advisor', password: 'proxy-pass' } }),
  ]);
});
afterAll(() => Promise.all([model.close(), httpsModel.close(), identity.close(), proxy.close()]));
beforeEach(() => {
  for (const d of [model, httpsModel]) d.requests.length = 0;
  identity.tokenRequests.length = 0;
  proxy.tunnels.length = 0;
});

const entraEnv = (secret = identity.appPassword) => ({
  OPENAI_AUTH: 'entra-id',
  AZURE_TENANT_ID: tenant,
  AZURE_CLIENT_ID: identity.appId,
  AZURE_CLIENT_SECRET: secret,
  AZURE_AUTHORITY_HOST: new URL(identity.loginUrl).origin,
});

describe('Microsoft Entra ID tokens for Azure OpenAI', () => {
  it('sends an Entra ID token for the Cognitive Services scope to an Azure deployment, fetched once and reused', async () => {
    const config = loadConfig({ ...entraEnv(), OPENAI_BASE_URL: `${model.origin}/openai/deployments/gpt-4o-prod?api-version=2024-10-21` });
    const advisor = buildAdvisor(config, { llmSeams: { ca: identity.ca } });
    expect((await advisor.ask('what is SORM?')).summary?.method).toBe('llm');
    expect((await advisor.ask('what is the Yarovaya law?')).summary?.method).toBe('llm');
    expect(identity.tokenRequests).toEqual([{ clientId: identity.appId, scope: 'https://cognitiveservices.azure.com/.default', error: null }]);
    expect(model.requests).toHaveLength(2);
    for (const r of model.requests) {
      expect([r.path, r.query]).toEqual(['/openai/deployments/gpt-4o-prod/chat/completions', { 'api-version': '2024-10-21' }]);
      expect(identity.checkAppToken(r.headers.authorization)).toBeNull();
      expect(r.headers['api-key']).toBeUndefined();
    }
  });

  it("sends the token to Azure's v1 endpoint too", async () => {
    const config = loadConfig({ ...entraEnv(), OPENAI_BASE_URL: `${model.origin}/openai/v1/`, OPENAI_MODEL: 'gpt-4o-prod' });
    expect((await buildAdvisor(config, { llmSeams: { ca: identity.ca } }).ask('what is SORM?')).summary?.method).toBe('llm');
    const [r] = model.requests;
    expect(r!.path).toBe('/openai/v1/chat/completions');
    expect(identity.checkAppToken(r!.headers.authorization)).toBeNull();
    expect(r!.body.model).toBe('gpt-4o-prod');
  });

  it('answers extractively, counting "credentials", when Entra ID refuses the secret, and never calls the model', async () => {
    const accounting = createLlmAccounting();
    const config = loadConfig({ ...entraEnv('a-wrong-secret'), OPENAI_BASE_URL: `${model.origin}/openai/deployments/d?api-version=2024-10-21` });
    const answer = await buildAdvisor(config, { llmSeams: { ca: identity.ca }, llmAccounting: accounting }).ask('what is SORM?');
    expect(answer.summary?.method).toBe('extractive');
    expect(identity.tokenRequests.map((t) => t.error)).toContain('invalid_client');
    expect(model.requests).toEqual([]);
    expect(accounting.snapshot().fallbacks).toEqual({ credentials: 1 });
  });
});

describe('an outbound proxy for model calls', () => {
  const proxyEnv = () => ({ OPENAI_BASE_URL: `${httpsModel.origin}/openai/deployments/gpt-4o-prod?api-version=2024-10-21`, OPENAI_API_KEY: 'azure-key-proxied', HTTPS_PROXY: proxy.url });

  it('tunnels the model call through HTTPS_PROXY with its credentials, and the server gets the request unchanged', async () => {
    const advisor = buildAdvisor(loadConfig(proxyEnv()), { llmSeams: { ca: httpsModel.ca } });
    expect((await advisor.ask('what is SORM?')).summary?.method).toBe('llm');
    expect(proxy.tunnels).toEqual([{ target: `127.0.0.1:${new URL(httpsModel.origin).port}`, status: 200, proxyAuthorization: `Basic ${Buffer.from('advisor:proxy-pass').toString('base64')}` }]);
    const [r] = httpsModel.requests;
    expect([r!.path, r!.query, r!.headers['api-key']]).toEqual(['/openai/deployments/gpt-4o-prod/chat/completions', { 'api-version': '2024-10-21' }, 'azure-key-proxied']);
    expect(r!.headers['proxy-authorization']).toBeUndefined();
  });

  it('goes direct for a host in NO_PROXY', async () => {
    const advisor = buildAdvisor(loadConfig({ ...proxyEnv(), NO_PROXY: 'localhost,127.0.0.1' }), { llmSeams: { ca: httpsModel.ca } });
    expect((await advisor.ask('what is SORM?')).summary?.method).toBe('llm');
    expect(proxy.tunnels).toEqual([]);
    expect(httpsModel.requests).toHaveLength(1);
  });

  it('falls back to extractive, counting "connection", when the proxy refuses the tunnel', async () => {
    const accounting = createLlmAccounting();
    const wrong = proxy.url.replace('proxy-pass', 'wrong-pass');
    const answer = await buildAdvisor(loadConfig({ ...proxyEnv(), HTTPS_PROXY: wrong }), { llmSeams: { ca: httpsModel.ca }, llmAccounting: accounting }).ask('what is SORM?');
    expect(answer.summary?.method).toBe('extractive');
    expect(proxy.tunnels.map((t) => t.status)).toEqual([407]);
    expect(httpsModel.requests).toEqual([]);
    expect(accounting.snapshot().fallbacks).toEqual({ connection: 1 });
  });
});
