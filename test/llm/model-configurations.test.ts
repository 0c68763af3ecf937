/**
 * Proves each way an enterprise can point the advisor at a model sends exactly what that
 * server expects: the real advisor (buildAdvisor from loadConfig) drives the real openai
 * SDK over real HTTP against the local Chat Completions double, which records the method,
 * path, query string, every header and the body. Covered: an OpenAI-compatible server with
 * and without a key, Azure OpenAI's v1 endpoint, an Azure deployment URL with api-version
 * (as the portal shows it, and as resource + OPENAI_API_VERSION + AZURE_OPENAI_DEPLOYMENT),
 * and gateway headers in both OPENAI_HEADERS formats. Every configuration answers with the
 * model, and none sends the email in the question (the redaction holds on every path).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildAdvisor } from '../../src/app/build-advisor.js';
import { loadConfig } from '../../src/config.js';
import { describeModelEndpoint } from '../../src/llm/model-endpoint.js';
import { startOpenAiDouble, type OpenAiDouble } from '../doubles/openai-server.js';

let double: OpenAiDouble;
beforeAll(async () => {
  double = await startOpenAiDouble('good');
});
afterAll(() => double.close());
beforeEach(() => {
  double.mode = 'good';
  double.requests.length = 0;
});

const QUESTION = 'what is SORM? reply to jane.roe@example.com';

/** Asks one question with these settings; returns the one request the double got. */
async function sent(env: Record<string, string>) {
  // What is checked is the request's shape, not the deadline (cli-llm.test.ts covers a slow
  // server): a generous one keeps a loaded CI machine from turning it into a fallback.
  const answer = await buildAdvisor(loadConfig({ OPENAI_TIMEOUT_MS: '30000', ...env })).ask(QUESTION);
  expect(answer.summary?.method).toBe('llm');
  expect(double.requests).toHaveLength(1);
  const request = double.requests[0]!;
  expect(request.method).toBe('POST');
  expect(request.headers['content-type']).toBe('application/json');
  expect(JSON.stringify(request.body)).not.toContain('jane.roe');
  expect(request.body.response_format?.json_schema?.strict).toBe(true);
  expect(request.body.messages.map((m) => m.role)).toEqual(['system', 'user']);
  return request;
}

