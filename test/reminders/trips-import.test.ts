/**
 * Proves `travel-advisor trips import` as a desk uses it: every row checked first with
 * bad rows named by line, nothing imported from a file with errors unless
 * --skip-invalid, the same file twice creates nothing new, names and codes both
 * accepted, progress on stderr for a large file. Runs the real program in-process
 * over a real SQLite store, and once as a real process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createProgram, runCli } from '../../src/channels/cli/create-program.js';
import { cliExtensions } from '../../src/channels/cli/extensions.js';
import { advisorFor, makeHarness } from './reminders-harness.js';

const ROOT = resolve(import.meta.dirname, '../..');
const NOW = '2026-11-23T09:00:00Z';

async function cli(args: string[], dataDir: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const config = () => loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const program = createProgram({ io: { stdin: new PassThrough(), stdout, stderr }, config, advisor: (c) => advisorFor(c) }, cliExtensions);
  const code = await runCli(program, args, { stdin: new PassThrough(), stdout, stderr });
  return { code, stdout: out, stderr: err };
}

function csvFile(text: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'trips-csv-'));
  const file = join(dir, 'trips.csv');
  writeFileSync(file, text);
  return { dir, file };
}

async function storedTrips(dataDir: string) {
  const h = makeHarness({}, {}, dataDir);
  const trips = await h.service.listTrips();
  await h.close();
  return trips;
}

const GOOD = `email,destinations,start,end
ana@example.com,Kazakhstan,2026-12-03,2026-12-10
"bo@example.com","Kyrgyzstan; UZ",2026-12-05,2026-12-06
cy@example.com,kz,2027-01-10,2027-01-20
`;

describe('travel-advisor trips import', () => {
  it('imports every row, accepting names and codes, and importing the same file again creates nothing new', async () => {
    const { dir, file } = csvFile(GOOD);
    const first = await cli(['trips', 'import', file, '--now', NOW], dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`Imported 3 trips from ${file}.\n`);
    const trips = await storedTrips(dir);
    expect(trips.map((t) => [t.traveller, t.destinations, t.start, t.end, t.source])).toEqual([
      [{ email: 'ana@example.com' }, ['KZ'], '2026-12-03', '2026-12-10', 'csv'],
      [{ email: 'bo@example.com' }, ['KG', 'UZ'], '2026-12-05', '2026-12-06', 'csv'],
      [{ email: 'cy@example.com' }, ['KZ'], '2027-01-10', '2027-01-20', 'csv'],
    ]);
    expect(trips[0]!.reminders.map((r) => r.kind)).toEqual(['briefing', 'day-before', 'post-trip']);
    const again = await cli(['trips', 'import', file, '--now', NOW], dir);
    expect(again.stdout).toBe(`Imported 0 trips from ${file} (3 already imported).\n`);
    expect(await storedTrips(dir)).toHaveLength(3);
  });

  it('reports every bad row by line number and imports nothing', async () => {
    const { dir, file } = csvFile(`email,destinations,start,end
ana@example.com,Kazakhstan,2026-12-03,2026-12-10
not-an-email,Atlantis,2026-12-03,2026-12-10

cy@example.com,KZ,3 Dec,2026-12-01
`);
    const r = await cli(['trips', 'import', file, '--now', NOW], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `${file}:3: email: "not-an-email" is not an email address; destinations: "Atlantis" is not a country name or ISO code\n` +
        `${file}:5: start: "3 Dec" is not a date YYYY-MM-DD\n` +
        `error: 2 invalid rows in ${file}; nothing imported. Fix them, or import the valid rows with --skip-invalid.\n`,
    );
    expect(r.stdout).toBe('');
    expect(await storedTrips(dir)).toHaveLength(0);
  });

  it('imports the valid rows with --skip-invalid and says how many were skipped', async () => {
    const { dir, file } = csvFile(`${GOOD}bad,KZ,2026-12-03,2026-12-10\n`);
    const r = await cli(['trips', 'import', file, '--skip-invalid', '--now', NOW], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${file}:5: email: "bad" is not an email address\n`);
    expect(r.stdout).toBe(`Imported 3 trips from ${file}; skipped 1 invalid row.\n`);
  });

  it('refuses a file without the expected header, even with --skip-invalid', async () => {
    const { dir, file } = csvFile('mail,where,from,to\na@b.c,KZ,2026-12-03,2026-12-10\n');
    const r = await cli(['trips', 'import', file, '--skip-invalid'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:1: header must be "email,destinations,start,end" (missing: email, destinations, start, end)`);
    const missing = await cli(['trips', 'import', join(dir, 'nope.csv')], dir);
    expect(missing.stderr).toContain('cannot read');
  });

  it('runs as a real process and shows progress on stderr for a large file', () => {
    const rows = Array.from({ length: 600 }, (_, i) => `t${i}@example.com,KZ;KG,2026-12-${String(1 + (i % 28)).padStart(2, '0')},2026-12-30`);
    const { dir, file } = csvFile(`email,destinations,start,end\n${rows.join('\n')}\n`);
    const r = spawnSync(process.execPath, ['dist/channels/cli/main.js', 'trips', 'import', file, '--now', NOW], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, DATA_DIR: dir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(r.stdout).toBe(`Imported 600 trips from ${file}.\n`);
    expect(r.status).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(lines.at(-1)).toBe('imported 600/600 (100%)');
  }, 120_000);
});
