/**
 * `npm run content:diff -- <git-ref> [content-dir]`: what a pull request changes in
 * user-visible terms (risk levels and the indicators that moved, countries added or
 * removed, law flags, checklist items) as Markdown for a PR comment, on stdout, with how
 * many upcoming trips each change would alert, read from the configured store
 * (STORE_URL or DATA_DIR; "impact unknown" when there is none).
 * Exit 0 with the Markdown; 1 when either side's content is invalid or the ref is unknown.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../../config.js';
import { AdvisorError, ContentError, formatProblem } from '../../../errors.js';
import { alertImpact } from '../../../alerts/count-alert-impact.js';
import { contentAtRef } from '../../../content/content-at-ref.js';
import { diffContent, isEmptyDiff } from './content-diff.js';
import { diffToMarkdown } from './diff-to-markdown.js';
import { loadContent } from '../../../content/load-content.js';
import type { ContentBase } from '../../../content/types.js';

function load(dir: string, label: string): ContentBase {
  try {
    return loadContent(dir);
  } catch (error) {
    if (error instanceof ContentError) {
      const errors = error.problems.filter((p) => p.severity === 'error');
      throw new AdvisorError(
        `the content at ${label} does not pass content:check (${errors.length} error${errors.length === 1 ? '' : 's'}):\n` +
          errors.map((p) => `  ${formatProblem(p)}`).join('\n'),
        'CONTENT_INVALID',
      );
    }
    throw error;
  }
}

async function main(): Promise<number> {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  const ref = positionals[0];
  if (!ref) {
    console.error('usage: npm run content:diff -- <git-ref> [content-dir]   (e.g. origin/main)');
    return 2;
  }
  let base: ReturnType<typeof contentAtRef> | undefined;
  try {
    const config = loadConfig();
    const dir = positionals[1] ?? config.CONTENT_DIR;
    base = contentAtRef(dir, ref);
    const before = base.dir ? load(base.dir, ref) : null;
    const after = load(dir, 'the working tree');
    const diff = diffContent(before, after);
    // A base without content is the first content ever: the server records it as seen and alerts nobody.
    const alerts = before && !isEmptyDiff(diff) ? await alertImpact(before, after, { config, now: new Date() }) : undefined;
    process.stdout.write(diffToMarkdown(diff, { base: ref, alerts }));
    return 0;
  } catch (error) {
    if (!(error instanceof AdvisorError)) throw error;
    console.error(`content:diff: ${error.message}`);
    return 1;
  } finally {
    base?.dispose();
  }
}

process.exitCode = await main();