describe('model servers and how each is called', () => {
  it('calls an OpenAI-compatible server at OPENAI_BASE_URL with the key as a bearer token', async () => {
    const r = await sent({ OPENAI_BASE_URL: double.url, OPENAI_API_KEY: 'sk-compatible-1', OPENAI_MODEL: 'llama-3.1-70b' });
    expect([r.path, r.query]).toEqual(['/v1/chat/completions', {}]);
    expect(r.headers.authorization).toBe('Bearer sk-compatible-1');
    expect(r.headers['api-key']).toBeUndefined();
    expect(r.body.model).toBe('llama-3.1-70b');
  });

  it('keeps query parameters of OPENAI_BASE_URL on every request, after the path', async () => {
    const r = await sent({ OPENAI_BASE_URL: `${double.url}?tenant=emea&tier=gold`, OPENAI_API_KEY: 'sk-q' });
    expect([r.path, r.query]).toEqual(['/v1/chat/completions', { tenant: 'emea', tier: 'gold' }]);
  });

  it('calls a server of your own without a key, and then sends no Authorization header at all', async () => {
    const r = await sent({ OPENAI_BASE_URL: double.url, OPENAI_MODEL: 'qwen2.5:7b' });
    expect(r.path).toBe('/v1/chat/completions');
    expect(r.headers.authorization).toBeUndefined();
    expect(r.headers['api-key']).toBeUndefined();
    expect(r.body.model).toBe('qwen2.5:7b');
  });

  it("calls Azure OpenAI's v1 endpoint with the key in api-key and the deployment as the model", async () => {
    const r = await sent({ OPENAI_BASE_URL: `${double.origin}/openai/v1/`, OPENAI_API_KEY: 'azure-key-v1', AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-prod' });
    expect([r.path, r.query]).toEqual(['/openai/v1/chat/completions', {}]);
    expect(r.headers['api-key']).toBe('azure-key-v1');
    expect(r.headers.authorization).toBeUndefined();
    expect(r.body.model).toBe('gpt-4o-prod');
  });

  it('calls an Azure deployment URL pasted from the portal at its deployment with its api-version, not a mangled query', async () => {
    const portal = `${double.origin}/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21`;
    const r = await sent({ OPENAI_BASE_URL: portal, OPENAI_API_KEY: 'azure-key-dep', OPENAI_MODEL: 'gpt-4o' });
    expect([r.path, r.query]).toEqual(['/openai/deployments/gpt-4o-prod/chat/completions', { 'api-version': '2024-10-21' }]);
    expect(r.headers['api-key']).toBe('azure-key-dep');
    expect(r.headers.authorization).toBeUndefined();
  });

  it('builds the same deployment URL from the resource, OPENAI_API_VERSION and AZURE_OPENAI_DEPLOYMENT', async () => {
    const r = await sent({ OPENAI_BASE_URL: `${double.origin}/`, OPENAI_API_VERSION: '2025-01-01-preview', AZURE_OPENAI_DEPLOYMENT: 'summaries', OPENAI_API_KEY: 'azure-key-res' });
    expect([r.path, r.query]).toEqual(['/openai/deployments/summaries/chat/completions', { 'api-version': '2025-01-01-preview' }]);
    expect(r.headers['api-key']).toBe('azure-key-res');
  });

  it('keeps a gateway path in front of /openai (API Management)', async () => {
    const r = await sent({ OPENAI_BASE_URL: `${double.origin}/aoai-gw/openai/deployments/gpt-4o-prod?api-version=2024-10-21`, OPENAI_API_KEY: 'azure-key-gw' });
    expect([r.path, r.query]).toEqual(['/aoai-gw/openai/deployments/gpt-4o-prod/chat/completions', { 'api-version': '2024-10-21' }]);
  });

  it('sends gateway headers from OPENAI_HEADERS as JSON, beside the Azure key', async () => {
    const headers = JSON.stringify({ 'Ocp-Apim-Subscription-Key': 'apim-sub-123', 'X-Request-Source': 'travel-advisor' });
    const r = await sent({ OPENAI_BASE_URL: `${double.origin}/openai/deployments/d1?api-version=2024-10-21`, OPENAI_API_KEY: 'azure-key-h', OPENAI_HEADERS: headers });
    expect(r.headers['ocp-apim-subscription-key']).toBe('apim-sub-123');
    expect(r.headers['x-request-source']).toBe('travel-advisor');
    expect(r.headers['api-key']).toBe('azure-key-h');
  });

  it('sends gateway headers given as "Name: value" lines, and a gateway token in place of a model key', async () => {
    const r = await sent({ OPENAI_BASE_URL: double.url, OPENAI_HEADERS: 'Authorization: Bearer gateway-token-9\nX-Tenant: emea' });
    expect(r.headers.authorization).toBe('Bearer gateway-token-9');
    expect(r.headers['x-tenant']).toBe('emea');
  });
});

describe('model settings refused at start-up', () => {
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (e) {
      return (e as { problems: string[] }).problems;
    }
  };

  it('turns the model on with OPENAI_API_KEY alone, for the OpenAI API', () => {
    expect(loadConfig({ OPENAI_API_KEY: 'sk-1' }).model).toMatchObject({ kind: 'openai', baseURL: 'https://api.openai.com/v1', auth: { type: 'api-key' } });
    expect(loadConfig({}).model).toBeNull();
  });

  it('names the variable to fix for each impossible combination, one line each', () => {
    const azure = 'https://contoso.openai.azure.com/openai/deployments/gpt-4o';
    expect(problems({ OPENAI_BASE_URL: azure })).toEqual([expect.stringMatching(/^OPENAI_API_VERSION: missing; .*api-version/), expect.stringMatching(/^OPENAI_API_KEY: missing; Azure OpenAI needs/)]);
    expect(problems({ OPENAI_BASE_URL: `${azure}?api-version=2024-10-21`, OPENAI_API_KEY: 'k', AZURE_OPENAI_DEPLOYMENT: 'other' })).toEqual([expect.stringMatching(/^AZURE_OPENAI_DEPLOYMENT: "other" differs/)]);
    expect(problems({ OPENAI_BASE_URL: 'http://localhost:8000/v1/chat/completions' })).toEqual([expect.stringMatching(/^OPENAI_BASE_URL: give the base URL/)]);
    expect(problems({ OPENAI_API_KEY: 'k', OPENAI_HEADERS: 'Authorization: Bearer x' })).toEqual([expect.stringMatching(/^OPENAI_HEADERS: sets Authorization, which OPENAI_API_KEY already sends/)]);
    expect(problems({ OPENAI_API_KEY: 'k', OPENAI_HEADERS: 'X-Key: a\r\nHost: evil' })).toEqual([expect.stringMatching(/^OPENAI_HEADERS: expected headers other than Host/)]);
    expect(problems({ OPENAI_API_KEY: 'k', OPENAI_CUSTOM_HEADERS: 'X-A: 1' })).toEqual([expect.stringMatching(/^OPENAI_CUSTOM_HEADERS: the openai SDK would send these unchecked/)]);
    expect(problems({ OPENAI_AUTH: 'entra-id', OPENAI_BASE_URL: `${azure}?api-version=2024-10-21`, AZURE_CLIENT_SECRET: 's' })).toEqual([
      'AZURE_TENANT_ID: missing; required with AZURE_CLIENT_SECRET for OPENAI_AUTH=entra-id',
      'AZURE_CLIENT_ID: missing; required with AZURE_CLIENT_SECRET for OPENAI_AUTH=entra-id',
    ]);
    expect(problems({ OPENAI_API_KEY: 'k', https_proxy: 'socks5://proxy:1080' })).toEqual([expect.stringMatching(/^https_proxy: expected an http:\/\/ or https:\/\/ proxy URL/)]);
    // A proxy meant for other tools never stops a server that calls no model.
    expect(problems({ HTTPS_PROXY: 'socks5://proxy:1080' })).toEqual([]);
  });

  it('never quotes a header value or key in a problem', () => {
    const all = problems({ OPENAI_API_KEY: 'sk-secret-key', OPENAI_HEADERS: '{"X-Key": "apim-secret-value", "X-Key": 5}' }).join('\n');
    expect(all).toMatch(/^OPENAI_HEADERS: /);
    expect(all).not.toMatch(/apim-secret-value|sk-secret-key/);
  });

  it('describes the model for the start-up log and `llm report` without any key, header value or proxy password', () => {
    const { model } = loadConfig({
      OPENAI_BASE_URL: 'https://contoso.openai.azure.com/openai/deployments/gpt-4o-prod?api-version=2024-10-21',
      OPENAI_API_KEY: 'azure-secret-key', OPENAI_HEADERS: '{"Ocp-Apim-Subscription-Key":"apim-secret"}', HTTPS_PROXY: 'http://u:proxy-secret@proxy.example.com:3128',
    });
    const line = describeModelEndpoint(model!);
    expect(line).toBe('Azure OpenAI contoso.openai.azure.com, deployment gpt-4o-prod, api-version 2024-10-21, API key, headers Ocp-Apim-Subscription-Key, proxy proxy.example.com:3128');
    expect(line).not.toMatch(/secret/);
  });
});
