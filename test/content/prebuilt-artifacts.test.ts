/**
 * Proves the build's artifacts (src/artifacts/) change how fast the advisor starts and
 * nothing else: the content base read back equals the one loaded from the files, and an
 * advisor loaded from them answers every message of the NLU eval set exactly as one built
 * from the files; an edit to content/ after the build is served at
 * once (the stale artifact is passed over, and start-up says so), as is a missing
 * artifact; and `npm run content:check` (the built CLI) fails on a stale artifact, saying
 * to run `npm run build`, and passes once it is rebuilt.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { buildAdvisor } from '../../src/app/build-advisor.js';
import { loadContent } from '../../src/content/load-content.js';
import type { ContentBase } from '../../src/content/types.js';
import { loadUnderstander } from '../../src/understand/create-understander.js';
import { loadContentPrebuilt } from '../../src/artifacts/content-artifact.js';
import { buildContentArtifact, contentDigest } from '../../src/app/build-content-artifact.js';
import { loadUnderstanderPrebuilt, writeUnderstandingArtifact } from '../../src/artifacts/understanding-artifact.js';
import { readEvalSet } from '../../src/understand/run-eval.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'prebuilt-artifacts-'));
const artifacts = join(dir, 'artifacts');
let config: Config;
/** The content base loaded from the files, which the artifact is built from and compared to. */
let fromFilesContent: ContentBase;

beforeAll(() => {
  config = loadConfig({ ARTIFACTS_DIR: artifacts, LOG_LEVEL: 'silent' });
  fromFilesContent = loadContent(config.CONTENT_DIR);
  buildContentArtifact(artifacts, config.CONTENT_DIR, fromFilesContent);
  writeUnderstandingArtifact(artifacts, config.INTENTS_DIR, loadUnderstander(config.INTENTS_DIR));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('prebuilt content and understanding', () => {
  it('are used when fresh, and answer every eval-set message exactly as the files do', async () => {
    const prebuiltContent = loadContentPrebuilt(config.CONTENT_DIR, artifacts);
    expect(prebuiltContent.provenance).toBe('prebuilt');
    // Stored with each sentence once (compact-content.ts), in parts (content-parts.ts), read back whole.
    const { digest, ...read } = prebuiltContent.content;
    // Its countries are a LazyMap (lazy-collections.ts): the same entries, another class.
    expect({ ...read, countries: new Map(read.countries) }).toEqual(fromFilesContent);
    // The digest the build stored is what start-up would compute from the files.
    expect(digest).toEqual(contentDigest(fromFilesContent));
    expect(Object.keys(digest!.fingerprints).length).toBe(fromFilesContent.world.size);
    expect(loadUnderstanderPrebuilt(config.INTENTS_DIR, artifacts).provenance).toBe('prebuilt');
    const prebuilt = buildAdvisor(config);
    const fromFiles = buildAdvisor({ ...config, ARTIFACTS_DIR: join(dir, 'none') });
    const set = readEvalSet(join(ROOT, 'test/nlu/eval-set.yaml'));
    const options = { now: new Date(set.now), timeZone: set.timeZone };
    for (const { text } of set.cases) expect(await prebuilt.ask(text, options), text).toEqual(await fromFiles.ask(text, options));
  }, 120_000);

  it('are passed over when missing: the files are read', () => {
    expect(loadContentPrebuilt(config.CONTENT_DIR, join(dir, 'none')).provenance).toBe('built: artifact missing');
    expect(loadUnderstanderPrebuilt(config.INTENTS_DIR, join(dir, 'none')).provenance).toBe('built: artifact missing');
  }, 60_000);

  it('never serve content edited after the build', async () => {
    const content = join(dir, 'content-edited');
    cpSync(config.CONTENT_DIR, content, { recursive: true });
    const own = join(dir, 'artifacts-edited');
    buildContentArtifact(own, content, loadContent(content));
    expect(loadContentPrebuilt(content, own).provenance).toBe('prebuilt');
    // A security team edits a country file and starts the server without building.
    const kg = join(content, 'countries/kg.md');
    writeFileSync(kg, readFileSync(kg, 'utf8').replace(/^name: Kyrgyzstan$/m, 'name: Kyrgyz Republic'));
    const loaded = loadContentPrebuilt(content, own);
    expect(loaded.provenance).toBe('built: artifact stale');
    expect(loaded.content.countries.get('KG')?.name).toBe('Kyrgyz Republic');
  }, 60_000);
});

describe('npm run content:check and the artifacts (the built CLI)', () => {
  const run = (script: string, env: Record<string, string>) =>
    spawnSync(process.execPath, [join(ROOT, 'dist', script)], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });

  it('fails on a stale artifact, telling to run npm run build, and passes once rebuilt', () => {
    const content = join(dir, 'content-check');
    cpSync(loadConfig({}).CONTENT_DIR, content, { recursive: true });
    const env = { CONTENT_DIR: content, ARTIFACTS_DIR: join(dir, 'artifacts-check') };
    const missing = run('channels/cli/content/check-cli.js', env);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/content\.jsonl: missing; run npm run build/);
    expect(run('app/build-artifacts-cli.js', env).status).toBe(0);
    expect(run('channels/cli/content/check-cli.js', env).status).toBe(0);
    const kg = join(content, 'countries/kg.md');
    writeFileSync(kg, readFileSync(kg, 'utf8').replace(/^name: Kyrgyzstan$/m, 'name: Kyrgyz Republic'));
    const stale = run('channels/cli/content/check-cli.js', env);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toMatch(/content ok/);
    expect(stale.stderr).toMatch(/content\.jsonl: stale .*; run npm run build/);
    expect(run('app/build-artifacts-cli.js', env).status).toBe(0);
    expect(run('channels/cli/content/check-cli.js', env).status).toBe(0);
  }, 120_000);
});
