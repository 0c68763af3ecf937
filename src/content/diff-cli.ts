/**
 * `npm run content:diff -- <git-ref> [content-dir]`: what a pull request changes in
 * user-visible terms (risk levels and the indicators that moved, countries added or
 * removed, law flags, checklist items) as Markdown for a PR comment, on stdout.
 * Exit 0 with the Markdown; 1 when either side's content is invalid or the ref is unknown.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { AdvisorError, ContentError, formatProblem } from '../errors.js';
import { contentAtRef } from './content-at-ref.js';
import { diffContent } from './content-diff.js';
import { diffToMarkdown } from './diff-to-markdown.js';
import { loadContent } from './load-content.js';
import type { ContentBase } from './types.js';

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

function main(): number {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  const ref = positionals[0];
  if (!ref) {
    console.error('usage: npm run content:diff -- <git-ref> [content-dir]   (e.g. origin/main)');
    return 2;
  }
  const dir = positionals[1] ?? loadConfig().CONTENT_DIR;
  let base: ReturnType<typeof contentAtRef> | undefined;
  try {
    base = contentAtRef(dir, ref);
    const before = base.dir ? load(base.dir, ref) : null;
    const after = load(dir, 'the working tree');
    process.stdout.write(diffToMarkdown(diffContent(before, after), { base: ref }));
    return 0;
  } catch (error) {
    if (!(error instanceof AdvisorError)) throw error;
    console.error(`content:diff: ${error.message}`);
    return 1;
  } finally {
    base?.dispose();
  }
}

process.exitCode = main();
