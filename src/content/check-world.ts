/**
 * Checks the world table, the high-risk list and the screening rules against each
 * other and against the ISO 3166-1 list: every code has exactly one entry, every
 * source id exists, every listed country exists. Each problem is located at the
 * line of the offending value, as `content:check` prints it.
 */
import isoCountries from 'i18n-iso-countries';
import type { ContentProblem } from '../errors.js';
import type { Source } from './schema.js';
import type { Country } from './types.js';
import type { HighRiskEntry, ScreeningRules, WorldEntry } from './world-schema.js';
import type { YamlFile } from './yaml-file.js';

interface Parsed<T> {
  value: T;
  yaml: YamlFile;
}

export interface WorldCheckInput {
  sources: Map<string, Source>;
  world: Array<Parsed<WorldEntry[]>>;
  highRisk: Parsed<HighRiskEntry[]> | undefined;
  screening: Parsed<ScreeningRules> | undefined;
  countries: Array<Parsed<Country>>;
}

/** Every code the world table must hold: ISO 3166-1 alpha-2, plus Kosovo (XK), which travellers ask about. */
export function allCountryCodes(): string[] {
  return Object.keys(isoCountries.getAlpha2Codes()).sort();
}

export function checkWorld(input: WorldCheckInput, problems: ContentProblem[], cited: Set<string>): void {
  const error = (y: YamlFile, path: PropertyKey[], message: string) =>
    problems.push({ file: y.file, line: y.lineOf(path), message, severity: 'error' });
  const checkSources = (y: YamlFile, path: PropertyKey[], ids: string[]) =>
    ids.forEach((sid, i) => {
      cited.add(sid);
      if (!input.sources.has(sid)) error(y, [...path, i], `unknown source id "${sid}"; add it to sources.yaml or fix the id`);
    });

  const seen = new Map<string, string>();
  const fileByCode = new Map(input.countries.map((c) => [c.value.code, c.value]));
  for (const { value: entries, yaml: y } of input.world) {
    entries.forEach((e, i) => {
      const at = ['countries', i];
      if (!isoCountries.isValid(e.code)) error(y, [...at, 'code'], `"${e.code}" is not an ISO 3166-1 alpha-2 country code`);
      const other = seen.get(e.code);
      if (other) error(y, [...at, 'code'], `duplicate world entry for ${e.code}: also in ${other}`);
      else seen.set(e.code, y.file);
      if (e.advisory) checkSources(y, [...at, 'advisory', 'sources'], e.advisory.sources);
      if (e.fotn) checkSources(y, [...at, 'fotn', 'sources'], e.fotn.sources);
      if (e.vpn) checkSources(y, [...at, 'vpn', 'sources'], e.vpn.sources);
      if (e.encryption) checkSources(y, [...at, 'encryption', 'sources'], e.encryption.sources);
      e.deployments?.forEach((d, j) => checkSources(y, [...at, 'deployments', j, 'sources'], d.sources));
      // A country file and the world table must not disagree on a law both claim to know.
      const own = fileByCode.get(e.code);
      for (const key of ['vpn', 'encryption'] as const) {
        const mine = own?.law[key].status;
        if (e[key] && mine && mine !== 'unknown' && mine !== e[key]!.status)
          error(y, [...at, key, 'status'], `${key} is ${e[key]!.status} here but ${mine} in ${own!.file}; make them agree (the country file wins in answers)`);
      }
    });
  }
  const first = input.world[0]?.yaml;
  if (first && input.world.length) {
    const missing = allCountryCodes().filter((c) => !seen.has(c));
    if (missing.length)
      problems.push({
        file: 'world',
        line: 1,
        message: `no world entry for ${missing.length} ISO code${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}; every code needs an entry (with only code and name when nothing is known)`,
        severity: 'error',
      });
  }

  const hr = input.highRisk;
  if (hr) {
    const listed = new Set<string>();
    hr.value.forEach((e, i) => {
      if (!isoCountries.isValid(e.code)) error(hr.yaml, ['countries', i, 'code'], `"${e.code}" is not an ISO 3166-1 alpha-2 country code`);
      if (listed.has(e.code)) error(hr.yaml, ['countries', i, 'code'], `${e.code} is listed twice`);
      listed.add(e.code);
      checkSources(hr.yaml, ['countries', i, 'sources'], e.sources);
    });
  }

  const sc = input.screening;
  if (sc) {
    const ids = new Set<string>();
    sc.value.rules.forEach((r, i) => {
      if (ids.has(r.id)) error(sc.yaml, ['rules', i, 'id'], `duplicate rule id "${r.id}"`);
      ids.add(r.id);
    });
  }
}
