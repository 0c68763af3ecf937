/**
 * Stores the content artifact with its digest (ContentDigest in content/types.ts): what a
 * start-up would otherwise read every country's content for, the risk-alert pass's
 * fingerprint of every destination, the country files' names and the summarizer's sentence
 * frequencies. Computed here, above the advisor and the alerts, with the functions that
 * compute the same from content loaded from the files, so it cannot differ
 * (test/content/prebuilt-artifacts.test.ts compares them); the artifact's fingerprint
 * covers advisor/ and alerts/ (artifacts/fingerprint.ts).
 */
import type { Config } from '../config.js';
import type { ContentBase, ContentDigest } from '../content/types.js';
import { loadContent } from '../content/load-content.js';
import { loadUnderstander } from '../understand/create-understander.js';
import { writeUnderstandingArtifact } from '../artifacts/understanding-artifact.js';
import { sentenceFrequencies } from '../content/sentence-frequencies.js';
import { countryFileNames, fingerprintEvery } from '../alerts/destination-fingerprint.js';
import { writeContentArtifact } from '../artifacts/content-artifact.js';

export function contentDigest(content: ContentBase): ContentDigest {
  return { fingerprints: fingerprintEvery(content), names: countryFileNames(content), sentences: sentenceFrequencies(content.passages) };
}

/** What `npm run build` writes for content/: content.jsonl with its digest, and the passage index beside it. */
export function buildContentArtifact(artifactsDir: string, contentDir: string, content: ContentBase): void {
  writeContentArtifact(artifactsDir, contentDir, content, contentDigest(content));
}

/** Every artifact of `npm run build`, from config's CONTENT_DIR and INTENTS_DIR into its ARTIFACTS_DIR; returns the content it loaded. */
export function buildArtifacts(config: Pick<Config, 'ARTIFACTS_DIR' | 'CONTENT_DIR' | 'INTENTS_DIR' | 'CONTENT_STALE_DAYS'>): ContentBase {
  const content = loadContent(config.CONTENT_DIR, { staleAfterDays: config.CONTENT_STALE_DAYS });
  buildContentArtifact(config.ARTIFACTS_DIR, config.CONTENT_DIR, content);
  writeUnderstandingArtifact(config.ARTIFACTS_DIR, config.INTENTS_DIR, loadUnderstander(config.INTENTS_DIR));
  return content;
}
