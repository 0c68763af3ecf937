/**
 * The format of intents/*.yaml (one file per intent) and intents/places.yaml
 * (place names and context words the data packages lack). MUST stay in sync with
 * docs/nlu.md "The intents/ folder".
 */
import { z } from 'zod';
import { intentNames } from '../vocabulary/intents.js';

export const slotNames = ['destinations', 'dates'] as const;

const phrase = z.string().trim().min(1, 'a non-empty phrase');

export const intentFileSchema = z.strictObject({
  name: z.enum(intentNames),
  description: z.string().trim().min(10, 'a sentence saying when a message has this intent'),
  /** What the advisor reads from a message with this intent. */
  slots: z.array(z.enum(slotNames)).default([]),
  /** Messages people really write; place names and dates in them are generalised when training. */
  examples: z.array(phrase).min(3, 'at least 3 examples'),
  /** Words that are strong evidence for this intent (counted more than a word in an example). */
  keywords: z.array(phrase).default([]),
});
export type IntentFile = z.infer<typeof intentFileSchema>;

const codeKey = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in capitals, e.g. KG');
const nameList = z.record(codeKey, z.array(phrase).min(1));

export const placesFileSchema = z.strictObject({
  /** Other names of countries: former names, exonyms, languages the packages lack. */
  countries: nameList.default({}),
  /** Cities the city package lacks or spells differently (Alma-Ata, Astana, Cyrillic names). */
  cities: nameList.default({}),
  /** People and adjectives: "Kazakh", "Kyrgyz" (the packages have only "Kazakhstani", "Kirghiz"). */
  demonyms: nameList.default({}),
  /**
   * Territories and regions with no assessment of their own, under the country the content
   * base files them (ISO 3166-1; ISO 3166-2 lists Crimea as UA-43): code → territory name →
   * other names and its cities. The answer is that country's, and says so.
   */
  territories: z.record(codeKey, z.record(phrase, z.array(phrase))).default({}),
  /** Names that are also people or words ("Jordan", "Chad", "turkey"): a place only with a cue. */
  ambiguous: z.array(phrase).default([]),
  /** Words just before an ambiguous name that make it a place ("to Jordan", "in Georgia"). */
  cues: z.array(phrase).default([]),
  /** Words between places in a list ("Almaty and Bishkek", "Almaty then Bishkek"). */
  connectors: z.array(phrase).default([]),
});
export type PlacesFile = z.infer<typeof placesFileSchema>;
