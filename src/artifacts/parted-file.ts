/**
 * An artifact read in parts: a first line of JSON (fingerprint, source, build time, where
 * each part's bytes lie, and any header fields of its own), then one line per part. A
 * reader parses the first line only and decodes a part when asked for it, so start-up
 * never parses what no question has needed yet (issue 18). The passage index
 * (index-artifact.ts) and the content base (content-artifact.ts) are stored this way.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomically } from './artifact-file.js';

export interface PartedHeader {
  fingerprint: string;
  /** The source directory it was built from (absolute), for content:check. */
  source: string;
  builtAt: string;
  /** Part key → [first byte, end byte] after the header line. */
  parts: Record<string, [number, number]>;
}

/** Writes `extra` into the header line, and each part (JSON text) on its own line. */
export function writePartedFile(path: string, sourceDir: string, fingerprint: string, extra: object, parts: Map<string, string>): void {
  const lines: Buffer[] = [];
  const ranges: PartedHeader['parts'] = {};
  let at = 0;
  for (const [key, json] of parts) {
    const line = Buffer.from(`${json}\n`);
    ranges[key] = [at, at + line.length - 1];
    at += line.length;
    lines.push(line);
  }
  const header: PartedHeader = { ...extra, fingerprint, source: resolve(sourceDir), builtAt: new Date().toISOString(), parts: ranges };
  writeFileAtomically(path, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...lines]));
}

/** The file read: its header, and each part's text on demand (undefined for an unknown key). */
export interface PartedFile<H> {
  header: H & PartedHeader;
  part: (key: string) => string | undefined;
}

/** Reads the bytes and parses the header line only; null when missing or unreadable. */
export function readPartedFile<H extends object = object>(path: string): PartedFile<H> | null {
  try {
    const bytes = readFileSync(path);
    const end = bytes.indexOf(10);
    if (end < 0) return null;
    const header = JSON.parse(bytes.toString('utf8', 0, end)) as H & PartedHeader;
    const body = bytes.subarray(end + 1);
    return {
      header,
      part: (key) => {
        const range = Object.hasOwn(header.parts, key) ? header.parts[key] : undefined;
        return range && body.toString('utf8', range[0], range[1]);
      },
    };
  } catch {
    return null;
  }
}

/** The header only, for content:check; null when missing or unreadable. */
export function readPartedHeader(path: string): PartedHeader | null {
  return readPartedFile(path)?.header ?? null;
}
