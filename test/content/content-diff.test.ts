/**
 * Proves content:diff on a real git history in a temp repository: two commits of
 * content/, then `npm run content:diff -- HEAD~1` (the built CLI, in that repo) must
 * show the level change with the indicator that moved, the country added and removed,
 * the VPN law change, and checklist items added, removed and reworded, as Markdown.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, copyContent, gitIn, type ContentCopy } from './content-fixture.js';
import { loadContent } from '../../src/content/load-content.js';
import { scoreCountry } from '../../src/advisor/score-country.js';
import type { ContentBase } from '../../src/content/types.js';

/** "3 high (score 8)", as the diff prints a level. */
const levelOf = (content: ContentBase, code: string) => {
  const r = scoreCountry(content, content.countries.get(code)!);
  return `${r.level} ${r.label} (score ${r.score})`;
};
let kgBefore: string;
let kgAfter: string;
let amAfter: string;

const CLI = join(ROOT, 'dist/channels/cli/content/diff-cli.js');
let copy: ContentCopy;
let pr: ReturnType<typeof diff>;

let git: (...args: string[]) => string;
function diff(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: copy.root, encoding: 'utf8', env: { PATH: process.env.PATH } });
}

beforeAll(() => {
  copy = copyContent();
  git = gitIn(copy);
  git('init', '-q', '-b', 'main');
  git('commit', '-q', '--allow-empty', '-m', 'empty start');
  git('add', 'content');
  git('commit', '-q', '-m', 'content as shipped');
  kgBefore = levelOf(loadContent(copy.dir), 'KG');

  // Second commit, the "pull request": KG loses its interception systems (3 points),
  // Uzbekistan's VPN law becomes banned, Armenia is removed, Mongolia is added,
  // Luxembourg joins the high-risk list, one checklist item reworded, one removed, one added.
  copy.write(
    'countries/kg.md',
    copy.read('countries/kg.md').replace(/  interception-systems:\n    status: present/, '  interception-systems:\n    status: absent'),
  );
  copy.write(
    'countries/uz.md',
    copy
      .read('countries/uz.md')
      .replace(/  vpn:\n    status: unknown\n    note: [^\n]*\n    sources: \[vpn5best-uz\]/, '  vpn:\n    status: banned\n    note: Reported banned.\n    sources: [vpn5best-uz]'),
  );
  rmSync(join(copy.dir, 'countries/am.md'));
  copy.write('countries/mn.md', copy.read('countries/az.md').replace('code: AZ', 'code: MN').replace('name: Azerbaijan', 'name: Mongolia'));
  copy.write(
    'high-risk.yaml',
    `${copy.read('high-risk.yaml').trimEnd()}\n  - code: LU\n    rationale: Listed by the test to show a world-table change in the diff.\n    date: 2026-11-29\n    sources: [us-state-travel-advisories]\n`,
  );
  copy.write(
    'checklists/accounts.yaml',
    copy
      .read('checklists/accounts.yaml')
      .replace('Change the passwords you used during the trip.', 'Change every password you used during the trip.')
      .replace('  - id: accounts-mfa\n    phase: before\n    priority: 2', '  - id: accounts-mfa\n    phase: before\n    priority: 1')
      .replace(/  - id: accounts-travel-pins\n(    .*\n)+?(?=  - id:)/, '')
      .concat('  - id: accounts-sign-out\n    phase: after\n    priority: 3\n    text: Sign out of every session you opened on the trip.\n    sources: [arcyber-travel-tips]\n'),
  );
  git('add', '-A', 'content');
  git('commit', '-q', '-m', 'a content pull request');
  const after = loadContent(copy.dir);
  kgAfter = levelOf(after, 'KG');
  const am = after.world.get('AM')!;
  amAfter = am ? 'screened' : 'not assessed';
  pr = diff('HEAD~1', 'content');
});
afterAll(() => copy?.dispose());

describe('npm run content:diff', () => {
  it('shows risk level changes with the indicators that moved', () => {
    const r = pr;
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^## Content changes against `HEAD~1`/);
    expect(kgBefore).not.toBe(kgAfter);
    expect(r.stdout).toContain(`| Kyrgyzstan (KG) | ${kgBefore} | ⬇ ${kgAfter} | interception-systems: present → absent |`);
  });

  it('shows countries added and removed, and law changes', () => {
    const r = pr;
    expect(r.stdout).toMatch(/- Added: Mongolia \(MN\), level \d \w+ \(score \d+\)/);
    // A removed file never falls back to "baseline": the country keeps its world-table tier.
    expect(r.stdout).toMatch(new RegExp(`- Removed: Armenia \\(AM\\), was level \\d \\w+ \\(score \\d+\\); it will now be ${amAfter}, level \\d`));
    expect(r.stdout).toMatch(/- Uzbekistan \(UZ\): \*\*VPN law unknown → banned\*\*/);
  });

  it('shows tier and level changes of countries without a file (world table, high-risk list)', () => {
    expect(pr.stdout).toContain('### Countries without a country file (1)');
    expect(pr.stdout).toMatch(/\| Luxembourg \(LU\) \| screened, level [12] [\w ]+ \| screened, level 3 at least high \|/);
  });

  it('shows checklist items added, removed, reworded and re-prioritised', () => {
    const out = pr.stdout;
    expect(out).toContain('Added:\n- `accounts-sign-out` (Accounts and passwords, after; everyone): Sign out of every session you opened on the trip.');
    expect(out).toMatch(/Removed:\n- `accounts-travel-pins` \(Accounts and passwords, before; levels 2-4\)/);
    expect(out).toContain(
      '- `accounts-change-passwords` (text)\n  - before: Change the passwords you used during the trip.\n  - after: Change every password you used during the trip.',
    );
    expect(out).toContain('- `accounts-mfa` (priority)\n  - priority: 2 → 1 (ranks the key actions)');
  });

  it('says so when nothing users see has changed', () => {
    const r = diff('HEAD', 'content');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('## Content changes against `HEAD`\n\nNo user-visible changes.\n');
  });

  it('treats a ref without content/ as an empty base: everything is added', () => {
    const r = diff('HEAD~2', 'content');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('- Added: Kazakhstan (KZ), level 3 high');
    expect(r.stdout).toContain('No country changes level.');
  });

  it('fails with one clear line for an unknown ref', () => {
    const r = diff('no-such-branch', 'content');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('content:diff: unknown git ref "no-such-branch"; give a branch, tag or commit (e.g. origin/main)\n');
  });
});
