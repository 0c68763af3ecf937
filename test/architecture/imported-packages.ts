/** Reads what record-imports.mjs wrote: the npm packages a process imported. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The preload hook, for `node --import`. */
export const RECORD_IMPORTS = resolve(import.meta.dirname, 'record-imports.mjs');

/** Package names ("@slack/bolt", "chrono-node") among the recorded module URLs. */
export function importedPackages(recordFile: string): Set<string> {
  const names = new Set<string>();
  for (const url of readFileSync(recordFile, 'utf8').split('\n')) {
    const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (m) names.add(m[1]!);
  }
  return names;
}
