/**
 * Destination names or codes from a desk (CSV, HTTP API, slash command) or a content
 * author (content:preview) → ISO 3166-1
 * alpha-2 codes. Codes are checked against the ISO list; names go through the
 * advisor's own understanding (cities, demonyms, misspellings), then the ISO names.
 */
import countries from 'i18n-iso-countries';
import type { Advisor } from '../advisor/create-advisor.js';

export interface ResolvedDestinations {
  codes: string[];
  /** Inputs that named no country, as given. */
  unknown: string[];
}

export function resolveDestinations(advisor: Pick<Advisor, 'understand'>, inputs: string[]): ResolvedDestinations {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const raw of inputs) {
    const input = raw.trim();
    if (!input) continue;
    let code: string | undefined;
    if (/^[A-Za-z]{2}$/.test(input) && countries.isValid(input.toUpperCase())) code = input.toUpperCase();
    if (!code) code = countries.getAlpha2Code(input, 'en');
    if (!code) {
      try {
        const u = advisor.understand(input);
        if (u.places.length === 1) code = u.places[0]!.countryCode;
      } catch {
        // Not a message the advisor accepts (too long, binary): unknown.
      }
    }
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else unknown.push(input);
  }
  return { codes, unknown };
}
