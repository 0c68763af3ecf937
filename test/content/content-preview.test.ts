/**
 * Proves `npm run content:preview` prints the answer users get for a country, found by
 * ISO code or by name, and refuses an unknown country with one clear line and exit 1.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './content-fixture.js';

const CLI = join(ROOT, 'dist/content/preview-cli.js');
const preview = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH } });

describe('npm run content:preview', () => {
  it('prints Kazakhstan by code: level, indicators, law, checklist and sources', () => {
    const r = preview('KZ');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Kazakhstan \(KZ\): risk level 3 of 4, high/);
    expect(r.stdout).toContain('Restrictions on encryption or VPNs: In July 2019 providers pushed users to install a state root certificate');
    expect(r.stdout).toContain('VPN: unknown. Encryption: restricted.');
    expect(r.stdout).toContain('[ ] Local law limits encryption; ask the security team which encrypted tools you may carry and use. (Encryption)');
    expect(r.stdout).toContain('Sources:\n');
  });

  it('finds a country by name, in any case', () => {
    const r = preview('turkmenistan');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Turkmenistan \(TM\): risk level 4 of 4, severe/);
    expect(r.stdout).toContain('VPN: banned.');
  });

  it('shows the plain baseline answer for a real country without a file', () => {
    const r = preview('Portugal');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('(PT): risk level 1 of 4, baseline');
    expect(r.stdout).toContain('The content base has no specific surveillance indicators for');
  });

  it('refuses an unknown country with one line and exit 1', () => {
    const r = preview('Narnia');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('content:preview: unknown country "Narnia"; give an ISO code such as KZ or an English name such as Kazakhstan\n');
  });
});
