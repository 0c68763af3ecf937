/**
 * Proves content:check catches each kind of authoring mistake and names it as
 * file:line: message at the exact line, with the path relative to where the reviewer
 * runs it; that the real content base is clean; and that warnings (stale reviews,
 * overrides) are reported without failing. Broken content lives in temp copies.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/channels/cli/content/check-content.js';
import { CONTENT, ROOT, copyContent, type ContentCopy } from './content-fixture.js';

const TODAY = new Date('2026-11-23T12:00:00Z');
let copy: ContentCopy;
afterEach(() => copy?.dispose());

function check(c: ContentCopy, today = TODAY, staleAfterDays = 180) {
  return checkContent({ dir: c.dir, cwd: c.root, today, staleAfterDays });
}

describe('content:check on the real content base', () => {
  it('passes with every ISO code in the world table, at least 28 assessed countries and no errors', () => {
    const r = checkContent({ dir: CONTENT, cwd: ROOT, today: TODAY, staleAfterDays: 180 });
    expect(r.err).toEqual([]);
    expect(r.exitCode).toBe(0);
    const codes = [...r.content!.countries.keys()].sort();
    expect(codes).toEqual(
      expect.arrayContaining(['AM', 'AZ', 'BY', 'CU', 'KG', 'KZ', 'NI', 'RU', 'TJ', 'TM', 'UA', 'UZ', 'VE', 'CN', 'HK', 'IR', 'AE', 'SA', 'TR', 'VN', 'EG', 'IN', 'IL', 'QA', 'ET', 'MM', 'GE', 'RS']),
    );
    expect(r.content!.world.size).toBe(250);
    expect(r.out.find((l) => l.startsWith('coverage:'))).toMatch(/^coverage: 250 countries: \d+ assessed, \d+ screened, \d+ not assessed$/);
    // No reviewer has approved anything yet: every file is a draft, and says so.
    expect(r.out.find((l) => l.startsWith('drafts awaiting a named reviewer:'))).toMatch(/^drafts awaiting a named reviewer: \d+ \(/);
    expect([...r.content!.topics.keys()]).toEqual(
      expect.arrayContaining(['sorm', 'vendors', 'trassir-cameras', 'security-cooperation', 'state-root-certificates']),
    );
    expect(new Set(r.content!.checklist.map((i) => i.category))).toEqual(new Set(['device', 'network', 'encryption', 'accounts', 'physical']));
  });
});

describe('content:check reports each mistake at its line', () => {
  it('bad YAML in sources.yaml', () => {
    copy = copyContent();
    const line = copy.replaceLine('sources.yaml', '  - id: wired-2012', '  - id: wired-2012\n   title: [unclosed');
    const r = check(copy);
    expect(r.exitCode).toBe(1);
    expect(r.err[0]).toMatch(new RegExp(`^content/sources\\.yaml:${line + 1}: invalid YAML`));
  });

  it('bad YAML in a country front matter', () => {
    copy = copyContent();
    const line = copy.replaceLine('countries/kg.md', /^owner:/, 'owner: security-team: oops');
    const r = check(copy);
    expect(r.exitCode).toBe(1);
    expect(r.err[0]).toBe(`content/countries/kg.md:${line}: invalid YAML: Nested mappings are not allowed in compact mappings`);
  });

  it('unknown source id in an indicator', () => {
    copy = copyContent();
    const line = copy.replaceLine('countries/kg.md', 'sources: [timesca-megacom-2016]', '    sources: [timesca-megacom-2061]');
    const r = check(copy);
    expect(r.err).toContain(`content/countries/kg.md:${line}: unknown source id "timesca-megacom-2061"; add it to sources.yaml or fix the id`);
  });

  it('unknown source id in a Markdown citation, on a later line of a paragraph', () => {
    copy = copyContent();
    const line = copy.lineOf('countries/kz.md', 'The authorities called the scheme off');
    copy.replaceLine('countries/kz.md', 'The authorities called the scheme off', 'The authorities called the scheme off in August 2019 [@cabar-2091].');
    const r = check(copy);
    expect(r.err).toContain(`content/countries/kz.md:${line}: unknown source id "cabar-2091"; add it to sources.yaml or fix the id`);
  });

  it('uncited sentence', () => {
    copy = copyContent();
    const line = copy.replaceLine('countries/kg.md', /^The state owns 100%/, 'The state owns all of MegaCom.');
    const r = check(copy);
    expect(r.err).toContain(`content/countries/kg.md:${line}: sentence without a citation: "The state owns all of MegaCom.…"; end it with [@source-id]`);
  });

  it('missing indicator', () => {
    copy = copyContent();
    const text = copy.read('countries/kz.md').replace(/  joint-telecom-projects:\n    status: unknown\n    evidence: [^\n]*\n    sources: \[galeotti-2016\]\n/, '');
    copy.write('countries/kz.md', text);
    const line = copy.lineOf('countries/kz.md', /^indicators:/);
    const r = check(copy);
    expect(r.err).toContain(
      `content/countries/kz.md:${line}: missing indicator "joint-telecom-projects"; every indicator of indicators.yaml must be marked present, absent or unknown`,
    );
  });

  it('unknown indicator id', () => {
    copy = copyContent();
    const line = copy.replaceLine('countries/kg.md', /^  state-telecom-control:/, '  state-telecoms-control:');
    const r = check(copy);
    expect(r.err.some((e) => e.startsWith(`content/countries/kg.md:${line}: unknown indicator id "state-telecoms-control"`))).toBe(true);
  });

  it('wrong enum value', () => {
    copy = copyContent();
    const line = copy.replaceLine('countries/ru.md', '    status: restricted', '    status: forbidden');
    const r = check(copy);
    expect(r.err).toContain(`content/countries/ru.md:${line}: field "law.vpn.status": expected one of "allowed", "restricted", "banned", "unknown"`);
  });

  it('duplicate country', () => {
    copy = copyContent();
    copy.write('countries/kg2.md', copy.read('countries/kg.md'));
    const r = check(copy);
    expect(r.err).toContain('content/countries/kg2.md:2: duplicate country KG: also defined in countries/kg.md');
    expect(r.err).toContain('content/countries/kg2.md:2: file name must match the code: expected kg.md');
  });

  it('country code that is not an ISO code', () => {
    copy = copyContent();
    copy.write('countries/xz.md', copy.read('countries/am.md').replace('code: AM', 'code: XZ'));
    const r = check(copy);
    expect(r.err).toEqual(['content/countries/xz.md:2: "XZ" is not an ISO 3166-1 alpha-2 country code', 'content check failed: 1 error']);
  });

  it('a checklist item without a priority, or with one off the scale', () => {
    copy = copyContent();
    const line = copy.replaceLine('checklists/device.yaml', /^    priority: 1$/, '    priority: 7');
    const missing = copy.lineOf('checklists/device.yaml', '  - id: device-minimal-data');
    copy.replaceLine('checklists/device.yaml', /^    priority: 2$/, '');
    const r = check(copy);
    expect(r.exitCode).toBe(1);
    expect(r.err).toContain(`content/checklists/device.yaml:${line}: field "items.2.priority": a priority from 1 (do first) to 4 (good habit)`);
    expect(r.err.some((e) => e.startsWith(`content/checklists/device.yaml:${missing}: field "items.0.priority": a priority from 1 (do first) to 4 (good habit)`))).toBe(true);
  });

  it('checklist item naming an unknown indicator', () => {
    copy = copyContent();
    const line = copy.replaceLine('checklists/network.yaml', 'when: { indicator: interception-systems }', '    when: { indicator: sorm-imports }');
    const r = check(copy);
    expect(r.err).toContain(`content/checklists/network.yaml:${line}: unknown indicator id "sorm-imports"`);
  });

  it('VPN advice that does not say for which VPN law it applies', () => {
    copy = copyContent();
    copy.write('checklists/extra.yaml', 'category: extra\ntitle: Extra\nitems:\n  - id: extra-vpn\n    phase: during\n    text: Use a VPN for everything.\n    sources: [rf-2025]\n    priority: 2\n');
    const r = check(copy);
    expect(r.err).toContain(
      "content/checklists/extra.yaml:6: the item mentions VPNs (or a tunnel, proxy, Tor …) but does not say where it applies; add when: { vpn: [...] } so it follows each country's law.vpn",
    );
  });

  it('a tunnel recommended where VPN law is unknown (the WireGuard item that once passed)', () => {
    copy = copyContent();
    copy.write(
      'checklists/extra.yaml',
      "category: extra\ntitle: Extra\nitems:\n  - id: extra-tunnel\n    phase: during\n    text: Route all traffic through the company's WireGuard tunnel.\n    sources: [rf-2025]\n    when: { vpn: [unknown, allowed] }\n    priority: 2\n",
    );
    const r = check(copy);
    expect(r.err).toContain(
      'content/checklists/extra.yaml:8: the item tells travellers to use a VPN (or a tunnel, proxy …), so it may apply only where VPNs are allowed; expected when: { vpn: [allowed] }, found [unknown, allowed]',
    );
    copy.write('checklists/extra.yaml', "category: extra\ntitle: Extra\nitems:\n  - id: extra-tunnel\n    phase: during\n    text: Route all traffic through the company's WireGuard tunnel.\n    sources: [rf-2025]\n    priority: 2\n");
    expect(check(copy).err[0]).toMatch(/^content\/checklists\/extra\.yaml:6: the item mentions VPNs \(or a tunnel/);
  });

  it('VPN advice in the prose of a country whose VPN law is not "allowed" (the Turkmenistan sentence that once passed)', () => {
    copy = copyContent();
    const line = copy.lineOf('countries/tm.md', /^## Overview/) + 2;
    const lines = copy.read('countries/tm.md').split('\n');
    lines.splice(line - 1, 0, 'Use the company VPN for all work traffic while in Turkmenistan [@rf-2025].');
    copy.write('countries/tm.md', lines.join('\n'));
    const r = check(copy);
    expect(r.exitCode).toBe(1);
    expect(r.err).toContain(
      `content/countries/tm.md:${line}: VPN advice where it may break local law (TM VPN status is banned): "Use the company VPN for all work traffic while in Turkmenistan."; state the law, say what to do instead, never tell the reader to use a VPN, tunnel or proxy`,
    );
  });

  it('VPN advice in a topic, which any destination may be shown', () => {
    copy = copyContent();
    const line = copy.lineOf('topics/sorm.md', /^## What it means for travellers/) + 2;
    const lines = copy.read('topics/sorm.md').split('\n');
    lines.splice(line - 1, 0, 'Travellers should connect through a proxy in SORM countries [@rf-2025].');
    copy.write('topics/sorm.md', lines.join('\n'));
    expect(check(copy).err.some((e) => e.startsWith(`content/topics/sorm.md:${line}: VPN advice where it may break local law (topics are shown for every destination)`))).toBe(true);
  });

  it('one fact counted toward two indicators', () => {
    copy = copyContent();
    const text = copy.read('countries/kz.md').replace(
      /  state-telecom-control:\n    status: unknown\n    evidence: [^\n]*\n/,
      '  state-telecom-control:\n    status: present\n    evidence: In July 2019 providers pushed users to install a state root certificate that let encrypted web traffic be decrypted.\n    sources: [cabar-kz-cert-2019]\n',
    );
    copy.write('countries/kz.md', text);
    const line = copy.lineOf('countries/kz.md', /^  encryption-restrictions:/) + 2;
    expect(check(copy).err).toContain(
      `content/countries/kz.md:${line}: indicators "state-telecom-control" and "encryption-restrictions" rest on the same fact (same source, same words); one fact counts toward one indicator only: keep it under one and mark the other from its own evidence, or unknown`,
    );
  });

  it('VPN advice for banned countries that does not send the traveller to the security team', () => {
    copy = copyContent();
    copy.write(
      'checklists/extra.yaml',
      'category: extra\ntitle: Extra\nitems:\n  - id: extra-vpn\n    phase: during\n    text: Use the company VPN.\n    sources: [rf-2025]\n    when: { vpn: [banned, allowed] }\n    priority: 2\n',
    );
    const r = check(copy);
    expect(r.err).toContain(
      'content/checklists/extra.yaml:8: an item for countries where VPNs are banned or restricted must not also apply where they are allowed or unknown; split it in two',
    );
    expect(r.err).toContain('content/checklists/extra.yaml:6: where VPNs are banned or restricted the item must say not to use one and to talk to the security team');
  });
});

describe('content:check on the world table', () => {
  /** Removes one entry (code, name and any fields below it) from a world file. */
  const dropEntry = (c: ContentCopy, file: string, code: string) => {
    const text = c.read(file).replace(new RegExp(`  - code: ${code}\\n(    [^\\n]*\\n|      [^\\n]*\\n)*`), '');
    c.write(file, text);
  };

  it('fails unless every ISO code has an entry, naming the missing codes', () => {
    copy = copyContent();
    dropEntry(copy, 'world/europe.yaml', 'LU');
    const r = check(copy);
    expect(r.exitCode).toBe(1);
    expect(r.err).toContain(
      'content/world:1: no world entry for 1 ISO code: LU; every code needs an entry (with only code and name when nothing is known)',
    );
  });

  it('fails on a known fact without a source or a date, at its line', () => {
    copy = copyContent();
    const line = copy.replaceLine('world/europe.yaml', '  - code: LU', '  - code: LU\n    fotn: { status: free, score: 80, year: 2025, sources: [us-state-travel-advisories] }') + 1;
    const r = check(copy);
    expect(r.err.some((e) => e.startsWith(`content/world/europe.yaml:${line}: field "countries.`) && e.includes('fotn.date": missing'))).toBe(true);
  });

  it('fails on an entry listed twice and on a fact citing an unknown source', () => {
    copy = copyContent();
    copy.write('world/extra.yaml', 'region: extra\ncountries:\n  - code: LU\n    name: Luxembourg\n    vpn: { status: allowed, note: "Legal.", date: "2025", sources: [no-such-source] }\n');
    const r = check(copy);
    expect(r.err).toContain('content/world/extra.yaml:3: duplicate world entry for LU: also in world/europe.yaml');
    expect(r.err).toContain('content/world/extra.yaml:5: unknown source id "no-such-source"; add it to sources.yaml or fix the id');
  });

  it('fails on a high-risk entry without a rationale or for a code that does not exist', () => {
    copy = copyContent();
    const listed = copy.read('high-risk.yaml').trimEnd();
    copy.write('high-risk.yaml', `${listed}\n  - code: QQ\n    rationale: Listed for a reason long enough to count.\n    date: 2026-11-29\n    sources: [rf-2025]\n`);
    const line = copy.lineOf('high-risk.yaml', '  - code: QQ');
    expect(check(copy).err).toContain(`content/high-risk.yaml:${line}: "QQ" is not an ISO 3166-1 alpha-2 country code`);
    copy.write('high-risk.yaml', `${listed}\n  - code: KP\n    rationale: short\n    date: 2026-11-29\n    sources: [rf-2025]\n`);
    expect(check(copy).err).toContain(`content/high-risk.yaml:${line + 1}: field "countries.${listed.match(/- code:/g)!.length}.rationale": a rationale of at least 20 characters`);
  });
});

