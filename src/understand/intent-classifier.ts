/**
 * Intent classifier trained at start-up from intents/*.yaml: a multinomial naive
 * Bayes model over words and word pairs, where place names and dates in a message
 * are replaced by slot markers, so "travelling to Almaty next week" and "travelling
 * to Peru in May" look alike. Keywords count as several example words.
 */
import type { IntentName } from '../vocabulary/intents.js';
import type { IntentFile } from './intent-schema.js';
import { tokenize } from './normalize.js';

export interface Span {
  start: number;
  end: number;
}

export const PLACE = '__place__';
export const DATE = '__date__';

/** Words, slot markers and word pairs of a message; `places`/`dates` are spans in `text`. */
export function intentFeatures(text: string, places: Span[], dates: Span[]): string[] {
  const marks = [...places.map((s) => ({ ...s, word: PLACE })), ...dates.map((s) => ({ ...s, word: DATE }))].sort((a, b) => a.start - b.start);
  const words: string[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue;
    for (const t of tokenize(text.slice(at, m.start))) words.push(t.key);
    if (words[words.length - 1] !== m.word) words.push(m.word);
    at = m.end;
  }
  for (const t of tokenize(text.slice(at))) words.push(t.key);
  const features = [...words];
  if (words.length) features.push(`^ ${words[0]}`);
  for (let i = 1; i < words.length; i++) features.push(`${words[i - 1]} ${words[i]}`);
  if (text.includes('?')) features.push('?');
  return features;
}

export interface IntentScore {
  intent: IntentName;
  confidence: number;
}

export interface IntentClassifier {
  classify(features: string[]): IntentScore;
  /** Known features, for diagnostics. */
  readonly vocabulary: number;
}

export interface TrainingOptions {
  /** How many example words one keyword is worth (default 3). */
  keywordWeight?: number;
  /** Additive smoothing (default 0.5). */
  alpha?: number;
}

/** `featuresOf` turns an example into features the same way messages are (places and dates marked). */
export function trainIntentClassifier(
  intents: IntentFile[],
  featuresOf: (example: string) => string[],
  options: TrainingOptions = {},
): TrainedClassifier {
  const keywordWeight = options.keywordWeight ?? 3;
  const alpha = options.alpha ?? 0.5;
  const counts = new Map<IntentName, Map<string, number>>();
  const totals = new Map<IntentName, number>();
  const vocabulary = new Set<string>();
  const bump = (intent: IntentName, f: string, by: number) => {
    const c = counts.get(intent)!;
    c.set(f, (c.get(f) ?? 0) + by);
    totals.set(intent, (totals.get(intent) ?? 0) + by);
    vocabulary.add(f);
  };
  for (const intent of intents) {
    counts.set(intent.name, new Map());
    totals.set(intent.name, 0);
    for (const ex of intent.examples) for (const f of featuresOf(ex)) bump(intent.name, f, 1);
    for (const kw of intent.keywords) {
      const words = tokenize(kw).map((t) => t.key);
      words.forEach((w, i) => {
        bump(intent.name, w, keywordWeight);
        if (i > 0) bump(intent.name, `${words[i - 1]} ${w}`, keywordWeight);
      });
    }
  }
  const V = vocabulary.size;
  const names = [...counts.keys()];
  // log P(feature | intent), precomputed: classifying is then additions only.
  const logProb: IntentModel['logProb'] = [];
  for (const f of vocabulary)
    logProb.push([f, names.map((n) => Math.log((counts.get(n)!.get(f) ?? 0) + alpha) - Math.log(totals.get(n)! + alpha * V))]);
  return classifierFromModel({ names, logProb });
}

/**
 * A trained model as plain data: what `npm run build` stores (src/artifacts/) so a start
 * skips training. Numbers survive JSON exactly, so the stored model classifies exactly as
 * the freshly trained one.
 */
export interface IntentModel {
  names: IntentName[];
  /** Feature → log P(feature | intent), one number per name. */
  logProb: Array<[string, number[]]>;
}

/** A classifier with the model it classifies by, for storing. */
export type TrainedClassifier = IntentClassifier & { readonly model: IntentModel };

/** The classifier of a trained model. */
export function classifierFromModel(model: IntentModel): TrainedClassifier {
  const { names } = model;
  const logProb = new Map(model.logProb.map(([f, lp]) => [f, Float64Array.from(lp)]));
  const V = logProb.size;
  return {
    model,
    vocabulary: V,
    classify(features) {
      const scores = new Float64Array(names.length);
      let known = 0;
      for (const f of features) {
        const lp = logProb.get(f);
        if (!lp) continue;
        known++;
        for (let k = 0; k < scores.length; k++) scores[k]! += lp[k]!;
      }
      if (!known) return { intent: 'none', confidence: 0 };
      let best = 0;
      for (let k = 1; k < scores.length; k++) if (scores[k]! > scores[best]!) best = k;
      let sum = 0;
      for (let k = 0; k < scores.length; k++) sum += Math.exp(scores[k]! - scores[best]!);
      return { intent: names[best]!, confidence: Math.round((1 / sum) * 1000) / 1000 };
    },
  };
}
