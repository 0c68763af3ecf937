/**
 * `npm run content:import-advisories -- <file-or-url> [--dry-run] [--prune] [--content dir] [--source-id id]`:
 * reads the US State Department's travel advisories (the RSS feed, e.g.
 * https://travel.state.gov/_res/rss/TAsTWs.xml, or a tab-separated snapshot of it),
 * writes them into content/world/*.yaml and prints what changed as Markdown.
 * Exit 0 on success, 1 when the input or the content cannot be used, 2 for usage errors.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../../config.js';
import { AdvisorError } from '../../../errors.js';
import { importAdvisories, importReportMarkdown } from './import-advisories.js';

/** The real feed is about 0.6 MB; anything far larger is not it. */
const MAX_BYTES = 10 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 30_000;
const USAGE = 'usage: npm run content:import-advisories -- <file-or-url> [--dry-run] [--prune] [--content <dir>] [--source-id <id>]';

async function readInput(where: string): Promise<string> {
  if (/^https?:\/\//i.test(where)) {
    let res: Response;
    try {
      res = await fetch(where, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
    } catch (error) {
      throw new AdvisorError(`could not fetch ${where}: ${(error as Error).message}`, 'INPUT_INVALID');
    }
    if (!res.ok) throw new AdvisorError(`could not fetch ${where}: HTTP ${res.status}`, 'INPUT_INVALID');
    const body = await res.text();
    if (body.length > MAX_BYTES) throw new AdvisorError(`${where} is larger than ${MAX_BYTES} bytes: not the advisories feed`, 'INPUT_INVALID');
    return body;
  }
  let size: number;
  try {
    size = statSync(where).size;
  } catch {
    throw new AdvisorError(`no such file: ${where}`, 'INPUT_INVALID');
  }
  if (size > MAX_BYTES) throw new AdvisorError(`${where} is larger than ${MAX_BYTES} bytes: not the advisories feed`, 'INPUT_INVALID');
  return readFileSync(where, 'utf8');
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean' },
        prune: { type: 'boolean' },
        content: { type: 'string' },
        'source-id': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`content:import-advisories: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const input = parsed.positionals[0];
  if (!input || parsed.positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  try {
    const text = await readInput(input);
    const dryRun = parsed.values['dry-run'] ?? false;
    const result = importAdvisories({
      text,
      dir: parsed.values.content ?? loadConfig().CONTENT_DIR,
      sourceId: parsed.values['source-id'] ?? 'us-state-travel-advisories',
      prune: parsed.values.prune,
      dryRun,
    });
    process.stdout.write(importReportMarkdown(result, dryRun));
    if (result.written.length) console.error(`wrote ${result.written.join(', ')}`);
    return 0;
  } catch (error) {
    if (!(error instanceof AdvisorError)) throw error;
    console.error(`content:import-advisories: ${error.message}`);
    return 1;
  }
}

process.exitCode = await main();
