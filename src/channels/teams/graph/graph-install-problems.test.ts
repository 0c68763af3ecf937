/**
 * Proactive installation's settings as an operator meets them through loadConfig: off by
 * default with Microsoft Graph's public endpoints; on, it starts only with a SingleTenant
 * bot, the app's catalog id and a proactive service URL the door may call, and each
 * missing piece is one line naming the variable.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.js';
import { ConfigError } from '../../../errors.js';

const BOT = { MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555', MICROSOFT_APP_PASSWORD: 'secret-value', MICROSOFT_APP_TENANT_ID: '99999999-8888-7777-6666-555555555555' };
const CATALOG = 'a1b2c3d4-0000-4000-8000-00000000c47a';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('TEAMS_GRAPH_INSTALL', () => {
  it("is off by default, pointed at Microsoft Graph's public cloud", () => {
    const c = loadConfig(BOT);
    expect(c.TEAMS_GRAPH_INSTALL).toBe('off');
    expect(c.GRAPH_BASE_URL).toBe('https://graph.microsoft.com/v1.0');
    expect(c.GRAPH_SCOPE).toBe('https://graph.microsoft.com');
    expect(c.TEAMS_PROACTIVE_SERVICE_URL).toBe('https://smba.trafficmanager.net/teams/');
  });

  it('starts with a SingleTenant bot and the catalog id', () => {
    expect(loadConfig({ ...BOT, TEAMS_GRAPH_INSTALL: 'on', TEAMS_APP_CATALOG_ID: CATALOG }).TEAMS_APP_CATALOG_ID).toBe(CATALOG);
  });

  it('names the catalog id when it is missing or malformed', () => {
    expect(problemsOf({ ...BOT, TEAMS_GRAPH_INSTALL: 'on' })).toEqual([expect.stringMatching(/^TEAMS_APP_CATALOG_ID: missing; /)]);
    expect(problemsOf({ ...BOT, TEAMS_GRAPH_INSTALL: 'on', TEAMS_APP_CATALOG_ID: 'travel-advisor' })).toEqual([expect.stringMatching(/^TEAMS_APP_CATALOG_ID: expected the app's id/)]);
  });

  it('refuses it without a bot, or for a bot that cannot get Graph tokens from its own tenant', () => {
    expect(problemsOf({ TEAMS_GRAPH_INSTALL: 'on', TEAMS_APP_CATALOG_ID: CATALOG })).toEqual([expect.stringMatching(/^TEAMS_GRAPH_INSTALL: "on" needs the bot's identity/)]);
    const multi = { MICROSOFT_APP_ID: BOT.MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD: 'x', MICROSOFT_APP_TYPE: 'MultiTenant' };
    expect(problemsOf({ ...multi, TEAMS_GRAPH_INSTALL: 'on', TEAMS_APP_CATALOG_ID: CATALOG })).toEqual([expect.stringMatching(/^TEAMS_GRAPH_INSTALL: "on" needs a SingleTenant bot .*MultiTenant/)]);
  });

  it('refuses a proactive service URL the door may not call', () => {
    const env = { ...BOT, TEAMS_GRAPH_INSTALL: 'on', TEAMS_APP_CATALOG_ID: CATALOG, TEAMS_PROACTIVE_SERVICE_URL: 'https://bots.example.com/teams/' };
    expect(problemsOf(env)).toEqual([expect.stringMatching(/^TEAMS_PROACTIVE_SERVICE_URL: its host is not in TEAMS_SERVICE_URL_HOSTS/)]);
    expect(problemsOf({ ...env, TEAMS_SERVICE_URL_HOSTS: 'bots.example.com' })).toEqual([]);
  });

  it('takes another cloud\'s Graph: HTTPS, or plain HTTP on loopback only', () => {
    const us = loadConfig({ ...BOT, GRAPH_BASE_URL: 'https://graph.microsoft.us/v1.0', GRAPH_SCOPE: 'https://graph.microsoft.us' });
    expect([us.GRAPH_BASE_URL, us.GRAPH_SCOPE]).toEqual(['https://graph.microsoft.us/v1.0', 'https://graph.microsoft.us']);
    expect(problemsOf({ ...BOT, GRAPH_BASE_URL: 'http://graph.example.com/v1.0' })).toEqual([expect.stringMatching(/^GRAPH_BASE_URL: /)]);
  });
});
