/**
 * Proves the content artifact (src/artifacts/content-artifact.ts) is read in parts: an
 * advisor built from it decodes no country's content at start-up, nor for the risk-alert
 * pass's fingerprints (the build's digest has them); a question about one country decodes
 * that country's part and no other; a question that names no country decodes every part,
 * once; and a country's record and passages read this way are those loadContent makes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { loadContent } from '../../src/content/load-content.js';
import type { ContentBase } from '../../src/content/types.js';
import { buildAdvisor } from '../../src/app/build-advisor.js';
import { loadContentPrebuilt } from '../../src/artifacts/content-artifact.js';
import { LazyMap } from '../../src/artifacts/lazy-collections.js';
import { fingerprintContent, fingerprintEvery } from '../../src/alerts/destination-fingerprint.js';
import { passagesOf } from '../../src/content/passages-of.js';

// src/'s own artifacts (ARTIFACTS_DIR's default for src/), which the global setup keeps
// fresh (test/support/global-setup.ts) with the build's buildArtifacts.
let config: Config;
let files: ContentBase;

beforeAll(() => {
  config = loadConfig({ LOG_LEVEL: 'silent' });
  files = loadContent(config.CONTENT_DIR);
}, 120_000);

/** The country codes whose parts are decoded so far. */
const decoded = (content: ContentBase) => (content.countries as LazyMap<string, unknown>).decoded();

describe('the content artifact, read in parts', () => {
  it('decodes nothing at start-up and only the asked country for a question about it', async () => {
    const advisor = buildAdvisor(config);
    const content = advisor.content;
    expect(content.countries).toBeInstanceOf(LazyMap);
    expect(decoded(content)).toEqual([]);
    expect(content.countries.size).toBe(files.countries.size);
    expect(content.countries.has('KG')).toBe(true);
    // The risk-alert pass reads the build's fingerprints; they are what the files give.
    expect(fingerprintContent(content)).toEqual(fingerprintEvery(files));
    expect(decoded(content)).toEqual([]);
    const now = new Date('2026-11-30T09:00:00Z');
    const answer = await advisor.ask('travelling to Kyrgyzstan next week', { now, timeZone: 'UTC' });
    expect(answer.destinations.map((d) => d.countryCode)).toEqual(['KG']);
    expect(decoded(content)).toEqual(['KG']);
    await advisor.ask('is WhatsApp safe in Minsk?', { now, timeZone: 'UTC' });
    expect(decoded(content).sort()).toEqual(['BY', 'KG']);
    // A question that names no country searches every passage.
    await advisor.ask('what is SORM?', { now, timeZone: 'UTC' });
    expect(decoded(content)).toEqual([...files.countries.keys()]);
  }, 60_000);

  it('gives a country the record and passages loadContent gives it', () => {
    const { content } = loadContentPrebuilt(config.CONTENT_DIR, config.ARTIFACTS_DIR);
    expect(passagesOf(content, 'UA')).toEqual(passagesOf(files, 'UA'));
    expect(decoded(content)).toEqual(['UA']);
    expect(content.countries.get('UA')).toEqual(files.countries.get('UA'));
    expect(content.passages[content.passages.length - 1]).toEqual(files.passages.at(-1));
    expect(decoded(content)).toEqual(['UA']);
  });
});
