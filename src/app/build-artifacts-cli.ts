/**
 * The last step of `npm run build`: loads and validates content/ and intents/, builds the
 * gazetteer and trains the classifier, and stores them in ARTIFACTS_DIR (dist/artifacts/)
 * with the fingerprint of what they were built from (artifacts/fingerprint.ts). It sits in app/
 * because the content artifact's digest is computed with the advisor and the alerts. A bad content or
 * intents file fails the build with its file:line messages. Prints one line per artifact.
 */
import { loadConfig } from '../config.js';
import { AdvisorError } from '../errors.js';
import { CONTENT_ARTIFACT } from '../artifacts/content-artifact.js';
import { INDEX_ARTIFACT } from '../artifacts/index-artifact.js';
import { UNDERSTANDING_ARTIFACT } from '../artifacts/understanding-artifact.js';
import { buildArtifacts } from './build-content-artifact.js';

function main(): number {
  const config = loadConfig();
  try {
    const started = performance.now();
    const content = buildArtifacts(config);
    const ms = Math.round(performance.now() - started);
    console.log(`artifacts: ${CONTENT_ARTIFACT} (${content.countries.size} country files), ${INDEX_ARTIFACT} and ${UNDERSTANDING_ARTIFACT} written to ${config.ARTIFACTS_DIR} in ${ms} ms`);
    return 0;
  } catch (error) {
    // Content errors are file:line lists meant for a person; anything else is one line, never a stack.
    console.error(`build artifacts: ${error instanceof AdvisorError ? error.message : error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error)}`);
    return 1;
  }
}

process.exitCode = main();
