/**
 * The validated content base as the build stores it (dist/artifacts/content.jsonl): loaded
 * at start-up instead of parsing and validating every YAML and Markdown file again. Built
 * only from content that passed every check (loadContent throws otherwise), with each
 * sentence's terms already computed. Stored in parts (content-parts.ts, parted-file.ts):
 * start-up parses the core only, and a country's content on its first question. Its
 * passage index is stored beside it, with the same fingerprint, in parts too
 * (index-artifact.ts). Warnings are those of the build day.
 */
import { join } from 'node:path';
import type { ContentBase, ContentDigest } from '../content/types.js';
import { loadContent, type LoadOptions } from '../content/load-content.js';
import { storedPassageIndex, type StoredPassageIndex } from '../retrieval/passage-index.js';
import { readPartedFile, writePartedFile } from './parted-file.js';
import { readIndexArtifact, writeIndexArtifact } from './index-artifact.js';
import { contentParts, openContent } from './content-parts.js';
import { contentFingerprint } from './fingerprint.js';
import type { ArtifactRead } from './artifact-file.js';

export const CONTENT_ARTIFACT = 'content.jsonl';

/**
 * Writes the passage index first: content.jsonl, once fresh, always has its index beside it.
 * `digest`: what start-up needs of every country (app/build-content-artifact.ts computes it).
 */
export function writeContentArtifact(artifactsDir: string, contentDir: string, content: ContentBase, digest: ContentDigest): void {
  const fingerprint = contentFingerprint(contentDir);
  writeIndexArtifact(artifactsDir, contentDir, fingerprint, storedPassageIndex(content));
  writePartedFile(join(artifactsDir, CONTENT_ARTIFACT), contentDir, fingerprint, {}, contentParts(content, digest));
}

function readContentArtifact(artifactsDir: string, contentDir: string, fingerprint: string): ArtifactRead<{ content: ContentBase }> {
  const read = readPartedFile(join(artifactsDir, CONTENT_ARTIFACT));
  if (!read) return { status: 'missing' };
  if (read.header.fingerprint !== fingerprint) return { status: 'stale' };
  // A missing or broken core part throws in openContent (JSON.parse), which is "unreadable".
  try {
    return { status: 'fresh', data: { content: openContent(read.part, contentDir) } };
  } catch {
    return { status: 'unreadable' };
  }
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
