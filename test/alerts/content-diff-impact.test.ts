/**
 * Proves content:diff's impact count on a real git history and a real store: a pull
 * request that raises Kazakhstan's level and bans VPNs in Uzbekistan shows, beside the
 * level table, how many upcoming trips each change would alert (from the SQLite store in
 * DATA_DIR, written by the real reminder service: past, cancelled and elsewhere trips not
 * counted, a trip to both counted once in the total), with no traveller or trip id in
 * the output; without a store it says "Impact unknown: no store configured" and creates
 * none.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAsShipped, ROOT } from '../content/content-fixture.js';
import { makeHarness } from '../reminders/reminders-harness.js';
import { copyContent, raiseKazakhstan, setVpnLaw, type ContentCopy } from './alerts-harness.js';

const CLI = join(ROOT, 'dist/channels/cli/content/diff-cli.js');
let copy: ContentCopy;
let dataDir: string;
const ids: string[] = [];
let git: (...args: string[]) => string;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const diff = (env: Record<string, string>) =>
  spawnSync(process.execPath, [CLI, 'HEAD~1', 'content'], { cwd: copy.root, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });

beforeAll(async () => {
  copy = copyContent();
  git = commitAsShipped(copy);
  raiseKazakhstan(copy);
  setVpnLaw(copy, 'UZ', 'banned');
  git('add', '-A', 'content');
  git('commit', '-q', '-m', 'a content pull request');

  const h = makeHarness();
  h.clock.now = new Date();
  dataDir = h.config.DATA_DIR;
  const trip = async (userId: string, destinations: string[], start: number, end: number) => {
    const t = await h.service.createTrip({ traveller: { platform: 'slack', userId }, destinations, start: day(start), end: day(end), createdBy: 'desk', source: 'api' });
    ids.push(t.id, userId);
    return t.id;
  };
  await trip('U0KAT', ['KZ'], 7, 11);
  await trip('U0NOW', ['KZ'], -2, 3);
  await trip('U0BOTH', ['UZ', 'KZ'], 20, 25);
  await trip('U0UZ', ['UZ'], 40, 41);
  await trip('U0PAST', ['KZ'], -12, -8);
  await trip('U0ELSE', ['FR'], 7, 9);
  await h.service.cancelTrip(await trip('U0CANCEL', ['KZ'], 7, 9));
  await h.close();
});
afterAll(() => {
  copy?.dispose();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('content:diff impact on travellers', () => {
  it('counts, per change, the upcoming trips the server would alert, and names nobody', () => {
    const r = diff({ DATA_DIR: dataDir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toContain('### Alerts to travellers\n\n4 upcoming trips would get one alert each when the server reloads this content (counts only).');
    expect(out).toContain('| Kazakhstan (KZ) | level 3 high → 4 severe; new key action: `physical-book-with-security-team` | 3 |');
    expect(out).toMatch(/\| Uzbekistan \(UZ\) \| VPN unknown → banned[^|]* \| 2 \|/);
    // Beside the level diff, which comes first.
    expect(out.indexOf('### Risk levels')).toBeLessThan(out.indexOf('### Alerts to travellers'));
    for (const id of ids) expect(out).not.toContain(id);
  });

  it('says the impact is unknown when no store is configured, and creates none', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-store-'));
    try {
      const r = diff({ DATA_DIR: join(empty, 'data') });
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("Impact unknown: no store configured (set STORE_URL, or DATA_DIR to a directory holding the server's store.sqlite).");
      expect(r.stdout).toContain('| Kazakhstan (KZ) | level 3 high → 4 severe; new key action: `physical-book-with-security-team` | unknown |');
      expect(existsSync(join(empty, 'data'))).toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
