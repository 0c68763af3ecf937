/**
 * Reads intents/ once at start-up: one YAML file per intent plus places.yaml.
 * Any problem stops start-up with a ContentError naming file:line, like content/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { ContentError, type ContentProblem } from '../errors.js';
import { parseYamlFile, type YamlFile } from '../content/yaml-file.js';
import { intentNames } from '../vocabulary/intents.js';
import { intentFileSchema, placesFileSchema, type IntentFile, type PlacesFile } from './intent-schema.js';
import i18n from 'i18n-iso-countries';
import { nameKey } from './normalize.js';

/** The file of place data beside the intent files. */
export const PLACES_FILE = 'places.yaml';

export interface IntentSet {
  intents: IntentFile[];
  places: PlacesFile;
}

function describe(issue: z.core.$ZodIssue): string {
  const field = issue.path.length ? `field "${issue.path.join('.')}"` : 'file';
  if (issue.code === 'unrecognized_keys') return `${field}: unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return `${field}: missing; expected ${issue.expected}`;
  if (issue.code === 'invalid_value') return `${field}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return `${field}: ${issue.message}`;
}

function validate<T>(y: YamlFile, schema: z.ZodType<T>, problems: ContentProblem[]): T | undefined {
  for (const e of y.syntaxErrors) problems.push({ file: y.file, line: e.line, message: e.message, severity: 'error' });
  if (y.syntaxErrors.length) return undefined;
  const result = schema.safeParse(y.data ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues)
    problems.push({ file: y.file, line: y.lineOf(issue.path), message: describe(issue), severity: 'error' });
  return undefined;
}

/** Loads and checks intents/; throws ContentError listing every problem as `intents/file:line: message`. */
export function loadIntents(dir: string): IntentSet {
  const problems: ContentProblem[] = [];
  const label = (f: string) => `intents/${f}`;
  if (!existsSync(dir)) throw new ContentError([{ file: 'intents/', line: 1, message: `missing folder ${dir}; set INTENTS_DIR`, severity: 'error' }]);
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.startsWith('_')).sort();

  let places: PlacesFile | undefined;
  const placesYaml = files.includes(PLACES_FILE) ? parseYamlFile(label(PLACES_FILE), readFileSync(join(dir, PLACES_FILE), 'utf8')) : undefined;
  if (placesYaml) places = validate(placesYaml, placesFileSchema, problems);
  if (placesYaml && places)
    for (const field of ['countries', 'cities', 'demonyms', 'territories'] as const)
      for (const code of Object.keys(places[field]))
        if (!i18n.isValid(code))
          problems.push({ file: placesYaml.file, line: placesYaml.lineOf([field, code]), message: `field "${field}.${code}": "${code}" is not an ISO 3166-1 alpha-2 country code`, severity: 'error' });

  const intents: IntentFile[] = [];
  const seen = new Map<string, { file: string; line: number; intent: string }>();
  for (const f of files.filter((f) => f !== PLACES_FILE)) {
    const y = parseYamlFile(label(f), readFileSync(join(dir, f), 'utf8'));
    const intent = validate(y, intentFileSchema, problems);
    if (!intent) continue;
    if (intent.name !== basename(f, '.yaml'))
      problems.push({ file: y.file, line: y.lineOf(['name']), message: `field "name": "${intent.name}" must match the file name (${intent.name}.yaml)`, severity: 'error' });
    intent.examples.forEach((ex, i) => {
      const key = nameKey(ex);
      const other = seen.get(key);
      if (other && other.intent !== intent.name)
        problems.push({ file: y.file, line: y.lineOf(['examples', i]), message: `example "${ex}" is also an example of "${other.intent}" (${other.file}:${other.line}); keep it in one intent`, severity: 'error' });
      else seen.set(key, { file: y.file, line: y.lineOf(['examples', i]), intent: intent.name });
    });
    intents.push(intent);
  }
  for (const name of intentNames)
    if (!intents.some((i) => i.name === name) && !problems.some((p) => p.file === label(`${name}.yaml`)))
      problems.push({ file: label(`${name}.yaml`), line: 1, message: `missing file; every intent the advisor answers needs one (${intentNames.join(', ')})`, severity: 'error' });
  if (problems.length) throw new ContentError(problems);
  return { intents, places: places ?? placesFileSchema.parse({}) };
}
