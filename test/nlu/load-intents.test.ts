/**
 * Proves intents/ is validated at start-up like content/: a bad file stops the
 * advisor with `intents/file:line: message`, and an added example changes answers
 * without touching code.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ContentError } from '../../src/errors.js';
import { loadIntents } from '../../src/understand/load-intents.js';
import { loadConfig } from '../../src/config.js';
import { buildAdvisor } from '../../src/app/build-advisor.js';
import { loadUnderstander } from '../../src/understand/create-understander.js';

const INTENTS = resolve(import.meta.dirname, '../../intents');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nlu-intents-'));
  cpSync(INTENTS, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function problemsOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ContentError);
    return (e as ContentError).message;
  }
  throw new Error('expected a ContentError');
}

describe('loadIntents', () => {
  it('loads the shipped intents and place data', () => {
    const set = loadIntents(INTENTS);
    expect(set.intents.map((i) => i.name).sort()).toEqual(['acknowledge', 'country', 'help', 'none', 'remind', 'topic', 'trip']);
    expect(set.places.demonyms.KZ).toContain('Kazakh');
  });

  it('names file and line of a missing field', () => {
    writeFileSync(join(dir, 'help.yaml'), 'name: help\nslots: []\nexamples: [help, "?", "what can you do"]\n');
    expect(problemsOf(() => loadIntents(dir))).toMatch(/intents\/help\.yaml:1: field "description": missing/);
  });

  it('names the line of an unknown field and of a bad slot', () => {
    const text = readFileSync(join(dir, 'trip.yaml'), 'utf8').replace('slots: [destinations, dates]', 'slots: [destinations, budget]\ncolour: red');
    writeFileSync(join(dir, 'trip.yaml'), text);
    const message = problemsOf(() => loadIntents(dir));
    expect(message).toMatch(/intents\/trip\.yaml:3: field "slots\.1": expected one of "destinations", "dates"/);
    expect(message).toMatch(/intents\/trip\.yaml:1: file: unknown field\(s\) "colour"/);
  });

  it('rejects a name that does not match the file, and a missing intent file', () => {
    writeFileSync(join(dir, 'help.yaml'), readFileSync(join(dir, 'help.yaml'), 'utf8').replace('name: help', 'name: topic'));
    unlinkSync(join(dir, 'acknowledge.yaml'));
    const message = problemsOf(() => loadIntents(dir));
    expect(message).toMatch(/intents\/help\.yaml:1: field "name": "topic" must match the file name/);
    expect(message).toMatch(/intents\/acknowledge\.yaml:1: missing file/);
  });

  it('rejects one example in two intents, naming both places', () => {
    writeFileSync(join(dir, 'none.yaml'), readFileSync(join(dir, 'none.yaml'), 'utf8') + '  - what is SORM?\n');
    // Files load in name order, so the later file (topic.yaml) is the one reported.
    expect(problemsOf(() => loadIntents(dir))).toMatch(/intents\/topic\.yaml:\d+: example "what is SORM\?" is also an example of "none" \(intents\/none\.yaml:\d+\)/);
  });

  it('rejects an unknown country code in places.yaml at its line', () => {
    writeFileSync(join(dir, 'places.yaml'), 'countries:\n  KG: [Kirgizia]\n  XX: [Atlantis]\n');
    expect(problemsOf(() => loadIntents(dir))).toMatch(/intents\/places\.yaml:3: field "countries\.XX": "XX" is not an ISO 3166-1 alpha-2/);
  });

  it('rejects a territory filed under an unknown country code, at its line', () => {
    writeFileSync(join(dir, 'places.yaml'), 'territories:\n  UA:\n    Crimea: [Krym]\n  XX:\n    Atlantis: []\n');
    expect(problemsOf(() => loadIntents(dir))).toMatch(/intents\/places\.yaml:4: field "territories\.XX": "XX" is not an ISO 3166-1 alpha-2/);
  });

  it('stops the advisor at start-up when INTENTS_DIR is broken', () => {
    writeFileSync(join(dir, 'help.yaml'), 'name: help\ndescription: [unclosed\n');
    const config = loadConfig({ INTENTS_DIR: dir });
    expect(() => buildAdvisor(config)).toThrow(/intents\/help\.yaml:\d+: invalid YAML/);
  });

  it('an example added by pull request changes the answer, no code involved', () => {
    const ctx = { now: new Date('2026-11-23T09:00:00Z'), timeZone: 'UTC' };
    expect(loadUnderstander(dir).understand('roger wilco', ctx).intent).not.toBe('acknowledge');
    writeFileSync(join(dir, 'acknowledge.yaml'), readFileSync(join(dir, 'acknowledge.yaml'), 'utf8') + '  - roger wilco\n');
    expect(loadUnderstander(dir).understand('roger wilco', ctx).intent).toBe('acknowledge');
  });
});
