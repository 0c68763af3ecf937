/**
 * The passage index as the build stores it (dist/artifacts/passage-index.jsonl), beside
 * content.json and with its fingerprint: a first line of JSON (fingerprint, the whole
 * index's statistics, where each part's bytes lie), then one line per part: MiniSearch's
 * index of every passage, and one shard per country file and one for the topics
 * (src/retrieval/passage-shards.ts). Start-up reads the bytes and parses the first line
 * only; a part is decoded and parsed when a question first needs it, so a question about
 * Kyrgyzstan never parses the other 249 countries' postings (issue 18).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IndexStats } from '../retrieval/passage-shards.js';
import type { StoredPassageIndex } from '../retrieval/passage-index.js';
import { writeFileAtomically } from './artifact-file.js';

export const INDEX_ARTIFACT = 'passage-index.jsonl';

export interface IndexHeader {
  fingerprint: string;
  /** The content directory it was built from (absolute), for content:check. */
  source: string;
  builtAt: string;
  stats: IndexStats;
  /** Part key → [first byte, end byte] after the header line. */
  parts: Record<string, [number, number]>;
}

export function writeIndexArtifact(artifactsDir: string, contentDir: string, fingerprint: string, index: { stats: IndexStats; parts: Map<string, string> }): void {
  const lines: Buffer[] = [];
  const parts: IndexHeader['parts'] = {};
  let at = 0;
  for (const [key, json] of index.parts) {
    const line = Buffer.from(`${json}\n`);
    parts[key] = [at, at + line.length - 1];
    at += line.length;
    lines.push(line);
  }
  const header: IndexHeader = { fingerprint, source: resolve(contentDir), builtAt: new Date().toISOString(), stats: index.stats, parts };
  writeFileAtomically(join(artifactsDir, INDEX_ARTIFACT), Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...lines]));
}

function readBytes(path: string): { header: IndexHeader; body: Buffer } | null {
  try {
    const bytes = readFileSync(path);
    const end = bytes.indexOf(10);
    return end < 0 ? null : { header: JSON.parse(bytes.toString('utf8', 0, end)) as IndexHeader, body: bytes.subarray(end + 1) };
  } catch {
    return null;
  }
}

/** The header only, for content:check; null when missing or unreadable. */
export function readIndexHeader(path: string): IndexHeader | null {
  return readBytes(path)?.header ?? null;
}

/** The stored index when it was built with `fingerprint` (the content's), else undefined: the index is then built from the passages. */
export function readIndexArtifact(artifactsDir: string, fingerprint: string): StoredPassageIndex | undefined {
  const read = readBytes(join(artifactsDir, INDEX_ARTIFACT));
  if (!read || read.header.fingerprint !== fingerprint) return undefined;
  const { header, body } = read;
  return {
    stats: header.stats,
    part: (key) => {
      const range = header.parts[key];
      return range && body.toString('utf8', range[0], range[1]);
    },
  };
}
