/**
 * A keyv store on Redis (STORE_URL=redis://… or rediss://…), shared by replicas. Imported
 * only when STORE_URL names Redis: node-redis costs about 100 ms of every start otherwise.
 */
import Keyv from 'keyv';
import { ScanningKeyvRedis } from './scanning-keyv-redis.js';
import type { OpenStore } from './open-store.js';

export const openRedisStore: OpenStore = <T>(url: string | undefined, _dataDir: string, namespace: string, timeoutMs: number) => {
  const redis = new ScanningKeyvRedis<T>(
    {
      url,
      // While the connection is down a command waits in the client's queue at most this
      // long, then is taken out of the queue unsent (no late write after a reported failure).
      commandOptions: { timeout: timeoutMs },
      socket: { connectTimeout: timeoutMs, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
    },
    { throwOnConnectError: true, throwOnErrors: true, connectionTimeout: timeoutMs },
  );
  return new Keyv<T>({ store: redis, namespace, useKeyPrefix: false });
};
