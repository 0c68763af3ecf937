/**
 * Proves `npm run content:preview` prints the answer users get for a country, found by
 * ISO code or by name, and refuses an unknown country with one clear line and exit 1.
 * Most cases run in-process on the same advisor the CLI builds; two run the real CLI.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAdvisor } from '../../src/app/build-advisor.js';
import { loadConfig } from '../../src/config.js';
import { previewCountry } from '../../src/content/preview-country.js';
import { CONTENT, ROOT } from './content-fixture.js';

const CLI = join(ROOT, 'dist/content/preview-cli.js');
const preview = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH } });
const advisor = buildAdvisor(loadConfig({}, { CONTENT_DIR: CONTENT }));

describe('content:preview', () => {
  it('prints Kazakhstan by code: level, indicators, law, checklist and sources (the real CLI)', () => {
    const r = preview('KZ');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Kazakhstan \(KZ\): risk level 3 of 4, high/);
    expect(r.stdout).toContain('Restrictions on encryption or VPNs: In July 2019 providers pushed users to install a state root certificate');
    expect(r.stdout).toContain('VPN: unknown. Encryption: restricted.');
    expect(r.stdout).toContain('[ ] Local law limits encryption; ask the security team which encrypted tools you may carry and use. (Encryption)');
    expect(r.stdout).toContain('Sources:\n');
  });

  it('finds a country by name, in any case', async () => {
    const text = await previewCountry(advisor, 'turkmenistan');
    expect(text).toMatch(/^Turkmenistan \(TM\): risk level 4 of 4, severe/);
    expect(text).toContain('VPN: banned.');
    expect(await previewCountry(advisor, 'tm')).toBe(text);
  });

  it('shows the plain baseline answer for a real country without a file', async () => {
    const text = await previewCountry(advisor, 'Portugal');
    expect(text).toContain('(PT): risk level 1 of 4, baseline');
    expect(text).toContain('The content base has no specific surveillance indicators for');
  });

  it('refuses an unknown country with one line and exit 1 (the real CLI)', () => {
    const r = preview('Narnia');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('content:preview: unknown country "Narnia"; give an ISO code such as KZ or an English name such as Kazakhstan\n');
  });
});
