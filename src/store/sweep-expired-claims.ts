/**
 * Deletes a namespace's expired claims from an SQL store. keyv drops an expired entry only
 * when it is read, and a de-duplication claim (claimOnce: a Slack event id, a request
 * signature, a Teams activity id) is written once and never read again, so on SQLite and
 * PostgreSQL every claim stayed for ever, one row per message. Redis expires claims itself
 * (`PX`), so there is nothing to do there. Only rows whose keyv `expires` has passed on the
 * injected clock go: such an entry is already gone for keyv (a read would delete it), and
 * an expired claim is free to be taken again anyway (claim-once.ts).
 */
import type Keyv from 'keyv';
import { qualifiedTable, sqlAdapter, storedKey, tableName } from './claim-once.js';
import { withStoreDeadline } from './with-deadline.js';

/** Deletes the expired entries of `store`'s namespace (nothing for a store without SQL or namespace). */
export async function sweepExpiredClaims(store: Keyv, nowMs: number): Promise<void> {
  const sql = sqlAdapter(store);
  const prefix = storedKey(store, '');
  if (!sql || !prefix) return;
  return withStoreDeadline(store, async () => {
    if (sql.dialect === 'postgres') {
      await sql.query(`DELETE FROM ${qualifiedTable(sql)} WHERE left(key, $1) = $2 AND (value::json->>'expires')::bigint < $3`, [prefix.length, prefix, nowMs]);
      return;
    }
    await sql.query(`DELETE FROM ${tableName(sql)} WHERE substr(key, 1, ?) = ? AND json_extract(value, '$.expires') < ?`, prefix.length, prefix, nowMs);
  });
}
