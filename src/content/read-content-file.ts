/**
 * The one way content files are read: size-capped before a byte is parsed, so a huge
 * or hostile file in a pull request is one `file:1: …` line from content:check instead
 * of seconds of parsing and gigabytes of memory. Every failure is a message for the
 * file's author, never an exception. MUST stay in sync with README ("content:check")
 * and docs/security/http-edges.md ("content:check on hostile files").
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';

/**
 * Largest file of each kind, in bytes. Today's largest are a few KB (sources.yaml
 * 15 KB, a country file 5 KB); the world table, which lists every country, stays far
 * under 2 MiB. Parsing YAML costs about 50 times its size in memory.
 */
export const CONTENT_FILE_LIMITS: Readonly<Record<string, number>> = {
  '.yaml': 2 * 1024 * 1024,
  '.yml': 2 * 1024 * 1024,
  '.md': 512 * 1024,
};
/** For any other kind of file. */
export const DEFAULT_CONTENT_FILE_LIMIT = 512 * 1024;

export type ContentFileRead = { text: string; error?: undefined } | { text?: undefined; error: string };

export function contentFileLimit(path: string): number {
  return CONTENT_FILE_LIMITS[extname(path).toLowerCase()] ?? DEFAULT_CONTENT_FILE_LIMIT;
}

/** The file's text, or why it cannot be used (too large, unreadable), to report at line 1. */
export function readContentFile(path: string, limit = contentFileLimit(path)): ContentFileRead {
  try {
    const size = statSync(path).size;
    if (size > limit)
      return { error: `file is ${size.toLocaleString('en')} bytes, over the ${limit.toLocaleString('en')}-byte limit for ${extname(path) || 'such'} files; split it or remove what does not belong` };
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return { error: `cannot read the file (${code})` };
  }
}
