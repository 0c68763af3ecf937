/**
 * Suites that open Redis and PostgreSQL stores in their own process import this first: entry
 * points load only the store client STORE_URL names (src/store/create-store.ts), and createStore
 * refuses a backend nobody loaded. Suites on the embedded SQLite store need nothing.
 */
import { loadStoreBackend } from '../../src/store/create-store.js';

await loadStoreBackend({ STORE_URL: 'redis://127.0.0.1:6379' });
await loadStoreBackend({ STORE_URL: 'postgres://127.0.0.1:5432/test' });
