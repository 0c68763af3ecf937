/**
 * The world table, the screening rules and the security team's high-risk list: what
 * the advisor knows about every ISO 3166-1 country that has no country file. A fact
 * that is not known is left out (never written as a guess); every fact that is
 * written carries its sources and a date. MUST stay in sync with content/README.md
 * ("World coverage") and docs/content.md.
 */
import { z } from 'zod';
import { factDate, lawStatuses } from './schema.js';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case id of letters, digits and hyphens');
const sourceIds = z.array(id).min(1, 'at least one source id from content/sources.yaml');
const code = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in capitals (e.g. "KG")');

export const fotnStatuses = ['free', 'partly-free', 'not-free'] as const;
export type FotnStatus = (typeof fotnStatuses)[number];
export const deploymentKinds = ['interception', 'safe-city', 'spyware'] as const;
export type DeploymentKind = (typeof deploymentKinds)[number];
/** Known law statuses: "unknown" is written by leaving the field out. */
const knownLawStatuses = lawStatuses.filter((s) => s !== 'unknown') as ['allowed', 'restricted', 'banned'];

/** The official travel advisory, written by `content:import-advisories`; not edited by hand. */
export const advisorySchema = z.strictObject({
  level: z.number().int().min(1).max(4),
  title: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD'),
  /** The words after "due to" in the advisory, or "" when it gives none. */
  reasons: z.string(),
  url: z.url(),
  /** The feed's own country tag the entry came from (State Department codes, mostly FIPS 10-4). */
  tag: z.string().min(1),
  sources: sourceIds,
});
export type Advisory = z.infer<typeof advisorySchema>;

export const fotnSchema = z.strictObject({
  status: z.enum(fotnStatuses),
  score: z.number().int().min(0).max(100),
  /** The edition, e.g. 2025. */
  year: z.number().int().min(2009).max(2100),
  date: factDate,
  sources: sourceIds,
});

export const lawFactSchema = z.strictObject({
  status: z.enum(knownLawStatuses),
  note: z.string().min(1),
  date: factDate,
  sources: sourceIds,
});

export const deploymentSchema = z.strictObject({
  kind: z.enum(deploymentKinds),
  note: z.string().min(1),
  date: factDate,
  sources: sourceIds,
});

export const worldEntrySchema = z.strictObject({
  code,
  name: z.string().min(1),
  advisory: advisorySchema.optional(),
  fotn: fotnSchema.optional(),
  vpn: lawFactSchema.optional(),
  encryption: lawFactSchema.optional(),
  deployments: z.array(deploymentSchema).optional(),
});
export type WorldEntry = z.infer<typeof worldEntrySchema>;

/** content/world/<region>.yaml */
export const worldFileSchema = z.strictObject({
  region: z.string().min(1),
  countries: z.array(worldEntrySchema),
});

/** content/high-risk.yaml: the security team's own list, a rationale per country. */
export const highRiskFileSchema = z.strictObject({
  owner: z.string().min(1),
  countries: z.array(
    z.strictObject({
      code,
      rationale: z.string().min(20, 'a rationale of at least 20 characters'),
      date: factDate,
      sources: sourceIds,
    }),
  ),
});
export type HighRiskEntry = z.infer<typeof highRiskFileSchema>['countries'][number];

/** What a screening rule looks at; every condition given must hold. */
export const screeningConditionSchema = z
  .strictObject({
    fotn: z.array(z.enum(fotnStatuses)).min(1).optional(),
    /** true: rated by Freedom on the Net (any status); false: not rated. */
    fotn_rated: z.boolean().optional(),
    vpn: z.array(z.enum(knownLawStatuses)).min(1).optional(),
    encryption: z.array(z.enum(knownLawStatuses)).min(1).optional(),
    high_risk: z.literal(true).optional(),
    advisory_level: z.array(z.number().int().min(1).max(4)).min(1).optional(),
    /** A case-insensitive regular expression matched against the advisory's reasons. */
    advisory_reason: z
      .string()
      .min(1)
      .refine((r) => {
        try {
          new RegExp(r, 'i');
          return true;
        } catch {
          return false;
        }
      }, 'a valid regular expression')
      .optional(),
    deployment: z.array(z.enum(deploymentKinds)).min(1).optional(),
  })
  .refine((c) => Object.keys(c).length > 0, 'at least one condition');
export type ScreeningCondition = z.infer<typeof screeningConditionSchema>;

const levelNumber = z.number().int().min(1).max(4);

/** content/screening.yaml */
export const screeningFileSchema = z.strictObject({
  rules: z
    .array(
      z.strictObject({
        id,
        /** The level this rule guarantees at least. */
        min_level: levelNumber,
        when: screeningConditionSchema,
        /** Shown as the basis of the level, followed by the fact and its sources. */
        reason: z.string().min(1),
      }),
    )
    .min(1),
  /** A screened country that no rule raises and that does not meet `baseline`. */
  default: z.strictObject({ level: levelNumber, reason: z.string().min(1), meaning: z.string().min(1) }),
  /** When a screened country may be shown at level 1: every condition must hold and no rule fire. */
  baseline: z.strictObject({ when: screeningConditionSchema, reason: z.string().min(1) }),
  /** A country with nothing known: treated as this level, shown as not assessed. */
  not_assessed: z.strictObject({ level: levelNumber, meaning: z.string().min(1) }),
});
export type ScreeningRules = z.infer<typeof screeningFileSchema>;
export type ScreeningRule = ScreeningRules['rules'][number];
