/**
 * Reads a travel desk's CSV (header `email,destinations,start,end`, destinations
 * separated by ";") and checks every row before anything is imported, naming each
 * bad row by its line number. Rows become NewTrips with an idempotency key derived
 * from their content, so importing the same file twice creates nothing new.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { z } from 'zod';
import type { Advisor } from '../advisor/create-advisor.js';
import { resolveDestinations } from '../advisor/resolve-destinations.js';
import { checkTripDates, type TripDateLimits } from './check-trip-dates.js';
import type { NewTrip } from './types.js';

export const CSV_COLUMNS = ['email', 'destinations', 'start', 'end'] as const;

export interface CsvProblem {
  line: number;
  message: string;
}

export interface ParsedTrips {
  trips: Array<{ line: number; trip: NewTrip }>;
  problems: CsvProblem[];
  rows: number;
}

const email = z.email();
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** The key that makes a row idempotent: same traveller, countries and dates → same trip. */
export function csvRowKey(addr: string, codes: string[], start: string, end: string): string {
  const h = createHash('sha256').update([addr.toLowerCase(), [...codes].sort().join(';'), start, end].join('|')).digest('hex');
  return `csv:${h.slice(0, 32)}`;
}

export interface ParseTripsOptions {
  advisor: Pick<Advisor, 'understand'>;
  createdBy: string;
  /** Last day a trip may end and still be kept (older trips would expire at once). */
  earliestEnd?: string;
  /** Today and TRIP_HORIZON_DAYS, TRIP_MAX_DAYS: the dates any trip may have (check-trip-dates.ts). */
  dateLimits: TripDateLimits;
  onRow?: (rows: number) => void;
}

export async function parseTripsCsv(input: Readable, options: ParseTripsOptions): Promise<ParsedTrips> {
  const trips: ParsedTrips['trips'] = [];
  const problems: CsvProblem[] = [];
  let rows = 0;
  const parser = input.pipe(
    parse({ bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true, columns: false }),
  );
  let header: string[] | null = null;
  type Index = Record<(typeof CSV_COLUMNS)[number], number>;
  let index: Index | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines;
      if (!header) {
        header = record.map((h) => h.toLowerCase());
        const missing = CSV_COLUMNS.filter((c) => !header!.includes(c));
        if (missing.length) {
          problems.push({ line, message: `header must be "${CSV_COLUMNS.join(',')}" (missing: ${missing.join(', ')})` });
          return { trips, problems, rows };
        }
        index = Object.fromEntries(CSV_COLUMNS.map((c) => [c, header!.indexOf(c)])) as Index;
        continue;
      }
      rows++;
      options.onRow?.(rows);
      const get = (c: (typeof CSV_COLUMNS)[number]) => (record[index![c]] ?? '').trim();
      const errs: string[] = [];
      const addr = get('email');
      if (!email.safeParse(addr).success) errs.push(`email: "${addr.slice(0, 80)}" is not an email address`);
      const names = get('destinations').split(';').map((d) => d.trim()).filter(Boolean);
      const { codes, unknown } = resolveDestinations(options.advisor, names);
      if (!names.length) errs.push('destinations: at least one country (several separated by ";")');
      for (const u of unknown) errs.push(`destinations: "${u.slice(0, 80)}" is not a country name or ISO code`);
      const start = get('start');
      const end = get('end');
      if (!isDate(start)) errs.push(`start: "${start.slice(0, 20)}" is not a date YYYY-MM-DD`);
      if (!isDate(end)) errs.push(`end: "${end.slice(0, 20)}" is not a date YYYY-MM-DD`);
      if (isDate(start) && isDate(end)) errs.push(...checkTripDates({ start, end }, options.dateLimits));
      if (isDate(end) && options.earliestEnd && end < options.earliestEnd) errs.push(`end: ${end} is past the retention period; nothing to remind`);
      if (errs.length) {
        problems.push({ line, message: errs.join('; ') });
        continue;
      }
      trips.push({
        line,
        trip: { traveller: { email: addr.toLowerCase() }, destinations: codes, start, end, createdBy: options.createdBy, source: 'csv', idempotencyKey: csvRowKey(addr, codes, start, end) },
      });
    }
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    problems.push({ line: e.lines ?? 0, message: `not valid CSV: ${(e.message ?? String(error)).split('\n')[0]}` });
  }
  if (!header) problems.push({ line: 1, message: `the file is empty; expected the header "${CSV_COLUMNS.join(',')}"` });
  return { trips, problems, rows };
}
