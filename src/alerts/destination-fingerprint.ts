/**
 * The fingerprint of every destination the content base knows (all ISO codes of the
 * world table, and every country file): what a traveller would notice, computed the
 * way answers are (buildDestination, rankKeyActions), so an alert fires exactly when
 * an answer would now read differently on what matters. Pure.
 */
import { buildDestination } from '../advisor/build-destination.js';
import { rankKeyActions } from '../advisor/merge-checklists.js';
import type { ContentBase } from '../content/types.js';
import type { DestinationFingerprint } from './types.js';

/** One destination's fingerprint, and its name (for messages; not stored). */
export function fingerprintOf(content: ContentBase, code: string): { name: string; fingerprint: DestinationFingerprint } {
  const d = buildDestination(content, code, content.world.get(code)?.name ?? code);
  const keyActions = rankKeyActions(content.checklist, [d]).map((k) => k.id);
  return {
    name: d.countryName,
    fingerprint: { level: d.risk.level, label: d.risk.label, floor: d.risk.floor, tier: d.coverage, vpn: d.law.vpn.status, encryption: d.law.encryption.status, keyActions },
  };
}

/** Every code's fingerprint, by ISO code: the build's digest when it has them (a start then decodes no country's content). */
export function fingerprintContent(content: ContentBase): Record<string, DestinationFingerprint> {
  // The digest's are fingerprintEvery's, stored by the build (app/build-content-artifact.ts).
  return (content.digest?.fingerprints as Record<string, DestinationFingerprint> | undefined) ?? fingerprintEvery(content);
}

/** Every code's fingerprint, computed now (for the digest, and content loaded from the files). */
export function fingerprintEvery(content: ContentBase): Record<string, DestinationFingerprint> {
  const codes = [...new Set([...content.world.keys(), ...content.countries.keys()])].sort();
  return Object.fromEntries(codes.map((code) => [code, fingerprintOf(content, code).fingerprint]));
}

/** Country names by code, for rendering changes. */
export function countryNames(content: ContentBase): Map<string, string> {
  const names = new Map<string, string>();
  for (const [code, e] of content.world) names.set(code, e.name);
  for (const [code, name] of content.digest?.names ?? countryFileNames(content)) names.set(code, name);
  return names;
}

/** The country files' names, by code (for the digest, and content loaded from the files). */
export function countryFileNames(content: Pick<ContentBase, 'countries'>): Map<string, string> {
  return new Map([...content.countries].map(([code, c]) => [code, c.name]));
}
