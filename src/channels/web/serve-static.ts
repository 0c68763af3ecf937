/**
 * Serves the playground's own files (public/, next to this module in src/ and,
 * copied by `npm run build`, in dist/) and the vendor bundles it needs straight
 * from node_modules, so the page makes no request beyond this server: no CDN, no
 * web fonts. Only names known at start-up are served; a path never reaches the disk.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

/** The page may load only from this server; Adaptive Cards sets inline styles, hence 'unsafe-inline' for styles alone. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

/** URL name → file on disk. */
export type StaticFiles = Map<string, string>;

/** Lists public/ once and adds the vendor bundles resolved from node_modules. */
export function staticFiles(dir: string = PUBLIC_DIR): StaticFiles {
  const files: StaticFiles = new Map();
  for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isFile()) files.set(entry.name, join(dir, entry.name));
  const acRoot = dirname(createRequire(import.meta.url).resolve('adaptivecards/package.json'));
  files.set('vendor/adaptivecards.min.js', join(acRoot, 'dist', 'adaptivecards.min.js'));
  return files;
}

/** Sends one known file, or returns false so the caller can answer 404. */
export async function sendStatic(res: ServerResponse, files: StaticFiles, name: string): Promise<boolean> {
  const path = files.get(name);
  if (!path) return false;
  const body = await readFile(path);
  res.writeHead(200, {
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'content-length': body.length,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...(extname(path) === '.html' ? { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-frame-options': 'DENY' } : {}),
  });
  res.end(body);
  return true;
}
