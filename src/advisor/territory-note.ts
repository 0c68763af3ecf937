/**
 * What the answer says when the message named a territory or region that has no
 * assessment of its own ("Crimea", "Abkhazia", "Xinjiang"): whose answer this is and
 * why, and that conditions there may differ. The understander finds the territory
 * (intents/places.yaml `territories`); the content base is keyed by ISO 3166-1 codes,
 * so it files each territory under one country.
 */
import type { Destination } from './answer.js';

/** The note for `territory`, answered as `countryName`. */
export function territoryNote(territory: string, countryName: string, contact: string): string {
  return (
    `${territory} has no assessment of its own: the content base files it under ${countryName}, so this is the answer for ${countryName}. ` +
    `Conditions there may differ from the rest of ${countryName}; ask ${contact} before you go.`
  );
}

/** `destination` with its territory note set, when the place that named it was a territory. */
export function withTerritory(destination: Destination, territory: string | undefined, contact: string): Destination {
  if (!territory) return destination;
  return { ...destination, territory: { name: territory, note: territoryNote(territory, destination.countryName, contact) } };
}
