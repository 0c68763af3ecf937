/**
 * A small least-recently-used cache, bounded because its keys come from users (words,
 * phrases, codes from button values a client controls). Used for parts of an answer that
 * depend on nothing but the content base and a few codes (the advisor, whose values are
 * frozen with `deepFreeze`: they are shared by every answer that uses them, and a renderer
 * that tried to change one would otherwise change them all), a shard's query-word
 * expansions (retrieval) and a gazetteer's nearest places (understanding). Each lives inside
 * the object built from one content base, so a reload starts it empty.
 */
export interface BoundedCache<V> {
  get(key: string, build: () => V): V;
}

/** Freezes `value` and everything reachable from it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** `prepare` runs once on each value built, before it is kept (the advisor passes deepFreeze). */
export function createBoundedCache<V>(max: number, prepare: (value: V) => V = (value) => value): BoundedCache<V> {
  const entries = new Map<string, V>();
  return {
    get(key, build) {
      const hit = entries.get(key);
      if (hit !== undefined) {
        // Map keeps insertion order: re-inserting marks the entry as most recently used.
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const value = prepare(build());
      entries.set(key, value);
      if (entries.size > max) entries.delete(entries.keys().next().value!);
      return value;
    },
  };
}
