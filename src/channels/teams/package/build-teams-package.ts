/**
 * Builds the zip Teams accepts for sideloading: manifest.json (with the bot's app id
 * filled in for every {{MICROSOFT_APP_ID}}, and the bot's public host, when given, in
 * `validDomains`), color.png and outline.png at the root. Needs no secret. Refuses to
 * build a package that fails offline schema or icon validation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { AdvisorError } from '../../../errors.js';
import { checkTeamsIcons, validateTeamsManifest } from './validate-teams-manifest.js';

export const APP_ID_PLACEHOLDER = '{{MICROSOFT_APP_ID}}';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TeamsPackage {
  zip: Uint8Array;
  manifest: Record<string, unknown>;
}

export class TeamsPackageError extends AdvisorError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`The Teams app package is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`, 'INPUT_INVALID');
    this.problems = problems;
  }
}

/** Reads `manifests/teams/` (or another folder), fills in the app id (and the public host), validates and zips. */
export async function buildTeamsPackage(options: { manifestDir: string; appId: string | undefined; publicHost?: string }): Promise<TeamsPackage> {
  const appId = options.appId?.trim();
  if (!appId) throw new TeamsPackageError(['MICROSOFT_APP_ID: missing; set it to the bot\'s Microsoft App ID (a GUID) from its Azure Bot registration']);
  if (!GUID.test(appId)) throw new TeamsPackageError([`MICROSOFT_APP_ID: expected a GUID such as 00000000-0000-0000-0000-000000000000`]);
  const template = readFileSync(join(options.manifestDir, 'manifest.json'), 'utf8');
  const manifest = JSON.parse(template.split(APP_ID_PLACEHOLDER).join(appId)) as Record<string, unknown>;
  if (options.publicHost) {
    const listed = Array.isArray(manifest.validDomains) ? (manifest.validDomains as string[]) : [];
    manifest.validDomains = [...new Set([...listed, options.publicHost])];
  }
  const color = readFileSync(join(options.manifestDir, 'color.png'));
  const outline = readFileSync(join(options.manifestDir, 'outline.png'));
  const problems = [...(await validateTeamsManifest(manifest)), ...checkTeamsIcons(color, outline)];
  if (problems.length) throw new TeamsPackageError(problems);
  const zip = zipSync({
    'manifest.json': strToU8(JSON.stringify(manifest, null, 2)),
    'color.png': new Uint8Array(color),
    'outline.png': new Uint8Array(outline),
  });
  return { zip, manifest };
}
