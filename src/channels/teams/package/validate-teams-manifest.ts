/**
 * Offline validation of the Teams app manifest: the JSON schema for its
 * `manifestVersion`, loaded from the copies @microsoft/app-manifest bundles (never
 * downloaded), checked with that library's `AppManifestUtils.validateAgainstSchema`;
 * plus the icon rules Teams enforces at upload (sizes, transparent white outline).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import { decodePng } from './encode-png.js';

/** The bundled schema for a manifest version, cleaned the way the library cleans downloads. */
export function bundledTeamsSchema(manifestVersion: string): Record<string, unknown> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@microsoft/app-manifest'));
  const file = join(root, 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`No bundled Teams schema for manifestVersion ${manifestVersion}; update @microsoft/app-manifest or use a version it ships.`);
  }
  // The published schemas contain "\a" and "\v" escapes JSON does not allow (microsoft-teams-app-schema #190).
  return JSON.parse(raw.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as Record<string, unknown>;
}

/** Schema problems as "path message" lines; empty when the manifest is valid. */
export async function validateTeamsManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const version = typeof manifest.manifestVersion === 'string' ? manifest.manifestVersion : '';
  const schema = bundledTeamsSchema(version);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as TeamsManifest, schema as any);
}

/** Icon problems: color 192×192, outline 32×32 with transparency and only white pixels. */
export function checkTeamsIcons(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  const c = decodePng(color);
  if (c.width !== 192 || c.height !== 192) problems.push(`color.png: must be 192×192, is ${c.width}×${c.height}`);
  const o = decodePng(outline);
  if (o.width !== 32 || o.height !== 32) problems.push(`outline.png: must be 32×32, is ${o.width}×${o.height}`);
  if (!o.rgba) problems.push('outline.png: must be 8-bit RGBA with a transparent background');
  else {
    let transparent = 0;
    let coloured = 0;
    for (let i = 0; i < o.rgba.length; i += 4) {
      if (o.rgba[i + 3] === 0) transparent++;
      else if (o.rgba[i] !== 255 || o.rgba[i + 1] !== 255 || o.rgba[i + 2] !== 255) coloured++;
    }
    if (!transparent) problems.push('outline.png: background must be transparent');
    if (coloured) problems.push(`outline.png: ${coloured} visible pixels are not white`);
  }
  return problems;
}
