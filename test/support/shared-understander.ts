/**
 * The understander of intents/ as start-up loads it: from src/'s prebuilt artifact, which the
 * global setup keeps fresh (it falls back to training from the files when stale, as start-up
 * does), read once per test worker. Training from the files costs 0.2–0.5 s of CPU against
 * 0.03 s to read the artifact, and with `isolate: false` the files of one worker share this
 * module. That the artifact's understander reads every eval-set message exactly as one trained
 * from the files is test/content/prebuilt-artifacts.test.ts's business; test/nlu/load-intents
 * trains from edited intents itself.
 */
import { loadUnderstanderPrebuilt } from '../../src/artifacts/understanding-artifact.js';
import { loadConfig } from '../../src/config.js';
import type { NluUnderstander } from '../../src/understand/create-understander.js';

let shared: NluUnderstander | undefined;

/** The real understander over intents/ (the package's own, INTENTS_DIR's default). */
export function sharedUnderstander(): NluUnderstander {
  if (!shared) {
    const config = loadConfig({});
    shared = loadUnderstanderPrebuilt(config.INTENTS_DIR, config.ARTIFACTS_DIR).understander;
  }
  return shared;
}
