/**
 * `npm run package:teams [-- --out <file>]`: writes the Teams app package (zip) for
 * sideloading, with the bot id from MICROSOFT_APP_ID, after offline validation.
 * Default output: manifests/teams/build/teams-app.zip (git-ignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadConfig, PACKAGE_ROOT } from '../../config.js';
import { AdvisorError } from '../../errors.js';
import { buildTeamsPackage } from './package/build-teams-package.js';

async function packageTeams(argv: string[]): Promise<string> {
  const at = argv.indexOf('--out');
  const out = at >= 0 && argv[at + 1] ? resolve(argv[at + 1]!) : resolve(PACKAGE_ROOT, 'manifests', 'teams', 'build', 'teams-app.zip');
  const config = loadConfig();
  const pkg = await buildTeamsPackage({ manifestDir: resolve(PACKAGE_ROOT, 'manifests', 'teams'), appId: config.MICROSOFT_APP_ID });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, pkg.zip);
  return out;
}

packageTeams(process.argv.slice(2)).then(
  (out) => console.log(`Teams app package written to ${out} (manifest valid, icons 192×192 and 32×32). Upload it in Teams: Apps > Manage your apps > Upload an app.`),
  (error: unknown) => {
    console.error(error instanceof AdvisorError ? error.message : error);
    process.exit(1);
  },
);
