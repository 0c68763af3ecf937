/**
 * The validated content base as the build stores it (dist/artifacts/content.json): loaded
 * at start-up instead of parsing and validating every YAML and Markdown file again. Built
 * only from content that passed every check (loadContent throws otherwise), with each
 * sentence's terms already computed. Its passage index is stored beside it, with the same
 * fingerprint, in parts read when a question first needs them (index-artifact.ts).
 * Warnings are those of the build day.
 */
import { join, resolve } from 'node:path';
import type { ContentBase } from '../content/types.js';
import { loadContent, type LoadOptions } from '../content/load-content.js';
import { storedPassageIndex, type StoredPassageIndex } from '../retrieval/passage-index.js';
import { readArtifact, writeArtifact, type ArtifactRead } from './artifact-file.js';
import { readIndexArtifact, writeIndexArtifact } from './index-artifact.js';
import { compactContent, expandContent, type CompactContent } from './compact-content.js';
import { contentFingerprint } from './fingerprint.js';

export const CONTENT_ARTIFACT = 'content.json';

/** What content.json holds: the content base with each sentence once (compact-content.ts). */
export interface PrebuiltContent {
  content: CompactContent;
}

/** Writes the passage index first: content.json, once fresh, always has its index beside it. */
export function writeContentArtifact(artifactsDir: string, contentDir: string, content: ContentBase): void {
  const fingerprint = contentFingerprint(contentDir);
  writeIndexArtifact(artifactsDir, contentDir, fingerprint, storedPassageIndex(content));
  writeArtifact<PrebuiltContent>(join(artifactsDir, CONTENT_ARTIFACT), {
    fingerprint,
    source: resolve(contentDir),
    builtAt: new Date().toISOString(),
    data: { content: compactContent(content) },
  });
}

export function readContentArtifact(artifactsDir: string, contentDir: string, fingerprint = contentFingerprint(contentDir)): ArtifactRead<{ content: ContentBase }> {
  const read = readArtifact<PrebuiltContent>(join(artifactsDir, CONTENT_ARTIFACT), fingerprint);
  return read.status === 'fresh' ? { status: 'fresh', data: { content: { ...expandContent(read.data.content), dir: contentDir } } } : read;
}

/** How the content was obtained, for the start-up log (never any content or message text). */
export type Provenance = 'prebuilt' | 'built: artifact missing' | 'built: artifact stale' | 'built: artifact unreadable' | 'built: no artifacts';

/**
 * The prebuilt content and passage index when fresh, else content/ loaded and validated now
 * (throws ContentError as loadContent does; the index is then built by createPassageIndex,
 * as it is when only the index file is missing or stale).
 */
export function loadContentPrebuilt(
  contentDir: string,
  artifactsDir: string | undefined,
  options: LoadOptions = {},
): { content: ContentBase; searchIndex?: StoredPassageIndex; provenance: Provenance } {
  if (!artifactsDir) return { content: loadContent(contentDir, options), provenance: 'built: no artifacts' };
  const fingerprint = contentFingerprint(contentDir);
  const read = readContentArtifact(artifactsDir, contentDir, fingerprint);
  if (read.status === 'fresh') return { content: read.data.content, searchIndex: readIndexArtifact(artifactsDir, fingerprint), provenance: 'prebuilt' };
  return { content: loadContent(contentDir, options), provenance: `built: artifact ${read.status}` };
}
