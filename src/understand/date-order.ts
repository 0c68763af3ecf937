/**
 * Which way a user writes numeric dates: "4/12" is 4 December for most of the world
 * and 12 April in the United States. The locale comes from the door (Teams' activity
 * locale, the browser's language, `--locale`); a locale with a region decides: day first
 * everywhere but the United States and the places that follow it.
 *
 * Except one case: en-US is the default language of Teams, Slack and most browsers, so
 * it is trusted only where the user's time zone agrees (the Americas, the Pacific,
 * Manila, or no zone known). An en-US user in Europe/Berlin or Asia/Almaty, like a user
 * with no locale at all, has an unknown order: the numeric parser then takes the reading
 * that comes sooner (numeric-date-parser.ts).
 */
import type { DateOrder } from './numeric-date-parser.js';

/** Regions whose convention is month first (United States and the places that follow it). */
const MONTH_FIRST_REGIONS = new Set(['US', 'PH', 'FM', 'MH', 'PW', 'AS', 'GU', 'MP', 'PR', 'UM', 'VI']);

/** Time zones where a month-first locale is believable. */
const MONTH_FIRST_ZONES = /^(?:America|US|Pacific)\/|^Asia\/Manila$|^(?:UTC|Etc\/UTC|GMT|Etc\/GMT)$/;

/** The region subtag of a BCP 47 locale ("en-US", "es_US", "en-Latn-GB"), upper case; undefined without one. */
function regionOf(locale: string): string | undefined {
  const parts = locale.trim().replace(/_/g, '-').split('-');
  // The first later subtag of two letters (three-digit UN regions are not countries).
  return parts.slice(1).find((p) => /^[A-Za-z]{2}$/.test(p))?.toUpperCase();
}

/** The date order of a user from their locale and IANA time zone; malformed or region-less locales are unknown. */
export function dateOrder(locale: string | undefined, timeZone = 'UTC'): DateOrder {
  const region = locale ? regionOf(locale) : undefined;
  if (!region) return 'unknown';
  if (!MONTH_FIRST_REGIONS.has(region)) return 'day-first';
  return MONTH_FIRST_ZONES.test(timeZone) ? 'month-first' : 'unknown';
}
