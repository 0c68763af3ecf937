/**
 * The Teams app package: `npm run package:teams` (the real CLI, in a process whose
 * environment holds nothing but MICROSOFT_APP_ID, and optionally PUBLIC_URL) writes a zip
 * with manifest.json, color.png and outline.png at its root, the app id filled in, the
 * public host in validDomains, and the manifest passes the schema @microsoft/app-manifest
 * bundles (offline). It never needs the password, and a missing or malformed app id or a
 * plain-http public URL stops it with one line naming the variable. The icons have the
 * sizes Teams requires and are exactly what the project's drawing code produces. Broken
 * manifests and icons are refused with the problem named.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/config.js';
import { buildTeamsPackage } from '../../src/channels/teams/package/build-teams-package.js';
import { checkTeamsIcons, validateTeamsManifest } from '../../src/channels/teams/package/validate-teams-manifest.js';
import { decodePng, encodePng } from '../../src/channels/teams/package/encode-png.js';
import { drawColorIcon, drawOutlineIcon } from '../../src/channels/teams/package/draw-icons.js';
import { EXAMPLE_PROMPTS } from '../../src/channels/teams/render/welcome-activity.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const manifestDir = resolve(PACKAGE_ROOT, 'manifests', 'teams');
const temp = mkdtempSync(join(tmpdir(), 'teams-package-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The real package CLI with only these variables (and PATH) in its environment. */
function packageCli(env: Record<string, string>, out: string) {
  return promisify(execFile)(process.execPath, ['dist/channels/teams/package-cli.js', '--out', out], { cwd: PACKAGE_ROOT, env: { PATH: process.env.PATH, ...env } });
}

describe('Teams app package', () => {
  it('npm run package:teams writes a zip with only MICROSOFT_APP_ID set: no password, no other setting', async () => {
    const out = join(temp, 'app.zip');
    const { stdout } = await packageCli({ MICROSOFT_APP_ID: APP_ID }, out);
    expect(stdout).toContain(out);
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(JSON.stringify(manifest)).not.toContain('{{');
    expect(await validateTeamsManifest(manifest)).toEqual([]);
    expect(decodePng(Buffer.from(files['color.png']!))).toMatchObject({ width: 192, height: 192 });
    expect(decodePng(Buffer.from(files['outline.png']!))).toMatchObject({ width: 32, height: 32 });
    expect(manifest.validDomains).toEqual([]);
  });

  it('lists the public host in validDomains and prints the messaging endpoint to register', async () => {
    const out = join(temp, 'app-host.zip');
    const { stdout } = await packageCli({ MICROSOFT_APP_ID: APP_ID, PUBLIC_URL: 'https://advisor.example.com/' }, out);
    expect(stdout).toContain("Messaging endpoint for the Azure Bot's Configuration page: https://advisor.example.com/api/messages");
    const manifest = JSON.parse(strFromU8(unzipSync(new Uint8Array(readFileSync(out)))['manifest.json']!));
    expect(manifest.validDomains).toEqual(['advisor.example.com']);
    expect(await validateTeamsManifest(manifest)).toEqual([]);
  });

  it.each<[string, Record<string, string>, string]>([
    ['no app id', {}, "MICROSOFT_APP_ID: missing; set it to the bot's Microsoft App ID (a GUID) from its Azure Bot registration"],
    ['an app id that is not a GUID', { MICROSOFT_APP_ID: 'travel-advisor' }, "MICROSOFT_APP_ID: expected the bot's Microsoft App ID from its Azure Bot registration (a GUID such as 00000000-0000-0000-0000-000000000000)"],
    ['a public URL that is not HTTPS', { MICROSOFT_APP_ID: APP_ID, PUBLIC_URL: 'http://advisor.example.com' }, 'PUBLIC_URL: expected an https:// URL (Teams calls bots over HTTPS only), e.g. https://advisor.example.com'],
  ])('stops with one line naming the variable for %s, writing nothing', async (_name, env, line) => {
    const out = join(temp, `refused-${Math.random().toString(36).slice(2)}.zip`);
    const error = (await packageCli(env, out).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(1);
    expect(error.stderr.trim().split('\n')).toEqual(['Invalid configuration:', `  - ${line}`]);
    expect(() => readFileSync(out)).toThrow();
  });

  it('refuses to package without MICROSOFT_APP_ID, saying what to set', async () => {
    await expect(buildTeamsPackage({ manifestDir, appId: undefined })).rejects.toThrow(/MICROSOFT_APP_ID: missing/);
    await expect(buildTeamsPackage({ manifestDir, appId: 'my-bot' })).rejects.toThrow(/expected a GUID/);
  });

  it('uses a current manifest schema, with the bot in personal, team and group chat scopes and the example prompts as commands', async () => {
    const { manifest } = await buildTeamsPackage({ manifestDir, appId: APP_ID });
    expect(Number((manifest.manifestVersion as string).split('.')[1])).toBeGreaterThanOrEqual(22);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const botEntry = (manifest.bots as any[])[0];
    expect(botEntry.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(botEntry.commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual([...EXAMPLE_PROMPTS]);
  });

  it('schema validation catches a broken manifest offline', async () => {
    const { manifest } = await buildTeamsPackage({ manifestDir, appId: APP_ID });
    const broken = { ...manifest, accentColor: 'blue', bots: [{ botId: 'not-a-guid', scopes: ['everywhere'] }] };
    const problems = await validateTeamsManifest(broken);
    expect(problems.some((p) => p.startsWith('/accentColor'))).toBe(true);
    expect(problems.some((p) => p.startsWith('/bots/0/botId'))).toBe(true);
    expect(problems.some((p) => p.startsWith('/bots/0/scopes/0'))).toBe(true);
  });

  it('ships icons of the required sizes that the drawing code reproduces exactly', () => {
    const color = readFileSync(join(manifestDir, 'color.png'));
    const outline = readFileSync(join(manifestDir, 'outline.png'));
    expect(checkTeamsIcons(color, outline)).toEqual([]);
    expect(color.equals(drawColorIcon())).toBe(true);
    expect(outline.equals(drawOutlineIcon())).toBe(true);
    const o = decodePng(outline).rgba!;
    const alphas = new Set(Array.from({ length: 32 * 32 }, (_, i) => o[i * 4 + 3]));
    expect(alphas.has(0)).toBe(true); // transparent background
    expect(alphas.has(255)).toBe(true); // and a solid white mark
  });

  it('refuses icons of the wrong size or a coloured, opaque outline', async () => {
    const opaqueRed = encodePng(32, 32, new Uint8Array(32 * 32 * 4).fill(255).map((v, i) => (i % 4 === 1 || i % 4 === 2 ? 0 : v)));
    const problems = checkTeamsIcons(encodePng(100, 100, new Uint8Array(100 * 100 * 4)), opaqueRed);
    expect(problems).toEqual([
      'color.png: must be 192×192, is 100×100',
      'outline.png: background must be transparent',
      'outline.png: 1024 visible pixels are not white',
    ]);
    const dir = join(temp, 'bad-icons');
    cpSync(manifestDir, dir, { recursive: true, filter: (src) => !src.includes('build') });
    writeFileSync(join(dir, 'outline.png'), opaqueRed);
    await expect(buildTeamsPackage({ manifestDir: dir, appId: APP_ID })).rejects.toThrow(/outline.png: background must be transparent/);
  });
});
