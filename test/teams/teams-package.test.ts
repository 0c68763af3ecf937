/**
 * The Teams app package: `npm run package:teams` writes a zip with manifest.json,
 * color.png and outline.png at its root, the app id from MICROSOFT_APP_ID filled in,
 * and the manifest passes the schema @microsoft/app-manifest bundles (offline). The
 * icons have the sizes Teams requires and are exactly what the project's drawing code
 * produces. Broken manifests and icons are refused with the problem named.
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

describe('Teams app package', () => {
  it('npm run package:teams writes a zip with the app id filled in', async () => {
    const out = join(temp, 'app.zip');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/channels/teams/package-cli.ts', '--out', out], {
      cwd: PACKAGE_ROOT,
      env: { ...process.env, MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'not-a-real-secret', LOG_LEVEL: 'silent' },
    });
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
