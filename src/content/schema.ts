/**
 * The shape of everything under content/. Security teams edit these files by pull
 * request; these schemas are what `content:check` and start-up hold them to.
 * MUST stay in sync with content/README.md (the authors' guide).
 */
import { z } from 'zod';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case id of letters, digits and hyphens (e.g. "rf-2025")');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');
const sourceIds = z.array(id).min(1, 'at least one source id from content/sources.yaml');
/** When a fact was published or true: YYYY, YYYY-MM or YYYY-MM-DD (never guessed). */
export const factDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date written YYYY, YYYY-MM or YYYY-MM-DD');

/**
 * Who drafted a file and who reviewed it. A file without `reviewed` is a draft and is
 * shown as one: only a named person (not a team) can approve it.
 */
export const provenanceSchema = {
  owner: z.string().min(1),
  drafted: z.strictObject({ date: isoDate, by: z.string().min(1) }),
  reviewed: z
    .strictObject({
      date: isoDate,
      by: z
        .string()
        .min(2)
        .refine((v) => !v.includes('/') && !/team$/i.test(v), 'a named person (e.g. "@jdoe" or "Jane Doe"), not a team'),
    })
    .optional(),
};

export const sourceSchema = z.strictObject({
  id,
  title: z.string().min(1),
  publisher: z.string().min(1),
  /** Publication date: YYYY, YYYY-MM or YYYY-MM-DD, or "n.d." when the page shows none (never guess one). */
  date: z.string().regex(/^(\d{4}(-\d{2}(-\d{2})?)?|n\.d\.)$/, 'YYYY, YYYY-MM, YYYY-MM-DD or "n.d." (no date shown)'),
  url: z.url({ message: 'a full http(s) URL' }),
  note: z.string().optional(),
});
export const sourcesFileSchema = z.strictObject({ sources: z.array(sourceSchema).min(1) });
export type Source = z.infer<typeof sourceSchema>;

export const riskLabels = ['baseline', 'elevated', 'high', 'severe'] as const;
export type RiskLabel = (typeof riskLabels)[number];

export const levelSchema = z.strictObject({
  level: z.number().int().min(1).max(4),
  label: z.enum(riskLabels),
  /** Lowest score that reaches this level. */
  min_score: z.number().min(0),
  /** What the level means for a traveller, in plain words. */
  meaning: z.string().min(1),
});
export const indicatorDefSchema = z.strictObject({
  id,
  name: z.string().min(1),
  description: z.string().min(1),
  weight: z.number().positive(),
});
export const indicatorsFileSchema = z.strictObject({
  indicators: z.array(indicatorDefSchema).min(1),
  levels: z.array(levelSchema).length(4, 'exactly four levels: baseline, elevated, high, severe'),
});
export type IndicatorDef = z.infer<typeof indicatorDefSchema>;
export type LevelDef = z.infer<typeof levelSchema>;

export const indicatorStatuses = ['present', 'absent', 'unknown'] as const;
export type IndicatorStatus = (typeof indicatorStatuses)[number];
export const lawStatuses = ['allowed', 'restricted', 'banned', 'unknown'] as const;
export type LawStatus = (typeof lawStatuses)[number];

export const countryIndicatorSchema = z.strictObject({
  status: z.enum(indicatorStatuses),
  evidence: z.string().min(1),
  /** Required unless the status is unknown. */
  sources: z.array(id).default([]),
});
const lawSchema = z.strictObject({
  status: z.enum(lawStatuses),
  note: z.string().min(1),
  sources: z.array(id).default([]),
});

/** YAML front matter of content/countries/<cc>.md */
export const countryFrontSchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in capitals (e.g. "KG")'),
  name: z.string().min(1),
  ...provenanceSchema,
  /** One entry per indicator id of content/indicators.yaml; every indicator must be listed. */
  indicators: z.record(id, countryIndicatorSchema),
  law: z.strictObject({ vpn: lawSchema, encryption: lawSchema }),
  /** Overrides the computed level; content:check reports every override. */
  level_override: z
    .strictObject({ level: z.number().int().min(1).max(4), rationale: z.string().min(20), sources: sourceIds })
    .optional(),
});
export type CountryFront = z.infer<typeof countryFrontSchema>;

/** YAML front matter of content/topics/<id>.md */
export const topicFrontSchema = z.strictObject({
  id,
  title: z.string().min(1),
  /** Words people use for the topic ("SORM", "lawful interception"), for retrieval and intent. */
  keywords: z.array(z.string().min(1)).default([]),
  /** Countries the topic concerns, as ISO codes. */
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).default([]),
  ...provenanceSchema,
});
export type TopicFront = z.infer<typeof topicFrontSchema>;

export const phases = ['before', 'during', 'after'] as const;
export type Phase = (typeof phases)[number];

export const conditionSchema = z.strictObject({
  /** Lowest risk level the item applies to (default 1: everyone). */
  min_level: z.number().int().min(1).max(4).default(1),
  max_level: z.number().int().min(1).max(4).default(4),
  /** Only where the country's VPN law status is one of these. */
  vpn: z.array(z.enum(lawStatuses)).optional(),
  /** Only where the country's encryption law status is one of these. */
  encryption: z.array(z.enum(lawStatuses)).optional(),
  /** Only where this indicator is present (e.g. encryption_restrictions). */
  indicator: id.optional(),
});
export type Condition = z.infer<typeof conditionSchema>;

/**
 * One checklist item. Its `priority` says how urgent it is, 1 (do first) to 4 (good
 * habit), and ranks the answer's key actions. MUST stay in sync with the scale in
 * content/README.md ("Priority").
 */
export const checklistItemSchema = z.strictObject({
  id,
  phase: z.enum(phases),
  /** 1 do first, 2 protects accounts, data and devices directly, 3 lowers exposure, 4 good habit (content/README.md). */
  priority: z
    .number({ error: 'a priority from 1 (do first) to 4 (good habit); see "Priority" in content/README.md' })
    .int('a whole number from 1 (do first) to 4 (good habit)')
    .min(1, 'a priority from 1 (do first) to 4 (good habit)')
    .max(4, 'a priority from 1 (do first) to 4 (good habit)'),
  text: z.string().min(1),
  sources: sourceIds,
  when: conditionSchema.default({ min_level: 1, max_level: 4 }),
});
export const checklistFileSchema = z.strictObject({
  category: id,
  title: z.string().min(1),
  items: z.array(checklistItemSchema).min(1),
});
export type ChecklistItemDef = z.infer<typeof checklistItemSchema>;
