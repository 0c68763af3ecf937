/**
 * A small least-recently-used cache for parts of an answer that depend on nothing but the
 * content base and a few codes (a destination's level, indicators and checklist; a trip's
 * merged checklist). It lives inside one advisor, and a content reload builds a new advisor,
 * so the content version is part of every key by construction. Bounded because codes can
 * arrive from button values a client controls. Values are frozen: they are shared by every
 * answer that uses them, and a renderer that tried to change one would otherwise change them all.
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

export function createBoundedCache<V>(max: number): BoundedCache<V> {
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
      const value = deepFreeze(build());
      entries.set(key, value);
      if (entries.size > max) entries.delete(entries.keys().next().value!);
      return value;
    },
  };
}
