/**
 * The Teams door as Microsoft runs it, for the end-to-end suites: the Microsoft identity
 * double signing tokens both ways, the connector double refusing any call without an app
 * token the identity double issued, a fresh SQLite store in a temp dir, and the real server
 * from createApp on port 0 trusting the identity double's TLS certificate. `env` adds to or
 * overrides the settings; `options` (given the loaded config, for an advisor built from it)
 * adds a clock, advisor or logger; `members` are known to the connector before the app starts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App, type AppOptions } from '../../src/app/create-app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startMicrosoftIdentityDouble, type MicrosoftIdentityDouble } from '../doubles/microsoft-identity-double.js';
import { startTeamsConnectorDouble, type TeamsConnectorDouble } from '../doubles/teams-connector-double.js';

export interface TeamsHarness {
  app: App;
  config: Config;
  url: string;
  /** The temp DATA_DIR (its SQLite file), removed by close(). */
  dataDir: string;
  identity: MicrosoftIdentityDouble;
  connector: TeamsConnectorDouble;
  /** Stops the app, then both doubles, and removes the data directory. */
  close(): Promise<void>;
}

export interface TeamsHarnessOptions {
  /** Prefix of the temp data directory, so a leftover names its suite. */
  prefix: string;
  env?: Record<string, string>;
  options?: (config: Config) => Omit<AppOptions, 'config' | 'teams'>;
  /** Roster entries the connector double answers for (id → member), set before the app starts. */
  members?: Record<string, Record<string, unknown>>;
}

export async function startTeamsHarness({ prefix, env = {}, options, members = {} }: TeamsHarnessOptions): Promise<TeamsHarness> {
  const identity = await startMicrosoftIdentityDouble();
  const connector = await startTeamsConnectorDouble({ appTokens: identity.checkAppToken });
  for (const [id, member] of Object.entries(members)) connector.setMember(id, member);
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  let app: App | undefined;
  const close = async () => {
    await app?.stop();
    await connector.close();
    await identity.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // The connector double is on loopback, which the default TEAMS_SERVICE_URL_HOSTS (Microsoft's hosts) does not list.
    const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, PLAYGROUND: 'off', ...env, ...identity.env, TEAMS_SERVICE_URL_HOSTS: '127.0.0.1' });
    app = createApp({ logger: silentLogger, ...options?.(config), config, teams: { loginCa: identity.ca } });
    const url = (await app.start()).url;
    return { app, config, url, dataDir, identity, connector, close };
  } catch (err) {
    // A harness that failed to start never reaches the suite's afterAll: stop what did start.
    await close().catch(() => undefined);
    throw err;
  }
}
