/**
 * Proves the advisory importer on the State Department's real formats: a small RSS feed
 * in the real shape (served over real HTTP to the built CLI) maps the Department's own
 * tags to ISO codes — UK is the United Kingdom, KN is both North Korea and Saint Kitts,
 * IS holds three places, BI/BK are one country, A3 is a group — and reports every
 * awkward case; and the shared 2026-10-07 snapshot (223 items) reproduces the world
 * table's advisory fields exactly, from a table stripped of them.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, isMap, isSeq, parse } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseAdvisoryFeed } from '../../src/content/advisories/parse-advisory-feed.js';
import { mapAdvisories } from '../../src/content/advisories/map-advisories.js';
import { CONTENT, ROOT, copyContent, type ContentCopy } from './content-fixture.js';

const FIXTURES = join(ROOT, 'test/fixtures/advisories');
const RSS = readFileSync(join(FIXTURES, 'feed-sample.xml'), 'utf8');
const TSV = join(FIXTURES, 'us-travel-advisories-2026-10-07.tsv');
const CLI = join(ROOT, 'dist/channels/cli/content/import-advisories-cli.js');

/** Runs the built CLI without blocking this process (the feed's HTTP server lives here). */
function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { PATH: process.env.PATH } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** code → advisory of every world entry in a content directory. */
function advisories(dir: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const f of readdirSync(join(dir, 'world')).filter((x) => x.endsWith('.yaml'))) {
    for (const e of parse(readFileSync(join(dir, 'world', f), 'utf8')).countries as Array<{ code: string; advisory?: unknown }>)
      if (e.advisory) out.set(e.code, e.advisory);
  }
  return out;
}

let copy: ContentCopy;
afterEach(() => copy?.dispose());

describe('reading the feed and mapping its tags', () => {
  const feed = parseAdvisoryFeed(RSS);
  const mapped = mapAdvisories(feed.items);

  it('reads items in the real RSS shape, with level, date and the "due to" reasons', () => {
    expect(feed.feedDate).toBe('2026-10-07');
    expect(feed.items).toHaveLength(12);
    expect(feed.skipped).toEqual(['item 13 ("Atlantis - Travel Advisory"): no readable Threat-Level category']);
    expect(feed.items[0]).toEqual({
      tag: 'SA',
      name: 'Saudi Arabia',
      level: 3,
      title: 'Reconsider Travel',
      date: '2026-09-15',
      reasons: 'risk of Iranian drone and missile targeting of American interests, armed conflict, terrorism, exit bans, and local laws regarding social media activity',
      url: 'https://travel.state.gov/content/tsg_aem/us/en/home/international-travel/travel-advisories/destination.sau.html',
    });
  });

  it('maps the Department\'s tags, not ISO codes, to countries', () => {
    const code = (c: string) => mapped.byCode.get(c);
    expect(code('GB')).toMatchObject({ tag: 'UK', level: 2 });
    expect(code('AZ')).toMatchObject({ tag: 'AJ', level: 3 });
    expect(code('KP')).toMatchObject({ tag: 'KN', name: 'North Korea', level: 4, reasons: 'wrongful detention and other risks' });
    expect(code('KN')).toMatchObject({ tag: 'KN', name: 'Saint Kitts and Nevis', level: 1 });
    expect(code('IL')).toMatchObject({ tag: 'IS', name: 'Israel' });
    expect(mapped.byCode.has('UK')).toBe(false);
  });

  it('reports tags used for several places, several items for one country, groups and unknown tags', () => {
    expect(mapped.sharedTags).toEqual([
      { tag: 'KN', names: ['North Korea', 'Saint Kitts and Nevis'] },
      { tag: 'IS', names: ['Israel', 'West Bank', 'Gaza'] },
    ]);
    // West Bank and Gaza are both Palestine: the same date, so the higher level wins.
    expect(mapped.duplicates.find((d) => d.code === 'PS')).toMatchObject({ kept: { name: 'Gaza', level: 4 }, dropped: [{ name: 'West Bank', level: 3 }] });
    // An old and a new page for one place: the newer kind of page (named by ISO code) wins a tie.
    expect(mapped.duplicates.find((d) => d.code === 'BA')).toMatchObject({ kept: { tag: 'BI' }, dropped: [{ tag: 'BK' }] });
    expect(mapped.unmapped).toEqual([{ item: expect.objectContaining({ tag: 'A3' }), why: expect.stringContaining('covers a group of places') }]);
    expect(mapped.guessed).toEqual([{ item: expect.objectContaining({ tag: 'QQ' }), code: 'MN', why: 'unknown tag QQ: mapped by its page address' }]);
    expect(mapped.disagreements).toEqual([]);
  });
});