describe('content:check warnings', () => {
  it('flags files reviewed longer ago than the limit, without failing', () => {
    copy = copyContent();
    const line = copy.replaceLine('countries/am.md', /^drafted:/, 'drafted: { date: 2026-01-01, by: content-drafting }');
    const r = check(copy, TODAY, 180);
    expect(r.exitCode).toBe(0);
    expect(r.out).toContain(`content/countries/am.md:${line}: warning: stale: drafted and never reviewed 2026-01-01 (326 days ago, limit 180)`);
    // A named review resets the clock; the review date is what counts.
    copy.replaceLine('countries/am.md', /^drafted:/, 'drafted: { date: 2026-01-01, by: content-drafting }\nreviewed: { date: 2026-11-01, by: "@jdoe" }');
    expect(check(copy, TODAY, 180).out.some((l) => l.includes('stale'))).toBe(false);
    expect(check(copy, TODAY, 400).out.some((l) => l.includes('stale'))).toBe(false);
  });

  it('reports every level override with its rationale', () => {
    copy = copyContent();
    const text = copy.read('countries/am.md').replace(
      /^law:/m,
      'level_override:\n  level: 2\n  rationale: Raised while the security team reviews new reports.\n  sources: [mdi-am-wiretap]\nlaw:',
    );
    copy.write('countries/am.md', text);
    const line = copy.lineOf('countries/am.md', /^level_override:/);
    const r = check(copy);
    expect(r.exitCode).toBe(0);
    expect(r.out).toContain(`content/countries/am.md:${line}: warning: level overridden to 2: Raised while the security team reviews new reports.`);
    expect(r.out.find((l) => l.startsWith('level 2'))).toContain('AM (0, overridden from 1)');
  });
});

