/**
 * `npm run content:preview -- KZ` (or a country name): prints the answer users get for
 * that country, as text, built exactly as the doors build it (buildAdvisor with the
 * loaded config). Unknown country: one-line error, exit 1. Content errors: exit 1.
 */
import { loadConfig } from '../../../config.js';
import { buildAdvisor } from '../../../app/build-advisor.js';
import { AdvisorError, ContentError, formatProblem } from '../../../errors.js';
import { previewCountry } from './preview-country.js';

async function main(): Promise<number> {
  const query = process.argv.slice(2).join(' ').trim();
  if (!query) {
    console.error('usage: npm run content:preview -- <country code or name>   (e.g. KZ or Kazakhstan)');
    return 2;
  }
  try {
    console.log(await previewCountry(buildAdvisor(loadConfig()), query));
    return 0;
  } catch (error) {
    if (error instanceof ContentError) {
      for (const p of error.problems.filter((x) => x.severity === 'error')) console.error(formatProblem(p));
      console.error('content:preview: the content base is invalid; run npm run content:check');
      return 1;
    }
    if (error instanceof AdvisorError) {
      console.error(`content:preview: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
