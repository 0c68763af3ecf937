/**
 * Proves the passage index artifact (src/artifacts/index-artifact.ts) is read in parts and
 * only beside its own content: after `buildContentArtifact`, a question about one country
 * decodes that country's shard and the topics' and nothing else (not the whole index, not
 * another country's shard), a topic question then decodes the whole index once; an index
 * file of another build (another fingerprint) or a missing one is never used, the index
 * being built from the passages instead; and content:check names a missing index file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { loadContent } from '../../src/content/load-content.js';
import type { ContentBase } from '../../src/content/types.js';
import { loadContentPrebuilt } from '../../src/artifacts/content-artifact.js';
import { INDEX_ARTIFACT, readIndexArtifact } from '../../src/artifacts/index-artifact.js';
import { staleArtifacts } from '../../src/artifacts/check-artifacts.js';
import { contentFingerprint } from '../../src/artifacts/fingerprint.js';
import { createPassageIndex, WHOLE, type StoredPassageIndex } from '../../src/retrieval/passage-index.js';
import type { RetrieveOptions } from '../../src/retrieval/ports.js';

// The artifacts are src/'s own (ARTIFACTS_DIR's default for src/), which the global setup
// keeps fresh (test/support/global-setup.ts) with the build's buildArtifacts; the temporary
// directory only holds none, for the cases of a missing index.
const dir = mkdtempSync(join(tmpdir(), 'index-artifact-'));
let config: Config;
let content: ContentBase;

beforeAll(() => {
  config = loadConfig({ LOG_LEVEL: 'silent' });
  content = loadContent(config.CONTENT_DIR);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The stored index, recording which parts are decoded. */
function recorded(stored: StoredPassageIndex): { index: StoredPassageIndex; read: string[] } {
  const read: string[] = [];
  return { index: { stats: stored.stats, part: (key) => (read.push(key), stored.part(key)) }, read };
}

describe('the passage index artifact', () => {
  it('is loaded with fresh content, and decodes only the parts a question needs', () => {
    const loaded = loadContentPrebuilt(config.CONTENT_DIR, config.ARTIFACTS_DIR);
    expect(loaded.provenance).toBe('prebuilt');
    const { index, read } = recorded(loaded.searchIndex!);
    const retriever = createPassageIndex(loaded.content, { stored: index });
    expect(read).toEqual([]);
    const found = retriever.search('VPN law', { countries: ['KG'], includeTopics: true });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((p) => p.ref === 'KG' || p.kind === 'topic')).toBe(true);
    expect(read.sort()).toEqual(['KG', 'topics']);
    retriever.search('what is SORM?', { includeTopics: true });
    retriever.search('what is SORM?', { includeTopics: true });
    expect(read.filter((k) => k === WHOLE)).toEqual([WHOLE]);
  });

  it('answers as the index built from the passages', () => {
    const stored = createPassageIndex(content, { stored: loadContentPrebuilt(config.CONTENT_DIR, config.ARTIFACTS_DIR).searchIndex! });
    const built = createPassageIndex(content);
    const cases: Array<[string, RetrieveOptions]> = [
      ['is WhatsApp safe?', { countries: ['BY'], includeTopics: true }],
      ['what is SORM?', { includeTopics: true, minCoverage: 0.5 }],
      ['root certificate', { topicsOnly: true }],
    ];
    for (const [q, options] of cases)
      expect(stored.search(q, options).map((p) => p.id)).toEqual(built.search(q, options).map((p) => p.id));
  });

  it('is never used beside other content: another fingerprint or a missing file gives no stored index', () => {
    expect(readIndexArtifact(config.ARTIFACTS_DIR, contentFingerprint(config.CONTENT_DIR))).toBeDefined();
    expect(readIndexArtifact(config.ARTIFACTS_DIR, 'another build')).toBeUndefined();
    const lone = join(dir, 'lone');
    expect(readIndexArtifact(lone, contentFingerprint(config.CONTENT_DIR))).toBeUndefined();
  });

  it('is named by content:check when missing', () => {
    const dirs = { ARTIFACTS_DIR: join(dir, 'none'), CONTENT_DIR: config.CONTENT_DIR, INTENTS_DIR: config.INTENTS_DIR };
    expect(staleArtifacts(dirs, config.CONTENT_DIR).join('\n')).toContain(`${INDEX_ARTIFACT}: missing; run npm run build`);
    expect(staleArtifacts({ ...dirs, ARTIFACTS_DIR: config.ARTIFACTS_DIR }, config.CONTENT_DIR).filter((l) => l.includes(INDEX_ARTIFACT))).toEqual([]);
  });
});
