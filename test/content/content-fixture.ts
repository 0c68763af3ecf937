/** Temp copies of the real content/ for tests that break or change it on purpose. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CONTENT = join(ROOT, 'content');

export interface ContentCopy {
  /** The temp directory holding `content/`. */
  root: string;
  /** `root/content`. */
  dir: string;
  read(file: string): string;
  write(file: string, text: string): void;
  /** Replaces the first line matching `match`; returns its 1-based line number. */
  replaceLine(file: string, match: RegExp | string, replacement: string): number;
  /** 1-based number of the first line matching `match`. */
  lineOf(file: string, match: RegExp | string): number;
  dispose(): void;
}

export function copyContent(): ContentCopy {
  const root = mkdtempSync(join(tmpdir(), 'content-test-'));
  const dir = join(root, 'content');
  cpSync(CONTENT, dir, { recursive: true });
  const path = (file: string) => join(dir, file);
  const matches = (line: string, m: RegExp | string) => (typeof m === 'string' ? line.includes(m) : m.test(line));
  const lineOf = (file: string, m: RegExp | string) => {
    const i = readFileSync(path(file), 'utf8').split('\n').findIndex((l) => matches(l, m));
    if (i < 0) throw new Error(`fixture: no line matching ${m} in ${file}`);
    return i + 1;
  };
  return {
    root,
    dir,
    read: (file) => readFileSync(path(file), 'utf8'),
    write: (file, text) => writeFileSync(path(file), text),
    lineOf,
    replaceLine(file, m, replacement) {
      const n = lineOf(file, m);
      const lines = readFileSync(path(file), 'utf8').split('\n');
      lines[n - 1] = replacement;
      writeFileSync(path(file), lines.join('\n'));
      return n;
    },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Runs git in the copy's root as a throwaway author, with no signing, whatever the machine's git config; returns its output. */
export function gitIn(copy: ContentCopy): (...args: string[]) => string {
  return (...args) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: copy.root, encoding: 'utf8' });
}

/** Makes the copy a git repository whose branch `main` holds one commit: the content as shipped. Returns its git. */
export function commitAsShipped(copy: ContentCopy): (...args: string[]) => string {
  const git = gitIn(copy);
  git('init', '-q', '-b', 'main');
  git('add', 'content');
  git('commit', '-q', '-m', 'content as shipped');
  return git;
}
