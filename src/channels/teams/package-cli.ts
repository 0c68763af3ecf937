/**
 * `npm run package:teams [-- --out <file>]`: writes the Teams app package (zip) for
 * sideloading, with the bot id from MICROSOFT_APP_ID (a GUID) and, when PUBLIC_URL is set,
 * the bot's host in `validDomains`, after offline validation. Reads only those two
 * settings (loadTeamsPackageConfig): no secret, no other server setting.
 * Default output: manifests/teams/build/teams-app.zip (git-ignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadTeamsPackageConfig, PACKAGE_ROOT } from '../../config.js';
import { AdvisorError } from '../../errors.js';
import { buildTeamsPackage } from './package/build-teams-package.js';

/** MUST stay in sync with TEAMS_MESSAGES_PATH in local-mode-warning.ts (not imported: that would load botbuilder to zip a file). */
const MESSAGES_PATH = 'api/messages';

async function packageTeams(argv: string[]): Promise<string> {
  const at = argv.indexOf('--out');
  const out = at >= 0 && argv[at + 1] ? resolve(argv[at + 1]!) : resolve(PACKAGE_ROOT, 'manifests', 'teams', 'build', 'teams-app.zip');
  const config = loadTeamsPackageConfig();
  const publicUrl = config.PUBLIC_URL ? new URL(config.PUBLIC_URL) : null;
  const pkg = await buildTeamsPackage({ manifestDir: resolve(PACKAGE_ROOT, 'manifests', 'teams'), appId: config.MICROSOFT_APP_ID, publicHost: publicUrl?.host });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, pkg.zip);
  const lines = [`Teams app package written to ${out} (manifest valid, icons 192×192 and 32×32). Upload it in Teams: Apps > Manage your apps > Upload an app.`];
  if (publicUrl) lines.push(`Messaging endpoint for the Azure Bot's Configuration page: ${new URL(MESSAGES_PATH, publicUrl.href.replace(/\/?$/, '/')).href}`);
  return lines.join('\n');
}

packageTeams(process.argv.slice(2)).then(
  (message) => console.log(message),
  (error: unknown) => {
    console.error(error instanceof AdvisorError ? error.message : error);
    process.exit(1);
  },
);
