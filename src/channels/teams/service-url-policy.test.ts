/**
 * Which service URLs the Teams door may call: Microsoft's Bot Connector hosts over HTTPS
 * on the default port (any region path), loopback over HTTP only when listed (local
 * mode's default), and nothing that merely looks like an allowed host (a longer name, a
 * userinfo prefix, the host in the path). TEAMS_SERVICE_URL_HOSTS replaces the default.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createServiceUrlPolicy } from './service-url-policy.js';

describe('Teams service URL policy', () => {
  const production = createServiceUrlPolicy(loadConfig({}).teamsServiceUrlHosts);

  it("allows Microsoft's public and government-cloud Bot Connector URLs", () => {
    for (const url of [
      'https://smba.trafficmanager.net/amer/',
      'https://smba.trafficmanager.net/emea/7a1e0c2d-0000-4000-8000-000000000000/',
      'https://smba.infra.gcc.teams.microsoft.com/teams',
      'https://smba.infra.gov.teams.microsoft.us/teams',
      'https://smba.infra.dod.teams.microsoft.us/teams',
    ])
      expect(production.allows(url), url).toBe(true);
  });

  it('refuses look-alikes, plain HTTP, other ports, userinfo, loopback and non-URLs', () => {
    for (const url of [
      'http://smba.trafficmanager.net/amer/',
      'https://smba.trafficmanager.net:8443/amer/',
      'https://smba.trafficmanager.net.attacker.example/amer/',
      'https://attacker.example/smba.trafficmanager.net/',
      'https://smba.trafficmanager.net@attacker.example/',
      'https://user:pw@smba.trafficmanager.net/amer/',
      'http://127.0.0.1:3978/',
      'http://localhost:3978/',
      'file:///etc/passwd',
      'not a url',
      42,
      undefined,
    ])
      expect(production.allows(url), String(url)).toBe(false);
  });

  it('allows loopback (any port, HTTP) in local mode by default, and only what TEAMS_SERVICE_URL_HOSTS lists when set', () => {
    const local = createServiceUrlPolicy(loadConfig({ TEAMS_LOCAL_MODE: 'on' }).teamsServiceUrlHosts);
    expect(local.allows('http://127.0.0.1:40123/')).toBe(true);
    expect(local.allows('http://localhost:3978/')).toBe(true);
    expect(local.allows('https://smba.trafficmanager.net/amer/')).toBe(true);
    const listed = createServiceUrlPolicy(loadConfig({ TEAMS_LOCAL_MODE: 'on', TEAMS_SERVICE_URL_HOSTS: 'SMBA.trafficmanager.net, *.bots.example.com' }).teamsServiceUrlHosts);
    expect(listed.allows('http://127.0.0.1:40123/')).toBe(false);
    expect(listed.allows('https://eu.bots.example.com/')).toBe(true);
    expect(listed.allows('https://bots.example.com/')).toBe(false);
    expect(() => loadConfig({ TEAMS_SERVICE_URL_HOSTS: 'https://smba.trafficmanager.net/' })).toThrow(/TEAMS_SERVICE_URL_HOSTS/);
  });

  it('names only the host in logs', () => {
    expect(production.hostOf('https://attacker.example:8443/v3/conversations/secret-id')).toBe('attacker.example:8443');
    expect(production.hostOf('nonsense')).toBe('invalid');
  });
});
