/**
 * Runs once before the suite (vitest.config.ts `globalSetup`), so that test files can rely on:
 *
 * 1. A current dist/. Suites that start the CLI or the server spawn the built program
 *    (`node dist/…`: 0.5 s of CPU for a CLI answer, against 2.2 s through tsx). `npm test` has
 *    just built it; `npx vitest run` alone builds it here when src/, content/, intents/ or
 *    the build's own configuration changed after the last build.
 * 2. Fresh prebuilt artifacts for src/ (dist/src-artifacts, see config.ts). Test files run
 *    src/, whose artifacts are never dist/'s (the fingerprint names the
 *    code), so without these every file that builds an advisor would load content/ and train
 *    the classifier again: 1.3 s of CPU each, against 0.15 s from the artifacts.
 * 3. The test's own child-process programs (test/<area>/fixtures/*.ts) compiled over that
 *    dist/ (test/support/fixture-programs.ts), so they start as fast as the built program.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT, loadConfig } from '../../src/config.js';
import { readArtifactHeader } from '../../src/artifacts/artifact-file.js';
import { INDEX_ARTIFACT } from '../../src/artifacts/index-artifact.js';
import { CONTENT_ARTIFACT } from '../../src/artifacts/content-artifact.js';
import { readPartedHeader } from '../../src/artifacts/parted-file.js';
import { contentFingerprint, understandingFingerprint } from '../../src/artifacts/fingerprint.js';
import { compileFixturePrograms } from './fixture-programs.js';

/** What `npm run build` reads: a change to any of these after it ran makes dist/ stale. */
const BUILD_INPUTS = ['src', 'content', 'intents', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
/** Written by the build's last step, so their age is the build's (the older one counts). */
const BUILD_OUTPUTS = ['dist/main.js', `dist/artifacts/${CONTENT_ARTIFACT}`, 'dist/artifacts/understanding.json'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.test\.ts$/.test(path) ? 0 : stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function distIsStale(): boolean {
  const at = (p: string) => join(PACKAGE_ROOT, p);
  if (!BUILD_OUTPUTS.every((p) => existsSync(at(p)))) return true;
  const built = Math.min(...BUILD_OUTPUTS.map((p) => statSync(at(p)).mtimeMs));
  return Math.max(...BUILD_INPUTS.filter((p) => existsSync(at(p))).map((p) => newestMtime(at(p)))) > built;
}

/**
 * Whether src/'s artifacts match content/, intents/ and src/ (the names content-artifact.ts and
 * understanding-artifact.ts write; the passage index shares content.jsonl's fingerprint).
 */
function srcArtifactsFresh(): boolean {
  const config = loadConfig({});
  const at = (file: string) => join(config.ARTIFACTS_DIR, file);
  const content = contentFingerprint(config.CONTENT_DIR);
  return (
    readPartedHeader(at(CONTENT_ARTIFACT))?.fingerprint === content &&
    readPartedHeader(at(INDEX_ARTIFACT))?.fingerprint === content &&
    readArtifactHeader(at('understanding.json'))?.fingerprint === understandingFingerprint(config.INTENTS_DIR)
  );
}

export default async function setup(): Promise<void> {
  if (distIsStale()) {
    console.log('global setup: dist/ is older than its sources; running npm run build');
    const build = spawnSync('npm', ['run', 'build'], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed; the suites that spawn dist/ cannot run');
  }
  if (!srcArtifactsFresh()) {
    const started = performance.now();
    const build = spawnSync(process.execPath, ['--import', 'tsx', 'test/support/build-src-artifacts.ts'], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('building src/ artifacts failed (see above)');
    console.log(`global setup: src/ artifacts rebuilt in ${Math.round(performance.now() - started)} ms`);
  }
  await compileFixturePrograms();
}
