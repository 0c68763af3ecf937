/**
 * `npm run content:check [-- <content-dir>] [--stale-days N]`: validates the whole
 * content base and prints every problem as file:line: message. Exits 1 on any error;
 * warnings (stale reviews, overrides, uncited sources) do not fail. The stale limit
 * comes from --stale-days, else CONTENT_STALE_DAYS, else 180 days. Valid content still
 * fails when the artifacts `npm run build` made from it are missing or stale.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../../config.js';
import { checkContent } from './check-content.js';
import { staleArtifacts } from '../../../artifacts/check-artifacts.js';

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({ options: { 'stale-days': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  } catch (error) {
    console.error(`content:check: ${(error as Error).message}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log('usage: content:check [content-dir] [--stale-days N]');
    return 0;
  }
  const config = loadConfig();
  let staleAfterDays = config.CONTENT_STALE_DAYS;
  const flag = parsed.values['stale-days'];
  if (flag !== undefined) {
    if (!/^\d+$/.test(flag) || Number(flag) < 1) {
      console.error(`content:check: --stale-days must be a whole number of days, at least 1 (got "${flag}")`);
      return 2;
    }
    staleAfterDays = Number(flag);
  }
  let result;
  try {
    result = checkContent({ dir: parsed.positionals[0] ?? config.CONTENT_DIR, staleAfterDays, cwd: process.cwd() });
  } catch (error) {
    // Every known problem is a file:line message; anything else is still one line, never a stack.
    console.error(`content:check: unexpected ${error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error)}`);
    return 1;
  }
  for (const line of result.out) console.log(line);
  for (const line of result.err) console.error(line);
  if (result.exitCode !== 0) return result.exitCode;
  // Valid content, but is what `npm run build` prebuilt from it still current? (src/artifacts/)
  const stale = staleArtifacts(config, parsed.positionals[0] ?? config.CONTENT_DIR);
  for (const line of stale) console.error(`content:check: ${line}`);
  return stale.length ? 1 : 0;
}

process.exitCode = main();
