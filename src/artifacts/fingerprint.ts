/**
 * What a prebuilt artifact was built from, as one sha256: its source directory (content/
 * or intents/: every file's path and bytes), the code that builds and reads it (this
 * program's own module files, so an artifact built by dist/ never passes for src/ run
 * through tsx, nor the other way round), and, for understanding, the installed data
 * packages (package-lock.json). Any change gives another fingerprint, and the artifact
 * is then stale: rebuilt by `npm run build`, refused by `npm run content:check`, and
 * replaced at start-up by building from the source files.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../config.js';

/** Bump when the stored shape changes without any source file changing. */
export const ARTIFACT_FORMAT = 3;

/** This program's own code directory: dist/ when built, src/ when run through tsx. */
const CODE_ROOT = resolve(import.meta.dirname, '..');

/** Every file under `dir`, sorted by name at each level; a stat only for symbolic links (one per file cost 250 at 250 countries). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      const isDir = entry.isSymbolicLink() ? statSync(path).isDirectory() : entry.isDirectory();
      return isDir ? filesUnder(path) : [path];
    });
}

/** Adds every file under `dir` (path relative to it, then bytes) to the hash. */
function addTree(hash: ReturnType<typeof createHash>, dir: string, keep: (path: string) => boolean = () => true): void {
  for (const path of filesUnder(dir).filter(keep)) {
    hash.update(`\0${relative(dir, path)}\0`);
    hash.update(readFileSync(path));
  }
}

const isCode = (path: string) => /\.(ts|js)$/.test(path) && !/\.test\.ts$/.test(path);

/**
 * Fingerprint of the content artifact: content/ and the code that loads it, builds its
 * passage index and computes its digest (app/build-content-artifact.ts, with advisor/ and
 * alerts/: the alert fingerprints).
 */
export function contentFingerprint(contentDir: string): string {
  const hash = createHash('sha256').update(`content artifact ${ARTIFACT_FORMAT}`);
  addTree(hash, resolve(contentDir));
  for (const code of ['content', 'artifacts', 'retrieval', 'advisor', 'alerts']) addTree(hash, join(CODE_ROOT, code), isCode);
  addTree(hash, join(CODE_ROOT, 'app'), (path) => isCode(path) && /build-content-artifact\.[jt]s$/.test(path));
  return hash.digest('hex');
}

/** Fingerprint of the understanding artifact: intents/, the understanding code and the data packages. */
export function understandingFingerprint(intentsDir: string): string {
  const hash = createHash('sha256').update(`understanding artifact ${ARTIFACT_FORMAT}`);
  addTree(hash, resolve(intentsDir));
  for (const code of ['understand', 'artifacts']) addTree(hash, join(CODE_ROOT, code), isCode);
  const lock = join(PACKAGE_ROOT, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex');
}
