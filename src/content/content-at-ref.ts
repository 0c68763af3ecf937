/**
 * Checks out the content directory as it was at a git ref (a branch, tag or commit)
 * into a temporary directory, with `git archive`, so content:diff can load the old
 * and the new content with the same loader. The working tree is never touched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { AdvisorError } from '../errors.js';

export interface ContentAtRef {
  /** The content directory at the ref, or null when the ref has no content there. */
  dir: string | null;
  /** The commit the ref names (full hash): the same commit is the same content (the playground caches by it). */
  commit: string;
  /** Removes the temporary copy. */
  dispose(): void;
}

function git(cwd: string, args: string[], input?: Buffer) {
  return spawnSync('git', args, { cwd, input, maxBuffer: 256 * 1024 * 1024 });
}

/** `contentDir` is the content directory in the working tree (absolute or relative to cwd). */
export function contentAtRef(contentDir: string, ref: string): ContentAtRef {
  const dir = resolve(contentDir);
  const top = git(dir, ['rev-parse', '--show-toplevel']);
  if (top.status !== 0) throw new AdvisorError(`${dir} is not inside a git repository, so there is no ref to compare with`, 'NOT_FOUND');
  const root = top.stdout.toString().trim();
  const verify = git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (verify.status !== 0) throw new AdvisorError(`unknown git ref "${ref}"; give a branch, tag or commit (e.g. origin/main)`, 'NOT_FOUND');
  const commit = verify.stdout.toString().trim();
  const path = relative(root, dir).split('\\').join('/') || '.';

  const tmp = mkdtempSync(join(tmpdir(), 'content-at-ref-'));
  const dispose = () => rmSync(tmp, { recursive: true, force: true });
  const listed = git(root, ['ls-tree', '-d', '--name-only', commit, '--', path]);
  if (listed.status !== 0 || !listed.stdout.toString().trim()) return { dir: null, commit, dispose };
  const archive = git(root, ['archive', '--format=tar', commit, '--', path]);
  if (archive.status !== 0) {
    dispose();
    throw new AdvisorError(`git archive failed for ${ref}: ${archive.stderr.toString().trim()}`, 'INTERNAL');
  }
  const untar = spawnSync('tar', ['-x', '-C', tmp], { input: archive.stdout });
  if (untar.status !== 0) {
    dispose();
    throw new AdvisorError(`could not unpack content at ${ref}: ${untar.stderr.toString().trim()}`, 'INTERNAL');
  }
  const out = join(tmp, path);
  return { dir: existsSync(out) ? out : null, commit, dispose };
}
