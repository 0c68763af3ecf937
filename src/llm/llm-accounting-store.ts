/**
 * Model accounting kept where `travel-advisor llm report` can read it: every server process
 * writes its own counters (llm-accounting.ts) to the store (STORE_URL, or the SQLite file in
 * DATA_DIR) under its own key, once a minute and when it stops. The report sums every record,
 * so it covers all replicas sharing a store, and processes since restarted, without asking
 * any of them over HTTP. A record is dropped 30 days after its process last wrote it.
 * Counts only: nothing here holds text a person wrote.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import type { Logger } from 'pino';
import { periodicFlush } from '../store/periodic-flush.js';
import type { LlmAccounting, LlmAccountingSnapshot } from './llm-accounting.js';

export const LLM_ACCOUNTING_NAMESPACE = 'llm-accounting';
/** How long a process's record outlives its last write. */
export const LLM_ACCOUNTING_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** One process's counters as stored: the snapshot, which process, and which model it called (no secrets). */
export interface StoredLlmAccounting extends LlmAccountingSnapshot {
  process: string;
  model: string;
}

export interface LlmAccountingRecorder {
  /** Writes now (also on the timer); a store failure is logged and retried at the next write. */
  flush(): Promise<void>;
  start(): void;
  /** Stops the timer and writes the last counts. */
  stop(): Promise<void>;
}

export interface LlmAccountingRecorderOptions {
  accounting: LlmAccounting;
  store: Keyv<StoredLlmAccounting>;
  /** describeModelEndpoint(config.model): shown by the report. */
  model: string;
  logger: Logger;
  intervalMs?: number;
}

/** Writes this process's counters under a key of its own (host name, pid, a random suffix). */
export function createLlmAccountingRecorder(options: LlmAccountingRecorderOptions): LlmAccountingRecorder {
  const { accounting, store, model, logger } = options;
  const key = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let written = -1;
  const flush = async () => {
    const snapshot = accounting.snapshot();
    if (snapshot.calls === written) return;
    try {
      await store.set(key, { ...snapshot, process: key, model }, LLM_ACCOUNTING_TTL_MS);
      written = snapshot.calls;
    } catch (error) {
      logger.warn({ err: { name: (error as Error)?.name }, namespace: LLM_ACCOUNTING_NAMESPACE }, 'could not store model accounting; retrying at the next write');
    }
  };
  return { flush, ...periodicFlush(flush, options.intervalMs) };
}

/** Every process's stored counters, oldest first. */
export async function readLlmAccounting(store: Keyv<StoredLlmAccounting>): Promise<StoredLlmAccounting[]> {
  if (!store.iterator) throw new Error('this keyv store cannot be iterated; use SQLite, Redis or Postgres');
  const records: StoredLlmAccounting[] = [];
  for await (const [, value] of store.iterator(undefined) as AsyncIterable<[string, StoredLlmAccounting]>) if (value) records.push(value);
  return records.sort((a, b) => a.since.localeCompare(b.since));
}
