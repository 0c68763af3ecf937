/**
 * Builds src/'s own prebuilt artifacts (dist/src-artifacts, see config.ts) as the build
 * does dist/'s: run with `node --import tsx` by test/support/global-setup.ts when they are
 * missing or stale. A child process because vitest's global setup loads packages natively,
 * and the gazetteer's data package is a JSON module Node will not import without tsx.
 */
import { loadConfig } from '../../src/config.js';
import { buildContentArtifact } from '../../src/app/build-content-artifact.js';
import { writeUnderstandingArtifact } from '../../src/artifacts/understanding-artifact.js';
import { loadContent } from '../../src/content/load-content.js';
import { loadUnderstander } from '../../src/understand/create-understander.js';

const config = loadConfig({});
buildContentArtifact(config.ARTIFACTS_DIR, config.CONTENT_DIR, loadContent(config.CONTENT_DIR, { staleAfterDays: config.CONTENT_STALE_DAYS }));
writeUnderstandingArtifact(config.ARTIFACTS_DIR, config.INTENTS_DIR, loadUnderstander(config.INTENTS_DIR));
