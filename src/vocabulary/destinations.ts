/**
 * How a destination is named and how much is known about it, shared by every layer that
 * speaks of destinations (understanding, the advisor, insights, the doors) without
 * importing the advisor.
 */
import { z } from 'zod';

/** A destination: an ISO 3166-1 alpha-2 code in capitals ("KG"). */
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/);

/**
 * How much the content base knows about a destination. assessed: a country file with
 * all six indicators; screened: a few dated, sourced facts from the world table;
 * not-assessed: nothing at all. Every answer says which.
 */
export const coverageTiers = ['assessed', 'screened', 'not-assessed'] as const;
export type CoverageTier = (typeof coverageTiers)[number];
