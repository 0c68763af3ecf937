/**
 * The understander: typed emphasis removed (each door has already removed its own syntax), destinations found in order, dates
 * read, intent classified from intents/*.yaml. Built once at start-up (gazetteer,
 * classifier); each call is then pure and fast (well under a millisecond).
 */
import type { IntentName } from '../vocabulary/intents.js';
import type { Understander, Understanding } from './types.js';
import type { IntentSet } from './load-intents.js';
import { loadIntents } from './load-intents.js';
import { buildGazetteer, type Gazetteer, type GazetteerOptions } from './gazetteer/build-gazetteer.js';
import { defaultPlaceThresholds, findPlaces, type FoundPlace, type PlaceThresholds } from './find-places.js';
import { createDateReader } from './read-dates.js';
import { intentFeatures, trainIntentClassifier, type TrainedClassifier } from './intent-classifier.js';
import { plainText } from './plain-text.js';
import { nameKey, tokenize } from './normalize.js';

export interface UnderstanderOptions extends GazetteerOptions {
  intents: IntentSet;
  /** Reuse a gazetteer already built (tests, benchmarks). */
  gazetteer?: Gazetteer;
  thresholds?: PlaceThresholds;
  /** A classifier already trained on `intents` (the build's artifact, src/artifacts/); trained here when absent. */
  classifier?: TrainedClassifier;
}

/** The understander, with what a build stores of it (src/artifacts/understanding-artifact.ts). */
export interface NluUnderstanderParts {
  readonly intents: IntentSet;
  readonly classifier: TrainedClassifier;
}

/** The Understander, with its gazetteer exposed for diagnostics and benchmarks. */
export interface NluUnderstander extends Understander, NluUnderstanderParts {
  readonly gazetteer: Gazetteer;
}

/** Fixed "now" for turning examples into features; examples have no trip of their own. */
const TRAINING_CONTEXT = { now: new Date('2026-01-05T12:00:00Z'), timeZone: 'UTC' };

/**
 * Structural rules the examples cannot express: intents that need a place, places that
 * imply one. A topic is general ("what is SORM?"), so a device or VPN question that names
 * a place is about that place ("is it safe to take my laptop to Minsk?"), or that trip.
 */
function settle(intent: IntentName, hasPlaces: boolean, hasDates: boolean, saysDone: boolean, asksReminder: boolean): IntentName {
  // A reminder plans a trip and writes it: only on words that ask for one ("remind me",
  // "reminder", "nudge me" in intents/remind.yaml), never on a guess such as "reach me at …
  // during the Astana trip", which is a trip question.
  if (intent === 'remind' && !asksReminder) return settle('none', hasPlaces, hasDates, false, false);
  // "I've done the checklist" names no place and says it is done; "I need the checklist for
  // Kyrgyzstan" asks for advice, and "show me the checklist" is no acknowledgement either.
  if (intent === 'acknowledge' && hasPlaces) return hasDates ? 'trip' : 'country';
  if (intent === 'acknowledge' && !saysDone) return 'none';
  if ((intent === 'trip' || intent === 'country') && !hasPlaces) return 'none';
  if ((intent === 'none' || intent === 'help' || intent === 'topic') && hasPlaces) return hasDates ? 'trip' : 'country';
  if (intent === 'country' && hasDates) return 'trip';
  return intent;
}

/** How sure the classifier must be of an acknowledgement that uses none of its keywords ("I have wiped my laptop"). */
const ACKNOWLEDGE_WITHOUT_KEYWORD = 0.9;

/** The intents whose keywords settle() reads: a reminder asks for one, an acknowledgement may say it. */
type KeywordIntent = 'remind' | 'acknowledge';

/** Each keyword intent's keywords, folded once at start-up and padded for whole-word matching. */
function foldKeywords(set: IntentSet, intent: KeywordIntent): string[] {
  return (set.intents.find((i) => i.name === intent)?.keywords ?? []).map((k) => ` ${nameKey(k)} `);
}

/** True when the folded, padded words (` a b c `) hold one of the folded keywords. */
const hasKeyword = (words: string, keywords: readonly string[]): boolean => keywords.some((k) => words.includes(k));

/** How sure the classifier must be that a doubtful name is asked about as a place. */
const DOUBTFUL_PLACE_CONFIDENCE = 0.9;

function uniqueByCode(list: FoundPlace[]): FoundPlace[] {
  const seen = new Set<string>();
  return list.filter((p) => !seen.has(p.countryCode) && (seen.add(p.countryCode), true));
}

const plain = ({ start: _s, end: _e, ...match }: FoundPlace) => match;

/** Builds the gazetteer and trains the classifier; the returned understander is then pure. */
export function createUnderstander(options: UnderstanderOptions): NluUnderstander {
  const gazetteer = options.gazetteer ?? buildGazetteer(options.intents.places, options);
  const thresholds = options.thresholds ?? defaultPlaceThresholds;
  const readDates = createDateReader();
  const keywords: Record<KeywordIntent, string[]> = { remind: foldKeywords(options.intents, 'remind'), acknowledge: foldKeywords(options.intents, 'acknowledge') };
  const classifier =
    options.classifier ??
    trainIntentClassifier(options.intents.intents, (example) => {
      const text = plainText(example);
      const dates = readDates(text, TRAINING_CONTEXT).spans;
      return intentFeatures(text, findPlaces(text, gazetteer, thresholds, dates).spans, dates);
    });

  return {
    gazetteer,
    intents: options.intents,
    classifier,
    understand(raw, ctx): Understanding {
      const text = plainText(raw);
      const dates = readDates(text, ctx);
      const found = findPlaces(text, gazetteer, thresholds, dates.spans);
      let places = found.places;
      let scored = classifier.classify(intentFeatures(text, found.spans, dates.spans));
      if (found.doubtful.length) {
        // "Is Georgia safe?": read as a place, does the message become a clear question about it?
        const asPlace = classifier.classify(intentFeatures(text, [...found.spans, ...found.doubtful], dates.spans));
        if ((asPlace.intent === 'country' || asPlace.intent === 'trip') && asPlace.confidence >= DOUBTFUL_PLACE_CONFIDENCE) {
          places = uniqueByCode([...places, ...found.doubtful].sort((a, b) => a.start - b.start));
          scored = asPlace;
        }
      }
      // Keywords matter only to the two intents settle() checks them for; the text is folded once, and only then.
      const words = scored.intent === 'remind' || scored.intent === 'acknowledge' ? ` ${tokenize(text).map((t) => t.key).join(' ')} ` : '';
      const saysDone = scored.intent === 'acknowledge' && (scored.confidence >= ACKNOWLEDGE_WITHOUT_KEYWORD || hasKeyword(words, keywords.acknowledge));
      const asksReminder = scored.intent === 'remind' && hasKeyword(words, keywords.remind);
      return {
        intent: settle(scored.intent, places.length > 0, dates.trip !== null, saysDone, asksReminder),
        intentConfidence: scored.confidence,
        places: places.map(plain),
        suggestions: found.suggestions.map(plain),
        trip: dates.trip,
        text,
      };
    },
  };
}

/** Loads intents/ (throws ContentError on a bad file) and builds the understander. */
export function loadUnderstander(intentsDir: string, options: GazetteerOptions = {}): NluUnderstander {
  return createUnderstander({ ...options, intents: loadIntents(intentsDir) });
}