describe('content:check consistency between law flags and indicators', () => {
  it('warns when VPNs are banned but the encryption-restrictions indicator is not present', () => {
    copy = copyContent();
    const text = copy.read('countries/tm.md').replace(
      /  encryption-restrictions:\n    status: present/,
      '  encryption-restrictions:\n    status: unknown',
    );
    copy.write('countries/tm.md', text);
    const line = copy.lineOf('countries/tm.md', /^  encryption-restrictions:/) + 1;
    const r = check(copy);
    expect(r.exitCode).toBe(0);
    expect(r.out).toContain(
      `content/countries/tm.md:${line}: warning: law.vpn is banned but indicator "encryption-restrictions" is not present; mark it present or explain why not`,
    );
  });
});

describe('content:check uncited sources', () => {
  it('warns about a source nobody cites, at its line in sources.yaml', () => {
    copy = copyContent();
    copy.write(
      'sources.yaml',
      `${copy.read('sources.yaml').trimEnd()}\n  - id: never-cited\n    title: T\n    publisher: P\n    date: n.d.\n    url: https://example.org/t\n`,
    );
    const line = copy.lineOf('sources.yaml', '  - id: never-cited');
    const r = check(copy);
    expect(r.exitCode).toBe(0);
    expect(r.out).toContain(`content/sources.yaml:${line}: warning: source "never-cited" is not cited anywhere`);
  });
});

