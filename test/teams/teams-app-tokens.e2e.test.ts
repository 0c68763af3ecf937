/**
 * The bot's outgoing calls carry an app token from the Microsoft identity platform, and the
 * connector double, like the Bot Connector, accepts nothing else. Directly: a request with
 * no token, a token signed by another key, another app's, one for another audience or an
 * expired one gets 401, and one with a token the identity double issued is accepted; the
 * token endpoint itself refuses a wrong secret, an unknown app and a wrong scope. Through
 * the real server (MICROSOFT_APP_ID set, a correctly signed activity): with a wrong secret
 * the bot gets no token and the connector receives nothing; taking its tokens from another
 * identity platform, every call it makes is refused and it stops after the first failed
 * send; and pointed at another cloud (US Government's issuer and scope) by the TEAMS_*
 * settings alone, the door works end to end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Advisor } from '../../src/advisor/create-advisor.js';
import { sharedAdvisor } from '../support/shared-advisor.js';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startMicrosoftIdentityDouble, type IdentityDoubleOptions, type MicrosoftIdentityDouble } from '../doubles/microsoft-identity-double.js';
import { startTeamsConnectorDouble, type TeamsConnectorDouble } from '../doubles/teams-connector-double.js';

const opened: Array<{ close(): Promise<void> }> = [];
const dirs: string[] = [];
let apps: App[] = [];
let advisor: Advisor | undefined;

afterEach(async () => {
  for (const app of apps) await app.stop();
  for (const o of opened.splice(0).reverse()) await o.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  apps = [];
});

async function identityDouble(options: IdentityDoubleOptions = {}): Promise<MicrosoftIdentityDouble> {
  const identity = await startMicrosoftIdentityDouble(options);
  opened.push(identity);
  return identity;
}

/** A connector double that accepts only app tokens `trusted` issued. */
async function connectorFor(trusted: MicrosoftIdentityDouble): Promise<TeamsConnectorDouble> {
  const connector = await startTeamsConnectorDouble({ appTokens: trusted.checkAppToken });
  opened.push(connector);
  return connector;
}

/** The real server with MICROSOFT_APP_ID, pointed at `identity` unless `env` says otherwise; returns its /api/messages. */
async function startBot(identity: MicrosoftIdentityDouble, env: Record<string, string> = {}, loginCa = identity.ca): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'teams-app-tokens-'));
  dirs.push(dataDir);
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, PLAYGROUND: 'off', ...identity.env, TEAMS_SERVICE_URL_HOSTS: '127.0.0.1', ...env });
  advisor ??= sharedAdvisor(config);
  const app = createApp({ config, logger: silentLogger, advisor, teams: { loginCa } });
  apps.push(app);
  return `${(await app.start()).url}/api/messages`;
}

/** A personal message, signed as the Bot Connector signs it by `signer`. */
async function say(endpoint: string, signer: MicrosoftIdentityDouble, connector: TeamsConnectorDouble, text = 'what is SORM?'): Promise<number> {
  const activity = {
    type: 'message', id: `tok-${Math.random().toString(36).slice(2)}`, channelId: 'msteams', serviceUrl: connector.url, text,
    from: { id: '29:tok-user' }, recipient: { id: '28:bot' }, conversation: { id: 'a:tok', conversationType: 'personal', tenantId: 't-tok' },
  };
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: signer.channelAuthorization(connector.url) },
    body: JSON.stringify(activity),
  });
  return res.status;
}

