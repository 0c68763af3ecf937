/**
 * Bot Framework authentication on /api/messages as Microsoft calls it: the real server with
 * MICROSOFT_APP_ID set, its identity endpoints pointed at the local Microsoft identity
 * double (OpenID metadata and keys generated at test start, an HTTPS token endpoint), and
 * a connector double that refuses any request without an app token that double issued.
 * An activity signed as the Bot Connector signs it is answered, with the reply carrying the
 * bot's app token; one naming a serviceUrl outside TEAMS_SERVICE_URL_HOSTS is refused even
 * so. Every wrong token (none, not a JWT, a forged signature, an unknown key,
 * `alg: none`, another app's, expired, another issuer, an Entra ID token, another
 * serviceUrl) gets 401 before the advisor sees anything, and causes no request to the
 * connector or to the token endpoint.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Advisor } from '../../src/advisor/create-advisor.js';
import { buildAdvisor } from '../../src/app/build-advisor.js';
import type { App } from '../../src/app/create-app.js';
import { createLogger } from '../../src/logger.js';
import { WRONG_CHANNEL_TOKENS, type MicrosoftIdentityDouble, type WrongChannelToken } from '../doubles/microsoft-identity-double.js';
import type { TeamsConnectorDouble } from '../doubles/teams-connector-double.js';
import { startTeamsHarness, type TeamsHarness } from './teams-app-harness.js';

let identity: MicrosoftIdentityDouble;
let connector: TeamsConnectorDouble;
let app: App;
let url: string;
let harness: TeamsHarness;
const asked: string[] = [];
/** The server's log lines (warn and above). */
const logged: Array<{ msg: string; serviceHost?: string }> = [];
let seq = 0;

/** The real advisor, noting every question that reaches it. */
function recordingAdvisor(real: Advisor): Advisor {
  return {
    content: real.content,
    understand: (text, options) => real.understand(text, options),
    ask: async (text, options) => (asked.push(text), real.ask(text, options)),
    answerForCountries: async (codes, options) => (asked.push(codes.join(',')), real.answerForCountries(codes, options)),
  };
}

beforeAll(async () => {
  const sink = new Writable({ write: (chunk, _enc, done) => (logged.push(JSON.parse(String(chunk)) as (typeof logged)[number]), done()) });
  harness = await startTeamsHarness({
    prefix: 'teams-auth-',
    options: (config) => ({ logger: createLogger('warn', sink), advisor: recordingAdvisor(buildAdvisor(config)) }),
  });
  expect(harness.config.teamsMode).toBe('bot-framework');
  ({ app, url, connector, identity } = harness);
});

afterAll(async () => {
  await harness?.close();
});

function message(text = 'travelling to Kyrgyzstan next week'): Record<string, unknown> {
  seq += 1;
  return {
    type: 'message', id: `auth-${seq}`, channelId: 'msteams', serviceUrl: connector.url, text,
    from: { id: '29:auth-user', aadObjectId: 'aad-auth-user' }, recipient: { id: '28:bot' },
    conversation: { id: 'a:auth', conversationType: 'personal', tenantId: 'tenant-auth' },
    channelData: { tenant: { id: 'tenant-auth' } },
  };
}

const post = (body: Record<string, unknown>, authorization?: string) =>
  fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });

/** What reached the advisor, the connector double and the token endpoint so far. */
const reached = () => ({ advisor: asked.length, connector: connector.requests.length, tokenEndpoint: identity.tokenRequests.length });

const WRONG: Record<WrongChannelToken, string> = {
  'bad-signature': "signed by another key under Microsoft's key id",
  'unknown-key': 'signed by a key the OpenID metadata does not list',
  'alg-none': 'unsigned (alg: none)',
  'wrong-audience': "issued for another bot's app id",
  expired: 'expired an hour ago',
  'wrong-issuer': 'from another issuer',
  'entra-issuer': 'an Entra ID token naming the app (what the Emulator sends), not the channel\'s',
  'serviceurl-mismatch': "bound to another serviceUrl than the activity's",
};

describe('Teams authentication with MICROSOFT_APP_ID set', () => {
  it("answers an activity signed as the Bot Connector signs it, replying with the bot's app token", async () => {
    const res = await post(message(), identity.channelAuthorization(connector.url));
    expect(res.status).toBe(200);
    const answer = await connector.waitFor((c) => c.body?.type === 'message');
    expect(answer.body.text).toContain('Kyrgyzstan');
    expect(asked).toEqual(['travelling to Kyrgyzstan next week']);
    // Every request carried an app token the identity double issued for this app (the double refuses any other).
    expect(connector.refused).toEqual([]);
    expect(identity.checkAppToken(answer.authorization)).toBeNull();
    expect(identity.tokenRequests).toEqual([{ clientId: identity.appId, scope: 'https://api.botframework.com/.default', error: null }]);
  });

  it('refuses a request without a Bot Framework bearer token with 401', async () => {
    const before = reached();
    for (const authorization of [undefined, 'Basic dXNlcjpwYXNz', 'Bearer not-a-jwt', 'Bearer'])
      expect((await post(message(), authorization)).status, String(authorization)).toBe(401);
    expect(reached()).toEqual(before);
  });

  it('refuses a correctly signed activity whose serviceUrl is not in TEAMS_SERVICE_URL_HOSTS with 401, calling nobody', async () => {
    const before = reached();
    // The same connector double under a host name the allowlist (127.0.0.1) does not name.
    const elsewhere = connector.url.replace('127.0.0.1', 'localhost');
    const res = await post({ ...message(), serviceUrl: elsewhere }, identity.channelAuthorization(elsewhere));
    expect(res.status).toBe(401);
    expect(reached()).toEqual(before);
    // Refused for the allowlist, after the token was found valid.
    expect(logged).toContainEqual(expect.objectContaining({ msg: 'teams activity refused: serviceUrl is not in TEAMS_SERVICE_URL_HOSTS', serviceHost: new URL(elsewhere).host }));
  });

  it.each(WRONG_CHANNEL_TOKENS.map((wrong) => [WRONG[wrong], wrong] as const))('refuses a token %s with 401, before the advisor, the connector or the token endpoint', async (_, wrong) => {
    const before = reached();
    const res = await post(message(), identity.channelAuthorization(connector.url, wrong));
    expect(res.status).toBe(401);
    // botbuilder's own reply would carry its stack trace: the bridge answers a short JSON instead.
    expect(await res.json()).toEqual({ error: 'unauthorized' });
    expect(reached()).toEqual(before);
  });
});
