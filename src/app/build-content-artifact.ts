/**
 * Stores the content artifact with its digest (ContentDigest in content/types.ts): what a
 * start-up would otherwise read every country's content for, the risk-alert pass's
 * fingerprint of every destination, the country files' names and the summarizer's sentence
 * frequencies. Computed here, above the advisor and the alerts, with the functions that
 * compute the same from content loaded from the files, so it cannot differ
 * (test/content/prebuilt-artifacts.test.ts compares them); the artifact's fingerprint
 * covers advisor/ and alerts/ (artifacts/fingerprint.ts).
 */
import type { ContentBase, ContentDigest } from '../content/types.js';
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
