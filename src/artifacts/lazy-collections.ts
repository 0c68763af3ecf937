/**
 * The two collections a content base read in parts is made of (content-artifact.ts): a Map
 * and an array whose values are decoded on first use. They behave as the Map and array
 * loadContent makes (test/content/prebuilt-artifacts.test.ts compares them whole); only
 * the cost moves: `get(code)` or `passages[i]` decodes one country's part, while
 * iterating every value decodes every part, once.
 */

const NOT_YET = Symbol('not decoded yet');

/** A Map whose keys are known at once and whose values are decoded by `load` on first use; `has`, `size` and `keys()` decode nothing. */
export class LazyMap<K, V> extends Map<K, V> {
  readonly #load: (key: K) => V;

  constructor(keys: Iterable<K>, load: (key: K) => V) {
    super();
    this.#load = load;
    // Every key now, in order: a value decoded later keeps its key's place.
    for (const key of keys) super.set(key, NOT_YET as V);
  }

  override get(key: K): V | undefined {
    const value = super.get(key);
    if (value !== NOT_YET) return value;
    const loaded = this.#load(key);
    super.set(key, loaded);
    return loaded;
  }

  /** The keys whose values are decoded so far, in key order (tests and benches read it). */
  decoded(): K[] {
    return [...super.entries()].filter(([, value]) => value !== NOT_YET).map(([key]) => key);
  }

  /** Decodes every value not decoded yet, before any walk over the values. */
  #loadAll(): void {
    for (const key of super.keys()) this.get(key);
  }

  override values(): MapIterator<V> {
    this.#loadAll();
    return super.values();
  }

  override entries(): MapIterator<[K, V]> {
    this.#loadAll();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  override forEach(each: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.#loadAll();
    super.forEach(each, thisArg);
  }
}

const indexOf = (key: string | symbol, length: number): number => {
  if (typeof key !== 'string') return -1;
  const i = Number(key);
  return Number.isInteger(i) && i >= 0 && i < length && String(i) === key ? i : -1;
};

/**
 * An array of `length` items, item `i` made by `at(i)` on first read. A Proxy, so every
 * array method and `for … of` work unchanged; walking every item makes every item.
 */
export function lazyArray<T>(length: number, at: (index: number) => T): T[] {
  const made = new Array<T>(length);
  const fill = (i: number) => {
    if (!(i in made)) made[i] = at(i);
  };
  const fillAll = () => {
    for (let i = 0; i < length; i++) fill(i);
  };
  return new Proxy(made, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (value !== undefined) return value;
      const i = indexOf(key, length);
      if (i >= 0) fill(i);
      return i >= 0 ? target[i] : value;
    },
    // Array methods skip holes: every index is there, made or not.
    has: (target, key) => indexOf(key, length) >= 0 || Reflect.has(target, key),
    getOwnPropertyDescriptor(target, key) {
      const i = indexOf(key, length);
      if (i >= 0) fill(i);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      fillAll();
      return Reflect.ownKeys(target);
    },
  });
}
