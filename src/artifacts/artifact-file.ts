/**
 * One prebuilt artifact on disk: `{ fingerprint, source, builtAt, data }`. Reading says
 * whether it can be used (fresh), or why not (missing, stale, unreadable): the caller
 * then builds from the source files and logs which happened.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fromStoredJson, toStoredJson } from './stored-json.js';

export interface ArtifactEnvelope<T> {
  fingerprint: string;
  /** The source directory it was built from (absolute), for content:check. */
  source: string;
  builtAt: string;
  data: T;
}

export type ArtifactRead<T> =
  | { status: 'fresh'; data: T }
  | { status: 'missing' | 'stale' | 'unreadable'; data?: undefined };

export function readArtifact<T>(path: string, fingerprint: string): ArtifactRead<T> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { status: 'missing' };
  }
  try {
    const stored = fromStoredJson<ArtifactEnvelope<T>>(text);
    return stored.fingerprint === fingerprint ? { status: 'fresh', data: stored.data } : { status: 'stale' };
  } catch {
    return { status: 'unreadable' };
  }
}

/** The envelope only (no data revived), for content:check. */
export function readArtifactHeader(path: string): Omit<ArtifactEnvelope<unknown>, 'data'> | null {
  try {
    const { fingerprint, source, builtAt } = JSON.parse(readFileSync(path, 'utf8')) as ArtifactEnvelope<unknown>;
    return { fingerprint, source, builtAt };
  } catch {
    return null;
  }
}

/** Writes through a temporary file and a rename, so a reader never sees half an artifact. */
export function writeArtifact<T>(path: string, envelope: ArtifactEnvelope<T>): void {
  writeFileAtomically(path, toStoredJson(envelope));
}

/** Writes `data` to a temporary file beside `path`, then renames it into place. */
export function writeFileAtomically(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}
