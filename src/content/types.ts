/** The loaded, validated content base: what the advisor reads, never the files themselves. */
import type { ContentProblem } from '../errors.js';
import type { Section } from './markdown.js';
import type { ChecklistItemDef, CountryFront, IndicatorDef, LevelDef, Source, TopicFront } from './schema.js';
import type { HighRiskEntry, ScreeningRules, WorldEntry } from './world-schema.js';

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
  /** Warnings found while loading (stale files, overrides); errors throw instead. */
  warnings: ContentProblem[];
}
