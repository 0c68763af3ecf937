/** Proves config errors name every bad variable at once and say how to fix them. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { ConfigError } from './errors.js';

describe('loadConfig', () => {
  it('runs on the embedded defaults with no credentials', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.HOST).toBe('127.0.0.1');
    expect(c.slackMode).toBe('off');
    expect(c.playgroundEnabled).toBe(true);
    expect(c.STORE_URL).toBeUndefined();
  });

  it('chooses HTTP or Socket Mode from the Slack settings', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slackMode).toBe('http');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slackMode).toBe('socket');
  });

  it('refuses a signing secret and an app token together instead of choosing a Slack mode silently', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: 'xapp-1' })).toThrow(
      /SLACK_SIGNING_SECRET, SLACK_APP_TOKEN: both set.*HTTP Events API.*Socket Mode/,
    );
  });

  it('answers inline unless ANSWER_WORKERS=external, which needs REDIS_URL and a shared STORE_URL', () => {
    expect(loadConfig({}).ANSWER_WORKERS).toBe('inline');
    expect(() => loadConfig({ ANSWER_WORKERS: 'external' })).toThrow(/ANSWER_WORKERS: "external" queues answers on BullMQ; set REDIS_URL/);
    expect(() => loadConfig({ ANSWER_WORKERS: 'external', REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/STORE_URL: ANSWER_WORKERS=external needs a store every worker shares/);
    const c = loadConfig({ ANSWER_WORKERS: 'external', REDIS_URL: 'redis://r:6379', STORE_URL: 'postgres://p/db', ANSWER_WORKER_CONCURRENCY: '4' });
    expect([c.ANSWER_WORKERS, c.ANSWER_WORKER_CONCURRENCY, c.ANSWER_QUEUE_PREFIX]).toEqual(['external', 4, 'travel-advisor']);
    expect(() => loadConfig({ ANSWER_WORKERS: 'remote' })).toThrow(/ANSWER_WORKERS/);
  });

  it('lists every missing or contradictory setting in one error', () => {
    let error: unknown;
    try {
      loadConfig({ SLACK_SIGNING_SECRET: 's', MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555', MICROSOFT_APP_TYPE: 'SingleTenant' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/SLACK_BOT_TOKEN: missing/);
    expect(problems).toMatch(/MICROSOFT_APP_PASSWORD: missing/);
    expect(problems).toMatch(/MICROSOFT_APP_TENANT_ID: missing/);
  });

  it('names each malformed variable with what was expected', () => {
    const error = (() => {
      try {
        loadConfig({ PORT: 'eighty', STORE_URL: 'mysql://x', DEFAULT_TIMEZONE: 'Mars/Base' });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error?.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: Invalid input: expected number/),
        'STORE_URL: expected a redis://, postgres:// or sqlite:// URL',
        'DEFAULT_TIMEZONE: expected an IANA time zone such as "Europe/Berlin"',
      ]),
    );
  });

  it('turns the playground off only when asked', () => {
    expect(loadConfig({ PLAYGROUND: 'off' }).playgroundEnabled).toBe(false);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).playgroundEnabled).toBe(true);
  });

  it("points Teams at Microsoft's public cloud unless the TEAMS_* identity settings say otherwise", () => {
    const teams = { MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TYPE: 'MultiTenant' };
    const c = loadConfig(teams);
    expect([c.TEAMS_OPENID_METADATA_URL, c.TEAMS_TOKEN_ISSUER, c.teamsLoginUrl, c.TEAMS_OAUTH_SCOPE]).toEqual([
      'https://login.botframework.com/v1/.well-known/openidconfiguration',
      'https://api.botframework.com',
      'https://login.microsoftonline.com/botframework.com',
      'https://api.botframework.com',
    ]);
    // A SingleTenant bot (the default type) signs in to its own tenant, as botbuilder does.
    const { MICROSOFT_APP_TYPE: _multi, ...single } = teams;
    expect(loadConfig({ ...single, MICROSOFT_APP_TENANT_ID: 'contoso.onmicrosoft.com' }).teamsLoginUrl).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com');
    const gov = loadConfig({ ...teams, TEAMS_LOGIN_URL: 'https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us/', TEAMS_OAUTH_SCOPE: 'https://api.botframework.us' });
    expect([gov.teamsLoginUrl, gov.TEAMS_OAUTH_SCOPE]).toEqual(['https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us', 'https://api.botframework.us']);
  });

  it('refuses identity endpoints that are not HTTPS (plain HTTP only for metadata on loopback)', () => {
    expect(() => loadConfig({ TEAMS_OPENID_METADATA_URL: 'http://login.botframework.com/v1/.well-known/openidconfiguration', TEAMS_LOGIN_URL: 'http://127.0.0.1:4000/tenant' })).toThrow(
      /TEAMS_OPENID_METADATA_URL: expected an https:\/\/ URL \(http:\/\/ only on a loopback host\)[\s\S]*TEAMS_LOGIN_URL: expected an https:\/\/ URL \(MSAL accepts no other\)/,
    );
    expect(loadConfig({ TEAMS_OPENID_METADATA_URL: 'http://127.0.0.1:4000/v1/.well-known/openidconfiguration' }).TEAMS_OPENID_METADATA_URL).toMatch(/^http:\/\/127/);
  });
});
