/**
 * @keyv/redis with a namespace iterated 1,000 keys per SCAN instead of Redis's default 10. A
 * shared Redis also holds every other namespace, BullMQ's queues and other programs' keys, and
 * SCAN walks all of them: at 29,000 keys a listing (trips, feedback, model accounting) took
 * 2,900 round trips, and one step of it outlasted the store's deadline (STORE_TIMEOUT_MS, 3 s)
 * on a busy machine, so the list failed as "store unavailable". A cluster keeps the adapter's own.
 */
import KeyvRedis from '@keyv/redis';

/** Keys SCAN looks at per call (a hint to Redis; each call stays short at this size). */
const SCAN_COUNT = 1000;

export class ScanningKeyvRedis<T> extends KeyvRedis<T> {
  override async *iterator<U = T>(namespace?: string): AsyncGenerator<[string, U | undefined], void, unknown> {
    if (this.isCluster()) return yield* super.iterator<U>(namespace);
    const client = await this.getClient();
    const match = namespace ? `${namespace}${this.keyPrefixSeparator}*` : '*';
    let cursor = '0';
    do {
      const result = await client.scan(cursor, { MATCH: match, COUNT: SCAN_COUNT, TYPE: 'string' });
      cursor = result.cursor.toString();
      let keys = result.keys;
      if (!namespace && !this.noNamespaceAffectsAll) keys = keys.filter((key) => !key.includes(this.keyPrefixSeparator));
      if (!keys.length) continue;
      const values = await client.mGet(keys);
      for (const [i, key] of keys.entries()) yield [this.getKeyWithoutPrefix(key, namespace), (values[i] ?? undefined) as U | undefined];
    } while (cursor !== '0');
  }
}
