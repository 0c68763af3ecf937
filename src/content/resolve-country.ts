/**
 * Turns what a security-team author types ("KZ", "kz", "Kazakhstan", "kazakhstan")
 * into an ISO code, for content:preview. Countries in the content base win (by code
 * or file name); otherwise any ISO 3166 country, by code or English name, so a
 * preview can also show the baseline answer for a country with no file.
 */
import countries from 'i18n-iso-countries';
import type { ContentBase } from './types.js';

export function resolveCountry(content: ContentBase, query: string): string | null {
  const q = query.trim();
  if (!q) return null;
  const upper = q.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && (content.countries.has(upper) || countries.isValid(upper))) return upper;
  const lower = q.toLowerCase();
  for (const c of content.countries.values()) if (c.name.toLowerCase() === lower) return c.code;
  return countries.getAlpha2Code(q, 'en') ?? null;
}
