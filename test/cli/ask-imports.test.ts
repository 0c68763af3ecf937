/**
 * Proves `travel-advisor ask` loads only what answering needs: the real command, run with a
 * preload hook that records every module it imports, answers, and none of the queue, store,
 * platform or model packages appear (they made `ask` take 1.5 s before issue 18). The same
 * hook shows `trips import` still loads the store, so the check cannot pass by recording nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RECORD_IMPORTS, importedPackages } from '../architecture/imported-packages.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/travel-advisor.js');
const dir = mkdtempSync(join(tmpdir(), 'ask-imports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runRecorded(name: string, args: string[], env: Record<string, string> = {}) {
  const record = join(dir, `${name}.txt`);
  writeFileSync(record, '');
  const r = spawnSync(process.execPath, ['--import', RECORD_IMPORTS, BIN, ...args], {
    env: { PATH: process.env.PATH, RECORD_IMPORTS_TO: record, DATA_DIR: dir, ...env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, packages: importedPackages(record) };
}

const NOT_FOR_ASK = ['bullmq', 'ioredis', 'pg', '@keyv/postgres', '@keyv/redis', '@keyv/sqlite', 'sqlite3', '@redis/client', 'botbuilder', 'botframework-connector', '@azure/msal-node', '@azure/identity', '@slack/bolt', '@slack/web-api', 'openai', 'csv-parse'];

describe('what `travel-advisor ask` imports', () => {
  it('answers a trip without loading queues, stores, Slack, Teams or the model SDK', () => {
    const r = runRecorded('ask', ['ask', '--now', '2026-11-23T09:00:00Z', 'travelling to Kyrgyzstan next week']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Kyrgyzstan');
    // The hook saw the packages answering does use.
    expect(r.packages).toContain('minisearch');
    expect(r.packages).toContain('chrono-node');
    expect(NOT_FOR_ASK.filter((p) => r.packages.has(p))).toEqual([]);
  });

  it('still loads the store for `trips import`, which needs it', () => {
    // A missing file is refused before any work, after the command's modules are loaded.
    const r = runRecorded('trips', ['trips', 'import', join(dir, 'missing.csv')]);
    expect(r.stderr).toMatch(/no such file/);
    expect(r.packages).toContain('keyv');
  });
});
