/**
 * The answer users get for one country, as text: what `content:preview` prints.
 * Goes through the same advisor as every door, so a preview cannot drift from
 * what Slack or Teams would show.
 */
import type { Advisor } from '../../../advisor/create-advisor.js';
import { AdvisorError } from '../../../errors.js';
import { answerToText } from '../../../render/answer-to-text.js';
import { resolveDestinations } from '../../../advisor/resolve-destinations.js';

export async function previewCountry(advisor: Advisor, query: string): Promise<string> {
  // The same resolution as the travel desk's: ISO code, English name, or anything the advisor understands as one place.
  const { codes } = resolveDestinations(advisor, [query]);
  const code = codes.length === 1 ? codes[0] : undefined;
  if (!code)
    throw new AdvisorError(
      `unknown country "${query.trim().slice(0, 60)}"; give an ISO code such as KZ or an English name such as Kazakhstan`,
      'UNKNOWN_PLACE',
    );
  return answerToText(await advisor.answerForCountries([code]));
}
