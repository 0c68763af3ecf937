/**
 * The Answer: the one contract between the core and every door (Slack, Teams, web,
 * CLI, HTTP API). Other tools read its JSON, so field names are stable; add fields,
 * never rename. MUST stay in sync with the "JSON Answer" section of README.md.
 */
import { z } from 'zod';
import { indicatorStatuses, lawStatuses, phases, riskLabels } from '../content/schema.js';
import { coverageTiers, countryCodeSchema } from '../vocabulary/destinations.js';
import { intentNames } from '../vocabulary/intents.js';
import { tripSchema } from '../vocabulary/trip.js';

// The Answer speaks the shared vocabulary (src/vocabulary/): re-exported so a door reads
// the whole contract from this one file, while layers below the advisor import it directly.
export { coverageTiers, type CoverageTier } from '../vocabulary/destinations.js';
export { intentNames, type IntentName } from '../vocabulary/intents.js';
export { tripSchema, type Trip } from '../vocabulary/trip.js';

export const sourceRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string(),
  date: z.string(),
  url: z.string(),
});

export const lawRefSchema = z.object({
  status: z.enum(lawStatuses),
  note: z.string(),
  sources: z.array(z.string()),
});

/** One fact (or rule) a level rests on, with its sources: the "why" of every level. */
export const basisItemSchema = z.object({
  /** indicators: the computed score; screening: a rule of content/screening.yaml that fired; override: the security team's level; baseline/default/not-assessed: why a screened or unknown country sits where it does. */
  kind: z.enum(['indicators', 'screening', 'override', 'baseline', 'default', 'not-assessed']),
  text: z.string(),
  sources: z.array(z.string()),
  /** The newest date among the facts it rests on (YYYY, YYYY-MM or YYYY-MM-DD), when known. */
  date: z.string().nullable(),
  /** The level this item supports (a rule's minimum, the computed level …). */
  level: z.number().int().min(1).max(4).nullable(),
});
export type BasisItem = z.infer<typeof basisItemSchema>;

export const destinationSchema = z.object({
  countryCode: countryCodeSchema,
  countryName: z.string(),
  /** True when a country file assessed the destination (coverage "assessed"). */
  covered: z.boolean(),
  coverage: z.enum(coverageTiers),
  risk: z.object({
    level: z.number().int().min(1).max(4),
    label: z.enum(riskLabels),
    score: z.number(),
    /** The level in plain words, from content/indicators.yaml or content/screening.yaml. */
    meaning: z.string(),
    /** Set when the content file overrides the level. */
    override: z.object({ computedLevel: z.number().int(), rationale: z.string() }).nullable(),
    /** True when the real level may be higher: indicators still unknown, or only screened ("at least high"). */
    floor: z.boolean(),
    /** The facts that set the level, each with its sources, highest level first. */
    basis: z.array(basisItemSchema),
  }),
  /** The official travel advisory: general safety, not surveillance; context only, unless a screening rule uses it. */
  advisory: z
    .object({ level: z.number().int().min(1).max(4), title: z.string(), date: z.string(), reasons: z.string(), url: z.string() })
    .nullable(),
  /** Who drafted and who reviewed the country file; null when there is none. A draft is shown as a draft. */
  review: z
    .object({
      status: z.enum(['draft', 'reviewed']),
      drafted: z.object({ date: z.string(), by: z.string() }),
      reviewed: z.object({ date: z.string(), by: z.string() }).nullable(),
    })
    .nullable(),
  indicators: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: z.enum(indicatorStatuses),
      evidence: z.string(),
      sources: z.array(z.string()),
    }),
  ),
  /** VPN and encryption legal status; unknown where nothing is known. */
  law: z.object({ vpn: lawRefSchema, encryption: lawRefSchema }),
  checklist: z.array(
    z.object({
      id: z.string(),
      category: z.string(),
      categoryTitle: z.string(),
      phase: z.enum(phases),
      text: z.string(),
      sources: z.array(z.string()),
    }),
  ),
  /** Date a named reviewer last approved the country file; null for drafts and uncovered countries. */
  lastReviewed: z.string().nullable(),
  /** Plain statement of the coverage tier for a screened or not-assessed destination. */
  notice: z.string().nullable(),
  /**
   * Set when the message named a territory or region with no assessment of its own
   * ("Crimea"): this is the answer for the country the content base files it under, and
   * `note` says so in words (also at the head of the answer's `message`).
   */
  territory: z.object({ name: z.string(), note: z.string() }).nullable().default(null),
});
export type Destination = z.infer<typeof destinationSchema>;

export const citationSchema = z.object({ id: z.string(), title: z.string(), url: z.string() });
export const summarySchema = z.object({
  text: z.string(),
  method: z.enum(['extractive', 'llm']),
  /** Numbered in order: sentence citations refer to positions 1..n of this list. */
  citations: z.array(citationSchema),
  sentences: z.array(
    z.object({
      text: z.string(),
      /** 1-based numbers into `citations`. */
      citations: z.array(z.number().int().min(1)),
      /** Passage ids the sentence rests on. */
      passages: z.array(z.string()),
    }),
  ),
});
export type Summary = z.infer<typeof summarySchema>;

/**
 * One checklist item for the whole trip: merged across destinations, it names the ones
 * it is for. An item for only some of them says so ("only for Kazakhstan"); a VPN item
 * is never listed for a destination whose VPN law it would break.
 */
export const tripItemSchema = z.object({
  id: z.string(),
  category: z.string(),
  categoryTitle: z.string(),
  phase: z.enum(phases),
  /** 1 do first … 4 good habit, from content (content/README.md "Priority"). */
  priority: z.number().int().min(1).max(4),
  text: z.string(),
  sources: z.array(z.string()),
  /** ISO codes of the trip's destinations the item applies to, in the trip's order. */
  destinations: z.array(countryCodeSchema),
});
export type TripItem = z.infer<typeof tripItemSchema>;

/** At most this many key actions lead an answer (the first screen). */
export const MAX_KEY_ACTIONS = 5;

export const answerSchema = z.object({
  intent: z.enum(intentNames),
  destinations: z.array(destinationSchema),
  /**
   * What to do first: at most five items of `checklist`, ranked by priority, then
   * level-relevance. Defaults to empty so answers stored before it existed still parse.
   */
  keyActions: z.array(tripItemSchema).max(MAX_KEY_ACTIONS).default([]),
  /** The trip's one merged checklist, by phase (before, during, after), then content order. */
  checklist: z.array(tripItemSchema).default([]),
  trip: tripSchema.nullable(),
  summary: summarySchema.nullable(),
  /** Low-confidence place matches offered back as "Did you mean …?". */
  suggestions: z.array(z.object({ countryCode: z.string(), countryName: z.string(), confidence: z.number() })),
  /** A short message for the user when there is no destination to show (help, none, not covered). */
  message: z.string().nullable(),
  sources: z.array(sourceRefSchema),
});
export type Answer = z.infer<typeof answerSchema>;
