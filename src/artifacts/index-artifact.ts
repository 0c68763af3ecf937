/**
 * The passage index as the build stores it (dist/artifacts/passage-index.jsonl), beside
 * content.jsonl and with its fingerprint, in parts (parted-file.ts): the header holds the
 * whole index's statistics, and each line is a part: MiniSearch's index of every passage,
 * and one shard per country file and one for the topics (src/retrieval/passage-shards.ts).
 * A part is decoded and parsed when a question first needs it, so a question about
 * Kyrgyzstan never parses the other 249 countries' postings (issue 18).
 */
import { join } from 'node:path';
import type { IndexStats } from '../retrieval/passage-shards.js';
import type { StoredPassageIndex } from '../retrieval/passage-index.js';
import { readPartedFile, writePartedFile } from './parted-file.js';

export const INDEX_ARTIFACT = 'passage-index.jsonl';

export function writeIndexArtifact(artifactsDir: string, contentDir: string, fingerprint: string, index: { stats: IndexStats; parts: Map<string, string> }): void {
  writePartedFile(join(artifactsDir, INDEX_ARTIFACT), contentDir, fingerprint, { stats: index.stats }, index.parts);
}

/** The stored index when it was built with `fingerprint` (the content's), else undefined: the index is then built from the passages. */
export function readIndexArtifact(artifactsDir: string, fingerprint: string): StoredPassageIndex | undefined {
  const read = readPartedFile<{ stats: IndexStats }>(join(artifactsDir, INDEX_ARTIFACT));
  if (!read || read.header.fingerprint !== fingerprint) return undefined;
  return { stats: read.header.stats, part: read.part };
}