describe('npm run content:check (the built CLI)', () => {
  const cli = join(ROOT, 'dist/channels/cli/content/check-cli.js');
  const run = (args: string[], cwd: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });

  it('prints clickable paths relative to the current directory and exits 1 on an error', () => {
    copy = copyContent();
    const line = copy.replaceLine('countries/ru.md', '    status: restricted', '    status: forbidden');
    const r = run(['content'], copy.root);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`content/countries/ru.md:${line}: field "law.vpn.status"`);
    expect(r.stderr).toMatch(/content check failed: 1 error\n$/);
  });

  it('takes the stale limit from --stale-days or CONTENT_STALE_DAYS', () => {
    copy = copyContent();
    copy.replaceLine('countries/am.md', /^drafted:/, 'drafted: { date: 2020-01-01, by: content-drafting }');
    const byFlag = run(['content', '--stale-days', '30'], copy.root);
    expect(byFlag.status).toBe(0);
    expect(byFlag.stdout).toMatch(/content\/countries\/am\.md:\d+: warning: stale: drafted and never reviewed 2020-01-01 \(\d+ days ago, limit 30\)/);
    const byEnv = run(['content'], copy.root, { CONTENT_STALE_DAYS: '45' });
    expect(byEnv.stdout).toMatch(/limit 45\)/);
    const bad = run(['content', '--stale-days', 'soon'], copy.root);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--stale-days must be a whole number');
  });
});
