/**
 * Finding 15 (low): `content:check` on hostile files — a YAML alias bomb ("billion
 * laughs") stopped with a stack trace instead of `file:line`, and a 50 MB file took
 * 14 s and 2.35 GB. Proves, running `npm run content:check -- <dir>` as a real process
 * on a copy of content/, that an alias bomb, nesting deep enough to overflow the
 * parser, an oversize Markdown file and an oversize YAML file each give one
 * `file:line: …` line naming the file, exit 1 within seconds of CPU, and no stack trace.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyContent, ROOT, type ContentCopy } from '../content/content-fixture.js';

let copy: ContentCopy | undefined;
afterEach(() => copy?.dispose());

/**
 * CPU milliseconds of this process's finished children (cutime + cstime of /proc/self/stat,
 * in clock ticks of 10 ms): what the check itself spent, which a machine busy with other
 * work does not inflate as it does wall time.
 */
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function contentCheck(dir: string) {
  const cpuBefore = childrenCpuMs();
  const r = spawnSync('npm', ['run', '--silent', 'content:check', '--', dir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    timeout: 30_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout, cpuMs: childrenCpuMs() - cpuBefore };
}

/** Nine levels of nine aliases: 9^9 (387 million) strings once expanded. */
function aliasBomb(): string {
  const lines = ['category: bomb', 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  let previous = 'a';
  for (const name of 'bcdefghi') {
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    previous = name;
  }
  return lines.join('\n') + '\n';
}

function expectLocatedError(r: ReturnType<typeof contentCheck>, pattern: RegExp) {
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr + r.stdout).not.toMatch(/\n\s+at |ReferenceError|RangeError|FATAL ERROR/);
  // Within seconds of work (npm, Node and the check together); the 30 s timeout above bounds a hang.
  expect(r.cpuMs).toBeGreaterThan(0);
  expect(r.cpuMs).toBeLessThan(10_000);
}

describe('content:check on hostile files', () => {
  it('names the alias bomb at the line of its first alias', () => {
    copy = copyContent();
    writeFileSync(join(copy.dir, 'checklists', 'zz-bomb.yaml'), aliasBomb());
    const r = contentCheck(copy.dir);
    expectLocatedError(r, /checklists\/zz-bomb\.yaml:3: invalid YAML: aliases expand more than 50 times/);
  });

  it('names YAML nested deep enough to overflow the parser, in a checklist and in a country front matter', () => {
    copy = copyContent();
    writeFileSync(join(copy.dir, 'checklists', 'zz-deep.yaml'), `category: deep\nitems: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`);
    const kg = copy.read('countries/kg.md');
    copy.write('countries/kg.md', kg.replace(/^---\n/, `---\nzz: ${'- '.repeat(5_000)}x\n`));
    const r = contentCheck(copy.dir);
    expectLocatedError(r, /checklists\/zz-deep\.yaml:2: invalid YAML: nested more than 64 levels deep/);
    expect(r.stderr).toMatch(/countries\/kg\.md:2: invalid YAML: nested more than 64 levels deep/);
  });

  it('refuses an oversize Markdown file and an oversize YAML file by size, before parsing them', () => {
    copy = copyContent();
    const sentence = 'Surveillance equipment was installed at every exchange [@wired-2012]. ';
    writeFileSync(join(copy.dir, 'countries', 'zz.md'), `---\ncode: ZZ\n---\n## Notes\n\n${sentence.repeat(Math.ceil(20_000_000 / sentence.length))}\n`);
    writeFileSync(join(copy.dir, 'checklists', 'zz-huge.yaml'), `category: huge\n${'# padding padding padding padding\n'.repeat(100_000)}`);
    const r = contentCheck(copy.dir);
    expectLocatedError(r, /countries\/zz\.md:1: file is 20,000,0\d\d bytes, over the 524,288-byte limit for \.md files/);
    expect(r.stderr).toMatch(/checklists\/zz-huge\.yaml:1: file is 3,400,015 bytes, over the 2,097,152-byte limit for \.yaml files/);
  });
});
