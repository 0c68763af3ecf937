/**
 * Proves start-up as an operator meets it, with the real server process (`dist/main.js`, built by `npm test` or the suite's global setup):
 * a Teams bot is SingleTenant unless MICROSOFT_APP_TYPE says otherwise (Azure creates no
 * new multi-tenant bots after 2025-07-31), and each identity setting that cannot work
 * stops the process before it listens, with exit code 1 and exactly one line naming the
 * variable to fix: a missing tenant id (SingleTenant by default, or UserAssignedMSI), a
 * missing secret, a secret beside a managed identity, a tenant id a MultiTenant bot would
 * ignore, a malformed app or tenant id, a tenant id without an app id. The combinations
 * that fit (SingleTenant, UserAssignedMSI, an existing MultiTenant bot) start and listen.
 * Every refusal's line comes from loadConfig, the first thing main.ts calls, and main.ts prints
 * its message as it is: one refusal goes through the process (its whole stderr is that
 * message), the others through loadConfig itself, which spares seven server starts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';

const ROOT = resolve(import.meta.dirname, '../..');
const APP = '11111111-2222-3333-4444-555555555555';
const TENANT = '99999999-8888-7777-6666-555555555555';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The server's environment around these Microsoft settings, in a data directory of its own. */
function serverEnv(env: Record<string, string>): Record<string, string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tenancy-'));
  dirs.push(dataDir);
  return { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', PLAYGROUND: 'off', ...env };
}

/** What the server writes to stderr when it refuses these settings: the ConfigError's message, as main.ts prints it ('' when loadConfig accepts them). */
function refusalOf(env: Record<string, string>): string {
  try {
    loadConfig(serverEnv(env));
    return '';
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
}

/** The refusal holds one line naming the variable, and never the secret. */
function expectOneLine(stderr: string, line: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines[0]).toBe('Invalid configuration:');
  expect(lines.slice(1)).toHaveLength(1);
  expect(lines[1]!.replace(/^ {2}- /, '')).toMatch(line);
  expect(stderr).not.toContain('pw-value-7f3a');
}

/** Runs the server with these Microsoft settings until it exits or says it listens (then stops it). */
function start(env: Record<string, string>): Promise<{ code: number | null; listening: boolean; stderr: string }> {
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...serverEnv(env) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let listening = false;
  child.stdout.on('data', (c) => {
    stdout += c;
    if (!listening && /Listening on /.test(stdout)) {
      listening = true;
      child.kill('SIGTERM');
    }
  });
  child.stderr.on('data', (c) => (stderr += c));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((done) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, listening, stderr });
    }),
  );
}

type Refusal = [name: string, env: Record<string, string>, line: RegExp];
const refusals: Refusal[] = [
  ['a SingleTenant bot, the default, without its tenant id', { MICROSOFT_APP_ID: APP, MICROSOFT_APP_PASSWORD: 'pw-value-7f3a' }, /^MICROSOFT_APP_TENANT_ID: missing; a SingleTenant bot \(the default MICROSOFT_APP_TYPE\) signs in to its own tenant/],
  ['a UserAssignedMSI bot without its tenant id', { MICROSOFT_APP_ID: APP, MICROSOFT_APP_TYPE: 'UserAssignedMSI' }, /^MICROSOFT_APP_TENANT_ID: missing; a UserAssignedMSI bot needs the tenant id of its managed identity$/],
  ['a UserAssignedMSI bot given a secret', { MICROSOFT_APP_ID: APP, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: TENANT, MICROSOFT_APP_PASSWORD: 'pw-value-7f3a' }, /^MICROSOFT_APP_PASSWORD: set, but a UserAssignedMSI bot signs in with its managed identity/],
  ['a SingleTenant bot without its secret', { MICROSOFT_APP_ID: APP, MICROSOFT_APP_TENANT_ID: TENANT }, /^MICROSOFT_APP_PASSWORD: missing; a SingleTenant bot \(the default MICROSOFT_APP_TYPE\) needs the client secret/],
  ['a MultiTenant bot given a tenant id it would ignore', { MICROSOFT_APP_ID: APP, MICROSOFT_APP_TYPE: 'MultiTenant', MICROSOFT_APP_PASSWORD: 'pw-value-7f3a', MICROSOFT_APP_TENANT_ID: TENANT }, /^MICROSOFT_APP_TENANT_ID: set, but a MultiTenant bot signs in through botframework\.com and would ignore it/],
  ['an app id that is not a GUID', { MICROSOFT_APP_ID: 'travel-advisor-bot', MICROSOFT_APP_PASSWORD: 'pw-value-7f3a', MICROSOFT_APP_TENANT_ID: TENANT }, /^MICROSOFT_APP_ID: expected the bot's Microsoft App ID from its Azure Bot registration \(a GUID/],
  ['a tenant id that is neither a GUID nor a domain', { MICROSOFT_APP_ID: APP, MICROSOFT_APP_PASSWORD: 'pw-value-7f3a', MICROSOFT_APP_TENANT_ID: 'my tenant' }, /^MICROSOFT_APP_TENANT_ID: expected a tenant id \(a GUID\) or a verified domain/],
  ['a tenant id without an app id', { MICROSOFT_APP_TENANT_ID: TENANT }, /^MICROSOFT_APP_ID: missing; MICROSOFT_APP_TENANT_ID is set without the bot's app id$/],
];

describe('Teams tenancy at start-up', () => {
  it(`stops the server process before it listens, exit code 1, with that one line: ${refusals[0]![0]}`, async () => {
    const [, env, line] = refusals[0]!;
    const r = await start(env);
    expect(r.listening).toBe(false);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, line);
    expect(r.stderr.trim()).toBe(refusalOf(env));
  }, 60_000);

  it.for(refusals)('refuses %s with one line naming the variable', ([, env, line]) => {
    expectOneLine(refusalOf(env), line);
  });

  it('starts a SingleTenant bot, an existing MultiTenant bot and a UserAssignedMSI bot when their settings fit', async () => {
    const results = await Promise.all([
      start({ MICROSOFT_APP_ID: APP, MICROSOFT_APP_PASSWORD: 'pw-value-7f3a', MICROSOFT_APP_TENANT_ID: TENANT }),
      start({ MICROSOFT_APP_ID: APP, MICROSOFT_APP_PASSWORD: 'pw-value-7f3a', MICROSOFT_APP_TYPE: 'MultiTenant' }),
      start({ MICROSOFT_APP_ID: APP, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: TENANT }),
    ]);
    for (const r of results) expect([r.listening, r.stderr]).toEqual([true, '']);
  }, 120_000);
});
