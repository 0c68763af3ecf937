/**
 * Proves the server imports a platform door only when it is configured: the real
 * `node dist/main.js` with no Slack or Teams credentials, preloaded with a hook that records
 * every module imported, listens with the playground and loads neither @slack/bolt nor
 * botbuilder, msal or the model SDK. With TEAMS_LOCAL_MODE=on the same hook sees botbuilder,
 * so the check cannot pass by recording nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RECORD_IMPORTS, importedPackages } from './imported-packages.js';
import { spawnSlackServer } from '../security/slack-server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'door-imports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the server (dist/main.js, preloaded with the recording hook) until it listens, stops it, and returns what it imported. */
async function startRecorded(name: string, env: Record<string, string>): Promise<{ listening: boolean; packages: Set<string> }> {
  const record = join(dir, `${name}.txt`);
  writeFileSync(record, '');
  const server = spawnSlackServer({ NODE_OPTIONS: `--import ${RECORD_IMPORTS}`, RECORD_IMPORTS_TO: record, ...env });
  try {
    const listening = await server.listening(60_000).then(() => true, () => false);
    return { listening, packages: importedPackages(record) };
  } finally {
    await server.stop();
  }
}

describe('what the server imports', () => {
  it('loads no Slack, Teams or model package when none is configured', async () => {
    const r = await startRecorded('bare', { PLAYGROUND: 'on' });
    expect(r.listening).toBe(true);
    expect(r.packages).toContain('minisearch');
    expect(['@slack/bolt', 'botbuilder', 'botframework-connector', '@azure/msal-node', 'openai'].filter((p) => r.packages.has(p))).toEqual([]);
  }, 90_000);

  it('loads botbuilder once Teams is on', async () => {
    const r = await startRecorded('teams', { TEAMS_LOCAL_MODE: 'on' });
    expect(r.listening).toBe(true);
    expect(r.packages).toContain('botbuilder');
    expect(r.packages.has('@slack/bolt')).toBe(false);
  }, 90_000);
});
