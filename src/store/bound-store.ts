/**
 * Makes a keyv instance honest about failures. Out of the box keyv swallows them: a
 * failed `set` resolves `false` (which nobody checks), a failed `get` resolves
 * `undefined` ("not found"), and the Postgres adapter's iterator stops early with only
 * an 'error' event, so a list comes back short. A trip "created" while Postgres was down
 * was answered 201 and never stored. Here every operation either completes or rejects
 * with StoreUnavailableError within `timeoutMs`, and an iteration during which the
 * store reported an error rejects instead of ending quietly.
 */
import type Keyv from 'keyv';
import { StoreUnavailableError } from '../errors.js';
import { setStoreDeadline, withDeadline } from './with-deadline.js';

const OPERATIONS = ['get', 'getMany', 'getRaw', 'getManyRaw', 'set', 'setMany', 'delete', 'deleteMany', 'has', 'hasMany', 'clear'] as const;

type Iterate = NonNullable<Keyv['iterator']>;

/** Wraps the store's operations in place (keyv calls some of them on itself, which then go through the bound too). */
export function boundStore<T>(store: Keyv<T>, timeoutMs: number): Keyv<T> {
  store.throwOnErrors = true;
  setStoreDeadline(store as Keyv, timeoutMs);
  const methods = store as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of OPERATIONS) {
    const original = methods[name];
    if (typeof original !== 'function') continue;
    const bound = original.bind(store);
    methods[name] = (...args: unknown[]) => withDeadline('store', timeoutMs, () => bound(...args));
  }
  const iterate = store.iterator;
  if (iterate) store.iterator = guardedIterator(store as Keyv, iterate, timeoutMs) as typeof store.iterator;
  return store;
}

function guardedIterator(store: Keyv, iterate: Iterate, timeoutMs: number): Iterate {
  return async function* (namespace?: string) {
    let reported: unknown;
    const onError = (error: unknown) => {
      reported ??= error;
    };
    store.on('error', onError);
    try {
      const it = (iterate(namespace) as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      for (;;) {
        const step = await withDeadline('store', timeoutMs, () => it.next());
        if (reported !== undefined) throw new StoreUnavailableError('store', 'error', { cause: reported });
        if (step.done) return;
        yield step.value;
      }
    } finally {
      store.off('error', onError);
    }
  } as unknown as Iterate;
}
