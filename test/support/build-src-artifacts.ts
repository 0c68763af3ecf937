/**
 * Builds src/'s own prebuilt artifacts (dist/src-artifacts, see config.ts) as the build
 * does dist/'s: run with `node --import tsx` by test/support/global-setup.ts when they are
 * missing or stale. A child process because vitest's global setup loads packages natively,
 * and the gazetteer's data package is a JSON module Node will not import without tsx.
 */
import { loadConfig } from '../../src/config.js';
import { buildArtifacts } from '../../src/app/build-content-artifact.js';

buildArtifacts(loadConfig({}));