describe('npm run content:import-advisories (the built CLI)', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/_res/rss/TAsTWs.xml') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('imports the feed from a URL into the world table, keeping comments and other fields, and says what changed', async () => {
    copy = copyContent();
    const before = readFileSync(join(copy.dir, 'world/europe.yaml'), 'utf8');
    const r = await run([`${url}/_res/rss/TAsTWs.xml`, '--content', copy.dir]);
    expect(r.stderr).toMatch(/^wrote world\/[a-z]+\.yaml(, world\/[a-z]+\.yaml)*\n$/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^## Travel advisories import\n\nRead 12 advisories; 9 countries mapped; 3 changed\./);
    expect(r.stdout).toContain('### Skipped items (1)');
    expect(r.stdout).toContain('- A3 "French West Indies": tag A3 ("French West Indies") covers a group of places');
    expect(r.stdout).toContain('- QQ "Mongolia" → MN: unknown tag QQ: mapped by its page address');
    expect(r.stdout).toContain('- PS: kept IS "Gaza" level 4 (2026-08-26); not used: IS "West Bank" level 3 (2026-08-26)');
    expect(r.stdout).toMatch(/### In the table but not in this feed \(\d+\): kept \(use --prune to remove\)/);
    // The sample's reasons for Azerbaijan are shorter than the snapshot's: same level and date, reasons changed.
    expect(r.stdout).toContain('| Azerbaijan (AZ) | Level 3 (2026-04-28) | Level 3 (2026-04-28); reasons changed |');
    // Mongolia's advisory changed (new level and date): shown as an advisory change.
    expect(r.stdout).toMatch(/\| Mongolia \(MN\) \| Level 1 \(2026-07-29\) \| Level 2 \(2026-10-02\) \|/);
    const after = readFileSync(join(copy.dir, 'world/europe.yaml'), 'utf8');
    // Only advisory fields move; the file's comments stay.
    expect(after.split('\n').slice(0, 6)).toEqual(before.split('\n').slice(0, 6));
    const gb = (parse(after).countries as Array<{ code: string; advisory?: { tag: string } }>).find((e) => e.code === 'GB');
    expect(gb?.advisory).toMatchObject({ level: 2, tag: 'UK', date: '2026-09-09', sources: ['us-state-travel-advisories'] });
    // A second run changes nothing.
    const again = await run([`${url}/_res/rss/TAsTWs.xml`, '--content', copy.dir]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('9 countries mapped; 0 changed.');
  });

  it('with --dry-run reports and writes nothing', async () => {
    copy = copyContent();
    const before = advisories(copy.dir);
    const r = await run([`${url}/_res/rss/TAsTWs.xml`, '--content', copy.dir, '--dry-run']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('(dry run: nothing written)');
    expect(advisories(copy.dir)).toEqual(before);
  });

  it('reproduces the world table\'s advisory fields from the shared 2026-10-07 snapshot', async () => {
    copy = copyContent();
    // Strip every advisory, then import the snapshot.
    for (const f of readdirSync(join(copy.dir, 'world')).filter((x) => x.endsWith('.yaml'))) {
      const doc = parseDocument(readFileSync(join(copy.dir, 'world', f), 'utf8'));
      const list = doc.get('countries');
      if (isSeq(list)) for (const e of list.items) if (isMap(e)) e.delete('advisory');
      writeFileSync(join(copy.dir, 'world', f), doc.toString({ lineWidth: 0 }));
    }
    expect(advisories(copy.dir).size).toBe(0);
    const r = await run([TSV, '--content', copy.dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Read 223 advisories; 213 countries mapped; 213 changed.');
    const shipped = advisories(CONTENT);
    expect(shipped.size).toBe(213);
    expect(advisories(copy.dir)).toEqual(shipped);
  });

  it('refuses what is not a feed, a missing file and an unreachable URL with one line and exit 1', async () => {
    copy = copyContent();
    const notFeed = join(copy.root, 'not-a-feed.txt');
    writeFileSync(notFeed, 'hello\tworld\n');
    expect(await run([notFeed, '--content', copy.dir])).toMatchObject({
      status: 1,
      stderr: 'content:import-advisories: not an advisory snapshot: expected the columns tag, name, level, level_text, published, due_to, link\n',
    });
    expect((await run([join(copy.root, 'nope.xml'), '--content', copy.dir])).stderr).toBe(`content:import-advisories: no such file: ${join(copy.root, 'nope.xml')}\n`);
    expect(await run([`${url}/missing.xml`, '--content', copy.dir])).toMatchObject({ status: 1, stderr: `content:import-advisories: could not fetch ${url}/missing.xml: HTTP 404\n` });
    expect(await run([])).toMatchObject({ status: 2 });
  });
});
