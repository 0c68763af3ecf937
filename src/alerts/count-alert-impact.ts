/**
 * content:diff's "what would this pull request alert?": the destinations whose change
 * matters to travellers (alerting-changes.ts, as the server decides at reload) and, per
 * destination, how many current or upcoming trips in the configured store go there.
 * Counts only: no traveller, no trip id. When no store is configured or it cannot be
 * read, the counts are unknown and the reason says so.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type Keyv from 'keyv';
import type { ContentBase } from '../content/types.js';
import { closeStores } from '../store/close-stores.js';
import { createStore, describeStore, loadStoreBackend, type StoreConfig } from '../store/create-store.js';
import { createTripStore } from '../reminders/trip-store.js';
import type { TripRecord } from '../reminders/trip-records.js';
import { transitionsBetween } from './alerting-changes.js';
import { countryNames, fingerprintContent } from './destination-fingerprint.js';
import type { AlertChange } from './types.js';
import { isoDay } from '../understand/calendar.js';
import { isCurrentOrUpcoming } from './upcoming-trips.js';

/** One destination whose change would alert travellers, and how many trips go there. */
export interface AlertImpactRow {
  code: string;
  name: string;
  changes: AlertChange[];
  /** Current or upcoming trips to this destination; null when unknown. */
  trips: number | null;
}

/** What content:diff prints under "Alerts to travellers". */
export interface AlertImpact {
  rows: AlertImpactRow[];
  /** Distinct trips that would get an alert (a trip to two changed places gets one); null when unknown. */
  totalTrips: number | null;
  /** Why the counts are unknown, e.g. "no store configured"; null when they are known. */
  unknown: string | null;
}

/** The changes that would alert travellers, without counts. Pure. */
export function alertingRows(before: ContentBase, after: ContentBase): AlertImpactRow[] {
  const names = countryNames(after);
  return transitionsBetween(fingerprintContent(before), fingerprintContent(after)).map((t) => ({ code: t.code, name: names.get(t.code) ?? t.code, changes: t.changes, trips: null }));
}

/** Fills in the counts from `trips`. Pure apart from reading the iterable. */
export async function countTrips(rows: AlertImpactRow[], trips: AsyncIterable<TripRecord>, today: string, now: Date): Promise<AlertImpact> {
  const codes = new Set(rows.map((r) => r.code));
  const per = new Map<string, number>();
  let total = 0;
  for await (const t of trips) {
    if (!isCurrentOrUpcoming(t, today, now)) continue;
    const hit = t.destinations.filter((c) => codes.has(c));
    if (!hit.length) continue;
    total++;
    for (const c of new Set(hit)) per.set(c, (per.get(c) ?? 0) + 1);
  }
  return { rows: rows.map((r) => ({ ...r, trips: per.get(r.code) ?? 0 })), totalTrips: total, unknown: null };
}

/** Where the trips are (the server's store) and what "today" is. */
export interface ImpactOptions {
  config: StoreConfig & { DEFAULT_TIMEZONE: string };
  now: Date;
  /** keyv namespace prefix of the reminders (default "reminders", as the server uses). */
  prefix?: string;
}

/**
 * Reads the configured store (STORE_URL, or the SQLite file under DATA_DIR if it exists:
 * a missing one is never created) and counts; a store that is absent or fails gives
 * unknown counts with the reason.
 */
export async function alertImpact(before: ContentBase, after: ContentBase, options: ImpactOptions): Promise<AlertImpact> {
  const rows = alertingRows(before, after);
  if (!rows.length) return { rows, totalTrips: 0, unknown: null };
  const { config } = options;
  if (!config.STORE_URL && !existsSync(resolve(config.DATA_DIR, 'store.sqlite')))
    return { rows, totalTrips: null, unknown: `no store configured (set STORE_URL, or DATA_DIR to a directory holding the server's store.sqlite)` };
  const stores: Keyv[] = [];
  try {
    await loadStoreBackend(config);
    const trips = createTripStore({
      prefix: options.prefix,
      store<T>(ns: string) {
        const s = createStore<T>(config, ns);
        stores.push(s as Keyv);
        return s;
      },
    });
    return await countTrips(rows, trips.trips(), isoDay(options.now, config.DEFAULT_TIMEZONE), options.now);
  } catch {
    return { rows, totalTrips: null, unknown: `the store could not be read (${describeStore(config)})` };
  } finally {
    await closeStores(stores, 2000);
  }
}
