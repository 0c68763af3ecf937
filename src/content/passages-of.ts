/**
 * Passages by owner: one country file's, or every topic's. They lie together in the
 * content base's `passages` (load-content.ts makes them country by country, then the
 * topics), so a question about one country reads only its own and the topics' and,
 * with a content base read in parts (src/artifacts/content-parts.ts), decodes no other
 * country's content.
 */
import type { ContentBase, Passage } from './types.js';

/** The owner key of every topic passage; a country's passages are owned by its ISO code. */
export const TOPIC_OWNER = 'topics';

export const ownerOf = (p: Pick<Passage, 'kind' | 'ref'>): string => (p.kind === 'country' ? p.ref : TOPIC_OWNER);

/** Where each owner's passages lie, [first, end): they must lie together, as load-content.ts makes them. */
export function passageOwners(passages: readonly Passage[]): Map<string, [number, number]> {
  const owners = new Map<string, [number, number]>();
  passages.forEach((p, i) => {
    const key = ownerOf(p);
    const range = owners.get(key);
    if (!range) owners.set(key, [i, i + 1]);
    else if (range[1] === i) range[1] = i + 1;
    else throw new Error(`passages of ${key} do not lie together (at ${i})`);
  });
  return owners;
}

/** The passages of `owner` (a country code or TOPIC_OWNER), in content order; none for an unknown owner. */
export function passagesOf(content: Pick<ContentBase, 'passages' | 'owners'>, owner: string): Passage[] {
  const range = content.owners.get(owner);
  return range ? content.passages.slice(range[0], range[1]) : [];
}
