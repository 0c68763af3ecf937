/**
 * Proves content:diff on a real git history in a temp repository: two commits of
 * content/, then `npm run content:diff -- HEAD~1` (the built CLI, in that repo) must
 * show the level change with the indicator that moved, the country added and removed,
 * the VPN law change, and checklist items added, removed and reworded, as Markdown.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, copyContent, type ContentCopy } from './content-fixture.js';

const CLI = join(ROOT, 'dist/content/diff-cli.js');
let copy: ContentCopy;
let pr: ReturnType<typeof diff>;

function git(...args: string[]) {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: copy.root,
    encoding: 'utf8',
  });
}
function diff(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: copy.root, encoding: 'utf8', env: { PATH: process.env.PATH } });
}

beforeAll(() => {
  copy = copyContent();
  git('init', '-q', '-b', 'main');
  git('commit', '-q', '--allow-empty', '-m', 'empty start');
  git('add', 'content');
  git('commit', '-q', '-m', 'content as shipped');

  // Second commit, the "pull request": KG loses SORM imports (8 → 5: high → elevated),
  // Uzbekistan's VPN law becomes banned, Armenia is removed, Georgia is added,
  // one checklist item reworded, one removed, one added.
  copy.write(
    'countries/kg.md',
    copy.read('countries/kg.md').replace(/  sorm-imports:\n    status: present/, '  sorm-imports:\n    status: absent'),
  );
  copy.write(
    'countries/uz.md',
    copy
      .read('countries/uz.md')
      .replace(/  vpn:\n    status: unknown\n    note: [^\n]*\n    sources: \[vpn5best-uz\]/, '  vpn:\n    status: banned\n    note: Reported banned.\n    sources: [vpn5best-uz]'),
  );
  rmSync(join(copy.dir, 'countries/am.md'));
  copy.write('countries/ge.md', copy.read('countries/az.md').replace('code: AZ', 'code: GE').replace('name: Azerbaijan', 'name: Georgia'));
  copy.write(
    'checklists/accounts.yaml',
    copy
      .read('checklists/accounts.yaml')
      .replace('Change the passwords you used during the trip.', 'Change every password you used during the trip.')
      .replace(/  - id: accounts-travel-pins\n(    .*\n)+?(?=  - id:)/, '')
      .concat('  - id: accounts-sign-out\n    phase: after\n    text: Sign out of every session you opened on the trip.\n    sources: [arcyber-travel-tips]\n'),
  );
  git('add', '-A', 'content');
  git('commit', '-q', '-m', 'a content pull request');
  pr = diff('HEAD~1', 'content');
});
afterAll(() => copy?.dispose());

describe('npm run content:diff', () => {
  it('shows risk level changes with the indicators that moved', () => {
    const r = pr;
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^## Content changes against `HEAD~1`/);
    expect(r.stdout).toContain('| Kyrgyzstan (KG) | 3 high (score 8) | ⬇ 2 elevated (score 5) | sorm-imports: present → absent |');
  });

  it('shows countries added and removed, and law changes', () => {
    const r = pr;
    expect(r.stdout).toContain('- Added: Georgia (GE), level 2 elevated (score 2)');
    expect(r.stdout).toContain('- Removed: Armenia (AM), was level 1 baseline (score 0); it will now get the baseline answer');
    expect(r.stdout).toMatch(/- Uzbekistan \(UZ\): \*\*VPN law unknown → banned\*\*/);
  });

  it('shows checklist items added, removed and reworded', () => {
    const out = pr.stdout;
    expect(out).toContain('Added:\n- `accounts-sign-out` (Accounts and passwords, after; everyone): Sign out of every session you opened on the trip.');
    expect(out).toMatch(/Removed:\n- `accounts-travel-pins` \(Accounts and passwords, before; levels 2-4\)/);
    expect(out).toContain(
      '- `accounts-change-passwords` (text)\n  - before: Change the passwords you used during the trip.\n  - after: Change every password you used during the trip.',
    );
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
