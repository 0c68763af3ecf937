/**
 * The Answer: the one contract between the core and every door (Slack, Teams, web,
 * CLI, HTTP API). Other tools read its JSON, so field names are stable; add fields,
 * never rename. MUST stay in sync with the "JSON Answer" section of README.md.
 */
import { z } from 'zod';
import { indicatorStatuses, lawStatuses, phases, riskLabels } from '../content/schema.js';

export const intentNames = ['trip', 'country', 'topic', 'help', 'none', 'remind', 'acknowledge'] as const;
export type IntentName = (typeof intentNames)[number];

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

export const destinationSchema = z.object({
  countryCode: z.string().regex(/^[A-Z]{2}$/),
  countryName: z.string(),
  covered: z.boolean(),
  risk: z.object({
    level: z.number().int().min(1).max(4),
    label: z.enum(riskLabels),
    score: z.number(),
    /** The level in plain words, from content/indicators.yaml. */
    meaning: z.string(),
    /** Set when the content file overrides the computed level. */
    override: z.object({ computedLevel: z.number().int(), rationale: z.string() }).nullable(),
  }),
  indicators: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: z.enum(indicatorStatuses),
      evidence: z.string(),
      sources: z.array(z.string()),
    }),
  ),
  /** VPN and encryption legal status; unknown for countries without a content file. */
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
  lastReviewed: z.string().nullable(),
  /** Plain statement for a country the content base does not cover. */
  notice: z.string().nullable(),
});
export type Destination = z.infer<typeof destinationSchema>;

export const tripSchema = z.object({
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  /** The words the dates came from, e.g. "1-10 Dec". */
  said: z.string().nullable().default(null),
  /** True where a date was inferred rather than said (e.g. "next week" → its Monday). */
  startInferred: z.boolean().default(false),
  endInferred: z.boolean().default(false),
});
export type Trip = z.infer<typeof tripSchema>;

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

export const answerSchema = z.object({
  intent: z.enum(intentNames),
  destinations: z.array(destinationSchema),
  trip: tripSchema.nullable(),
  summary: summarySchema.nullable(),
  /** Low-confidence place matches offered back as "Did you mean …?". */
  suggestions: z.array(z.object({ countryCode: z.string(), countryName: z.string(), confidence: z.number() })),
  /** A short message for the user when there is no destination to show (help, none, not covered). */
  message: z.string().nullable(),
  sources: z.array(sourceRefSchema),
});
export type Answer = z.infer<typeof answerSchema>;
