/**
 * The validated content base as the build stores it (dist/artifacts/content.json): loaded
 * at start-up instead of parsing and validating every YAML and Markdown file again. Built
 * only from content that passed every check (loadContent throws otherwise), with each
 * sentence's terms already computed, and its passage index (MiniSearch, and its per-country
 * shards) ready to load, each part parsed only when a question first needs it.
 * Warnings are those of the build day.
 */
import { join, resolve } from 'node:path';
import type { ContentBase } from '../content/types.js';
import { loadContent, type LoadOptions } from '../content/load-content.js';
import { storedPassageIndex, type StoredPassageIndex } from '../retrieval/passage-index.js';
import { readArtifact, writeArtifact, type ArtifactRead } from './artifact-file.js';
import { contentFingerprint } from './fingerprint.js';

export const CONTENT_ARTIFACT = 'content.json';

/** What the artifact holds: the content base and its passage index. */
export interface PrebuiltContent {
  content: ContentBase;
  searchIndex: StoredPassageIndex;
}

export function writeContentArtifact(artifactsDir: string, contentDir: string, content: ContentBase): void {
  writeArtifact<PrebuiltContent>(join(artifactsDir, CONTENT_ARTIFACT), {
    fingerprint: contentFingerprint(contentDir),
    source: resolve(contentDir),
    builtAt: new Date().toISOString(),
    data: { content, searchIndex: storedPassageIndex(content) },
  });
}

export function readContentArtifact(artifactsDir: string, contentDir: string): ArtifactRead<PrebuiltContent> {
  const read = readArtifact<PrebuiltContent>(join(artifactsDir, CONTENT_ARTIFACT), contentFingerprint(contentDir));
  return read.status === 'fresh' ? { status: 'fresh', data: { ...read.data, content: { ...read.data.content, dir: contentDir } } } : read;
}

/** How the content was obtained, for the start-up log (never any content or message text). */
export type Provenance = 'prebuilt' | 'built: artifact missing' | 'built: artifact stale' | 'built: artifact unreadable' | 'built: no artifacts';

/**
 * The prebuilt content and passage index when fresh, else content/ loaded and validated now
 * (throws ContentError as loadContent does; the index is then built by createPassageIndex).
 */
export function loadContentPrebuilt(
  contentDir: string,
  artifactsDir: string | undefined,
  options: LoadOptions = {},
): { content: ContentBase; searchIndex?: StoredPassageIndex; provenance: Provenance } {
  if (!artifactsDir) return { content: loadContent(contentDir, options), provenance: 'built: no artifacts' };
  const read = readContentArtifact(artifactsDir, contentDir);
  if (read.status === 'fresh') return { ...read.data, provenance: 'prebuilt' };
  return { content: loadContent(contentDir, options), provenance: `built: artifact ${read.status}` };
}
