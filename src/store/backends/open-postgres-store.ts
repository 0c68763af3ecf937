/**
 * A keyv store on PostgreSQL (STORE_URL=postgres://…), shared by replicas. Imported only
 * when STORE_URL names PostgreSQL. @keyv/postgres shares one pool per URL, so stores are
 * disconnected once, at shutdown (close-stores.ts), not one by one.
 */
import Keyv from 'keyv';
import KeyvPostgres from '@keyv/postgres';
import type { OpenStore } from './open-store.js';

export const openPostgresStore: OpenStore = <T>(url: string | undefined, _dataDir: string, namespace: string, timeoutMs: number) =>
  new Keyv<T>({
    store: new KeyvPostgres({ uri: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs } as ConstructorParameters<typeof KeyvPostgres>[0]),
    namespace,
  });
