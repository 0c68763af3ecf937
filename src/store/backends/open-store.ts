/**
 * What each store backend module exports: a keyv store in `namespace` at `url`, its calls
 * bounded by `timeoutMs` where the client has its own bound (create-store.ts adds one for all).
 * MUST stay in sync with the three backends beside this file.
 */
import type Keyv from 'keyv';

export type OpenStore = <T>(url: string | undefined, dataDir: string, namespace: string, timeoutMs: number) => Keyv<T>;