/** POSTs a form to the identity double's token endpoint over HTTPS, trusting only its certificate. */
function tokenRequest(identity: MicrosoftIdentityDouble, form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${identity.loginUrl}/oauth2/v2.0/token`, { method: 'POST', ca: identity.ca, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
      let raw = '';
      res.on('data', (c) => (raw += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(raw) as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end(new URLSearchParams(form).toString());
  });
}

const settle = () => new Promise((r) => setTimeout(r, 300));

describe("the bot's app tokens", () => {
  it('the identity platform issues them only for the app id, secret and scope, and the connector accepts nothing else', async () => {
    const identity = await identityDouble();
    const connector = await connectorFor(identity);
    const form = { grant_type: 'client_credentials', client_id: identity.appId, client_secret: identity.appPassword, scope: 'https://api.botframework.com/.default' };
    expect(await tokenRequest(identity, { ...form, client_secret: 'not-the-secret' })).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(await tokenRequest(identity, { ...form, client_id: '00000000-0000-0000-0000-000000000000' })).toMatchObject({ status: 400, body: { error: 'unauthorized_client' } });
    expect(await tokenRequest(identity, { ...form, scope: 'https://graph.microsoft.com/.default' })).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    const issued = await tokenRequest(identity, form);
    expect(issued).toMatchObject({ status: 200, body: { token_type: 'Bearer' } });

    const send = (authorization?: string) =>
      fetch(`${connector.url}v3/conversations/a%3Atok/activities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ type: 'message', text: 'hello' }),
      }).then((r) => r.status);
    expect(await send()).toBe(401);
    for (const kind of ['foreign-key', 'other-app', 'other-audience', 'expired'] as const) expect(await send(`Bearer ${identity.forgedAppToken(kind)}`), kind).toBe(401);
    expect(connector.refused.map((r) => r.reason)).toEqual(['no bearer token', 'bad signature', expect.stringMatching(/^token of another app/), 'audience https://graph.microsoft.com', 'expired']);
    expect(connector.calls).toEqual([]);
    expect(await send(`Bearer ${String(issued.body.access_token)}`)).toBe(201);
    expect(connector.calls).toHaveLength(1);
  });

  it('with a wrong client secret the bot gets no app token, and the connector receives nothing', async () => {
    const identity = await identityDouble();
    const connector = await connectorFor(identity);
    const endpoint = await startBot(identity, { MICROSOFT_APP_PASSWORD: 'a-wrong-client-secret' });
    // The activity itself is authentic: it is not refused, the bot just cannot answer.
    expect(await say(endpoint, identity, connector)).not.toBe(401);
    await settle();
    expect(identity.tokenRequests.length).toBeGreaterThan(0);
    expect(identity.tokenRequests.every((r) => r.error === 'invalid_client')).toBe(true);
    expect(connector.requests).toEqual([]);
  });

  it('taking its tokens from another identity platform, every call it makes is refused, and it stops after the first failed send', async () => {
    const identity = await identityDouble();
    // Same app id and secret, its own signing key: what a look-alike login host would hand out.
    const other = await identityDouble({ appId: identity.appId, appPassword: identity.appPassword });
    const connector = await connectorFor(identity);
    const endpoint = await startBot(identity, { TEAMS_LOGIN_URL: other.loginUrl }, other.ca);
    expect(await say(endpoint, identity, connector)).not.toBe(401);
    await settle();
    expect(other.tokenRequests).toEqual([{ clientId: identity.appId, scope: 'https://api.botframework.com/.default', error: null }]);
    expect(connector.calls).toEqual([]);
    // The roster lookup's 401 is an answer ("not a member"); the typing indicator's is a failed send, and the turn ends there.
    expect(connector.refused.map((r) => `${r.method} ${r.reason}`)).toEqual(['GET bad signature', 'POST bad signature']);
  });

  it('a door pointed at another cloud by TEAMS_TOKEN_ISSUER and TEAMS_OAUTH_SCOPE answers with that cloud\'s tokens', async () => {
    const gov = await identityDouble({ channelIssuer: 'https://api.botframework.us', audience: 'https://api.botframework.us' });
    const connector = await connectorFor(gov);
    const endpoint = await startBot(gov);
    expect(await say(endpoint, gov, connector, 'travelling to Kyrgyzstan next week')).toBe(200);
    expect((await connector.waitFor((c) => c.body?.type === 'message')).body.text).toContain('Kyrgyzstan');
    expect(connector.refused).toEqual([]);
    expect(gov.tokenRequests).toEqual([{ clientId: gov.appId, scope: 'https://api.botframework.us/.default', error: null }]);
  });
});
