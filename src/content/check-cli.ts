/**
 * `npm run content:check`: validates the whole content base and prints every problem
 * as file:line: message. Exits 1 on any error; warnings (stale reviews, overrides) do not fail.
 */
import { loadConfig } from '../config.js';
import { ContentError, formatProblem } from '../errors.js';
import { loadContent } from './load-content.js';

const config = loadConfig();
const dir = process.argv[2] ?? config.CONTENT_DIR;
try {
  const content = loadContent(dir, { staleAfterDays: config.CONTENT_STALE_DAYS });
  for (const w of content.warnings) console.log(formatProblem({ ...w, file: `content/${w.file}` }));
  console.log(
    `content ok: ${content.countries.size} countries, ${content.topics.size} topics, ${content.checklist.length} checklist items, ${content.sources.size} sources, ${content.warnings.length} warnings`,
  );
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  for (const p of error.problems) console.error(formatProblem({ ...p, file: `content/${p.file}` }));
  const n = error.problems.filter((p) => p.severity === 'error').length;
  console.error(`content check failed: ${n} error${n === 1 ? '' : 's'}`);
  process.exitCode = 1;
}
