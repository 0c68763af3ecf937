/**
 * Proves `npm run content:preview` prints the answer users get for a country, found by
 * ISO code or by name, and refuses an unknown country with one clear line and exit 1.
 * Most cases run in-process on the same advisor the CLI builds; two run the real CLI.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedAdvisor } from '../support/shared-advisor.js';
import { loadConfig } from '../../src/config.js';
import { previewCountry } from '../../src/channels/cli/content/preview-country.js';
import { CONTENT, ROOT } from './content-fixture.js';

const CLI = join(ROOT, 'dist/channels/cli/content/preview-cli.js');
const preview = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH } });
const advisor = sharedAdvisor(loadConfig({}, { CONTENT_DIR: CONTENT }));

describe('content:preview', () => {
  it('prints Kazakhstan by code: level, indicators, law, checklist and sources (the real CLI)', () => {
    const r = preview('KZ');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Kazakhstan \(KZ\): risk (at least \w+ \(level \d of 4\)|level \d of 4, \w+)\n/);
    expect(r.stdout).toContain('Assessed against all six indicators (a draft of');
    expect(r.stdout).toMatch(/Why this level:\n  - Assessed: score \d+ of 12 from \d of 6 indicators present/);
    expect(r.stdout).toMatch(/Restrictions on encryption or VPNs: [^\n]*root certificate/);
    expect(r.stdout).toMatch(/VPN: \w+\. Encryption: \w+\./);
    expect(r.stdout).toMatch(/Official travel advisory \(US State Department, \d{4}-\d{2}-\d{2}\): Level \d/);
    expect(r.stdout).toContain('Sources:\n');
  });

  it('finds a country by name, in any case', async () => {
    const text = await previewCountry(advisor, 'turkmenistan');
    expect(text).toMatch(/^Turkmenistan \(TM\): risk level 4 of 4, severe/);
    expect(text).toContain('Restrictions on encryption or VPNs');
    expect(text).toContain('VPN: banned.');
    expect(await previewCountry(advisor, 'tm')).toBe(text);
  });

  it('shows a country without a file with its tier and what its level rests on, never an unexplained baseline', async () => {
    const text = await previewCountry(advisor, 'Portugal');
    expect(text).toMatch(/\(PT\): risk (at least \w+ \(level \d of 4\)|level 1 of 4, baseline)/);
    expect(text).toContain('Portugal has been screened, not assessed');
    expect(text).toContain('Why this level:');
    const bouvet = await previewCountry(advisor, 'BV');
    expect(bouvet).toContain('(BV): risk not assessed: treated as elevated (level 2 of 4)');
    expect(bouvet).toContain('has not been assessed: the content base knows nothing about surveillance there');
  });

  it('refuses an unknown country with one line and exit 1 (the real CLI)', () => {
    const r = preview('Narnia');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('content:preview: unknown country "Narnia"; give an ISO code such as KZ or an English name such as Kazakhstan\n');
  });
});
