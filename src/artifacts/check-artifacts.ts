/**
 * For `npm run content:check`: whether the artifacts `npm run build` wrote for this content
 * directory (and intents/) still match it. A stale artifact is never served (start-up builds
 * from the files instead), but it costs every start the time the build was meant to save,
 * so the check fails and says to rebuild. Artifacts built from another directory are not
 * this check's business (content:check on a fixture or a copy).
 */
import { join, relative, resolve } from 'node:path';
import { readArtifactHeader } from './artifact-file.js';
import { CONTENT_ARTIFACT } from './content-artifact.js';
import { INDEX_ARTIFACT } from './index-artifact.js';
import { readPartedHeader } from './parted-file.js';
import { UNDERSTANDING_ARTIFACT } from './understanding-artifact.js';
import { contentFingerprint, understandingFingerprint } from './fingerprint.js';

export interface ArtifactDirs {
  ARTIFACTS_DIR: string;
  CONTENT_DIR: string;
  INTENTS_DIR: string;
}

/** One line per missing or stale artifact for `contentDir` (empty when all are fresh). */
export function staleArtifacts(dirs: ArtifactDirs, contentDir: string, cwd = process.cwd()): string[] {
  const problems: string[] = [];
  const check = (file: string, sourceDir: string, configuredDir: string, fingerprint: (dir: string) => string, readHeader = readArtifactHeader) => {
    const path = join(dirs.ARTIFACTS_DIR, file);
    const shown = relative(cwd, path) || path;
    const header = readHeader(path);
    const source = resolve(sourceDir);
    // No artifact: only the configured directory is expected to have one.
    if (!header) {
      if (source === resolve(configuredDir)) problems.push(`${shown}: missing; run npm run build to build it from ${relative(cwd, source) || source}`);
      return;
    }
    if (header.source !== source) return;
    if (header.fingerprint !== fingerprint(source))
      problems.push(`${shown}: stale (built ${header.builtAt} from ${relative(cwd, source) || source}; it or the program has changed since); run npm run build`);
  };
  // content.jsonl and its index share one fingerprint: hash content/ and the code once.
  let contentPrint: string | undefined;
  const sharedContentFingerprint = (dir: string) => (contentPrint ??= contentFingerprint(dir));
  check(CONTENT_ARTIFACT, contentDir, dirs.CONTENT_DIR, sharedContentFingerprint, readPartedHeader);
  check(INDEX_ARTIFACT, contentDir, dirs.CONTENT_DIR, sharedContentFingerprint, readPartedHeader);
  check(UNDERSTANDING_ARTIFACT, dirs.INTENTS_DIR, dirs.INTENTS_DIR, understandingFingerprint);
  return problems;
}
