/** The loaded, validated content base: what the advisor reads, never the files themselves. */
import type { ContentProblem } from '../errors.js';
import type { Section } from './markdown.js';
import type { ChecklistItemDef, CountryFront, IndicatorDef, LevelDef, Source, TopicFront } from './schema.js';
import type { HighRiskEntry, ScreeningRules, WorldEntry } from './world-schema.js';
import type { SentenceFrequencies } from './sentence-frequencies.js';

export interface Country extends CountryFront {
  /** Path relative to the content directory, e.g. "countries/kg.md". */
  file: string;
  sections: Section[];
}

export interface Topic extends TopicFront {
  file: string;
  sections: Section[];
}

export interface ChecklistItem extends ChecklistItemDef {
  category: string;
  categoryTitle: string;
  file: string;
}

/** A retrievable unit: one `## ` section of a country or topic file. */
export interface Passage {
  /** Stable id: "country:kg#notable-incidents", "topic:sorm#sorm-generations". */
  id: string;
  kind: 'country' | 'topic';
  /** ISO code for countries, topic id for topics. */
  ref: string;
  title: string;
  heading: string;
  countries: string[];
  keywords: string[];
  /** `terms`: the sentence's content words (terms.ts), computed once at content load; see sentenceTerms. */
  sentences: Array<{ text: string; sources: string[]; terms?: readonly string[] }>;
  text: string;
}

export interface ContentBase {
  dir: string;
  sources: Map<string, Source>;
  indicators: IndicatorDef[];
  levels: LevelDef[];
  countries: Map<string, Country>;
  topics: Map<string, Topic>;
  checklist: ChecklistItem[];
  /** One entry per ISO 3166-1 code (content/world/*.yaml): screened facts, or nothing known. */
  world: Map<string, WorldEntry>;
  /** The security team's high-risk list (content/high-risk.yaml), by code. */
  highRisk: Map<string, HighRiskEntry>;
  /** How screened facts set a minimum level (content/screening.yaml). */
  screening: ScreeningRules;
  passages: Passage[];
  /**
   * Where each file's passages lie in `passages`, [first, end), by owner: a country code,
   * or TOPIC_OWNER for every topic (passages-of.ts). Set by loadContent and the artifact.
   */
  owners: Map<string, [number, number]>;
  /** What start-up needs of every country, computed by the build (content-artifact.ts); absent when loaded from the files. */
  digest?: ContentDigest;
  /** Warnings found while loading (stale files, overrides); errors throw instead. */
  warnings: ContentProblem[];
}

/**
 * What start-up and every answer need of the whole content base, stored by the build so a
 * start decodes no country's content (src/app/build-content-artifact.ts computes it; a
 * content base loaded from the files computes the same on use).
 */
export interface ContentDigest {
  /**
   * Every destination's alert fingerprint, by code: alerts/'s DestinationFingerprint, kept
   * opaque here (content/ sits below the alerts; destination-fingerprint.ts reads them).
   */
  fingerprints: Record<string, object>;
  /** The country files' names, by code. */
  names: Map<string, string>;
  /** How many sentences hold each term (the extractive summarizer's weights). */
  sentences: SentenceFrequencies;
}
