/**
 * Checks between files that no single schema can see: source ids that do not exist,
 * indicators missing or unknown, duplicate countries, uncited sentences, stale reviews.
 * Each problem is located at the line of the offending value.
 */
import { basename } from 'node:path';
import isoCountries from 'i18n-iso-countries';
import type { ContentProblem } from '../errors.js';
import type { Section } from './markdown.js';
import type { IndicatorDef, LevelDef, Source } from './schema.js';
import type { ChecklistItem, Country, Topic } from './types.js';
import type { YamlFile } from './yaml-file.js';
import { TUNNEL_TERMS, givesVpnAdvice } from './vpn-advice.js';
import { sameFactPairs } from './same-fact.js';

interface Parsed<T> {
  value: T;
  yaml: YamlFile;
}

export interface CrossCheckInput {
  sources: Map<string, Source>;
  /** sources.yaml, to locate "never cited" warnings; optional. */
  sourcesYaml?: YamlFile | undefined;
  indicators: IndicatorDef[];
  levels: LevelDef[];
  indicatorsYaml: YamlFile | undefined;
  countries: Array<Parsed<Country>>;
  topics: Array<Parsed<Topic>>;
  checklist: Array<Parsed<ChecklistItem[]>>;
}

const DAY_MS = 86_400_000;
const RESTRICTIVE = new Set(['banned', 'restricted']);
const NEGATION = /\b(do not|don't|never|not)\b/i;

export function checkCrossReferences(
  input: CrossCheckInput,
  problems: ContentProblem[],
  options: { staleAfterDays: number; today: Date },
): Set<string> {
  const { sources, indicators } = input;
  const error = (file: string, line: number, message: string) => problems.push({ file, line, message, severity: 'error' });
  const warn = (file: string, line: number, message: string) => problems.push({ file, line, message, severity: 'warning' });
  const cited = new Set<string>();
  const checkSources = (y: YamlFile, path: PropertyKey[], ids: string[]) =>
    ids.forEach((id, i) => {
      cited.add(id);
      if (!sources.has(id)) error(y.file, y.lineOf([...path, i]), `unknown source id "${id}"; add it to sources.yaml or fix the id`);
    });
  /** `noVpnAdvice`: why no sentence here may tell the reader to use a VPN, or null where it may. */
  const checkSections = (file: string, sections: Section[], noVpnAdvice: string | null) => {
    for (const section of sections) {
      if (!section.sentences.length) warn(file, section.line, `section "${section.heading}" is empty`);
      for (const s of section.sentences) {
        if (noVpnAdvice && givesVpnAdvice(s.text))
          error(file, s.line, `VPN advice where it may break local law (${noVpnAdvice}): "${s.text.length > 70 ? `${s.text.slice(0, 70)}…` : s.text}"; state the law, say what to do instead, never tell the reader to use a VPN, tunnel or proxy`);
        if (!s.sources.length)
          error(file, s.line, `sentence without a citation: "${s.text.slice(0, 60)}…"; end it with [@source-id]`);
        for (const id of s.sources) cited.add(id);
        for (const id of s.sources)
          if (!sources.has(id)) error(file, s.line, `unknown source id "${id}"; add it to sources.yaml or fix the id`);
      }
    }
  };
  /** A file is stale when its last review (or, for a draft, its drafting) is older than the limit. */
  const checkStale = (y: YamlFile, f: Pick<Country, 'drafted' | 'reviewed'>) => {
    const when = f.reviewed?.date ?? f.drafted.date;
    const age = Math.floor((options.today.getTime() - Date.parse(`${when}T00:00:00Z`)) / DAY_MS);
    if (age > options.staleAfterDays)
      warn(y.file, y.lineOf([f.reviewed ? 'reviewed' : 'drafted']), `stale: ${f.reviewed ? 'last reviewed' : 'drafted and never reviewed'} ${when} (${age} days ago, limit ${options.staleAfterDays})`);
  };

  // indicators.yaml: unique ids, levels in order.
  const iy = input.indicatorsYaml;
  if (iy) {
    const seen = new Set<string>();
    indicators.forEach((d, i) => {
      if (seen.has(d.id)) error(iy.file, iy.lineOf(['indicators', i, 'id']), `duplicate indicator id "${d.id}"`);
      seen.add(d.id);
    });
    input.levels.forEach((l, i) => {
      if (l.level !== i + 1) error(iy.file, iy.lineOf(['levels', i, 'level']), `levels must be listed 1 to 4 in order; expected ${i + 1}`);
      const prev = input.levels[i - 1];
      if (prev && l.min_score <= prev.min_score)
        error(iy.file, iy.lineOf(['levels', i, 'min_score']), `min_score must rise with the level; expected more than ${prev.min_score}`);
    });
    if (input.levels[0] && input.levels[0].min_score !== 0)
      error(iy.file, iy.lineOf(['levels', 0, 'min_score']), 'level 1 must start at min_score 0');
  }

  const indicatorIds = new Set(indicators.map((d) => d.id));
  const byCode = new Map<string, string>();
  for (const { value: c, yaml: y } of input.countries) {
    const expectedName = `${c.code.toLowerCase()}.md`;
    if (basename(c.file) !== expectedName) error(y.file, y.lineOf(['code']), `file name must match the code: expected ${expectedName}`);
    if (!isoCountries.isValid(c.code)) error(y.file, y.lineOf(['code']), `"${c.code}" is not an ISO 3166-1 alpha-2 country code`);
    const other = byCode.get(c.code);
    if (other) error(y.file, y.lineOf(['code']), `duplicate country ${c.code}: also defined in ${other}`);
    else byCode.set(c.code, c.file);
    for (const id of indicatorIds)
      if (!(id in c.indicators)) error(y.file, y.lineOf(['indicators']), `missing indicator "${id}"; every indicator of indicators.yaml must be marked present, absent or unknown`);
    for (const [id, ind] of Object.entries(c.indicators)) {
      if (!indicatorIds.has(id)) error(y.file, y.lineOf(['indicators', id]), `unknown indicator id "${id}"; expected one of ${[...indicatorIds].join(', ')}`);
      if (ind.status !== 'unknown' && !ind.sources.length)
        error(y.file, y.lineOf(['indicators', id, 'status']), `indicator "${id}" is ${ind.status} but cites no source; add sources: [id]`);
      checkSources(y, ['indicators', id, 'sources'], ind.sources);
    }
    for (const key of ['vpn', 'encryption'] as const) {
      const law = c.law[key];
      if (law.status !== 'unknown' && !law.sources.length)
        error(y.file, y.lineOf(['law', key, 'status']), `law.${key} is ${law.status} but cites no source; add sources: [id]`);
      checkSources(y, ['law', key, 'sources'], law.sources);
    }
    // A law flag that limits protection should show in the score too, or the level understates it.
    const limiting = (['vpn', 'encryption'] as const).filter((k) => RESTRICTIVE.has(c.law[k].status));
    if (limiting.length && indicatorIds.has('encryption-restrictions') && c.indicators['encryption-restrictions']?.status !== 'present')
      warn(
        y.file,
        y.lineOf(['indicators', 'encryption-restrictions', 'status']),
        `law.${limiting[0]} is ${c.law[limiting[0]!].status} but indicator "encryption-restrictions" is not present; mark it present or explain why not`,
      );
    if (c.level_override) {
      checkSources(y, ['level_override', 'sources'], c.level_override.sources);
      warn(y.file, y.lineOf(['level_override']), `level overridden to ${c.level_override.level}: ${c.level_override.rationale}`);
    }
    for (const [a, b] of sameFactPairs(c.indicators))
      error(
        y.file,
        y.lineOf(['indicators', b, 'evidence']),
        `indicators "${a}" and "${b}" rest on the same fact (same source, same words); one fact counts toward one indicator only: keep it under one and mark the other from its own evidence, or unknown`,
      );
    checkStale(y, c);
    checkSections(c.file, c.sections, c.law.vpn.status === 'allowed' ? null : `${c.code} VPN status is ${c.law.vpn.status}`);
  }

  const topicIds = new Map<string, string>();
  for (const { value: t, yaml: y } of input.topics) {
    const other = topicIds.get(t.id);
    if (other) error(y.file, y.lineOf(['id']), `duplicate topic id "${t.id}": also defined in ${other}`);
    else topicIds.set(t.id, t.file);
    t.countries.forEach((code, i) => {
      if (!isoCountries.isValid(code)) error(y.file, y.lineOf(['countries', i]), `"${code}" is not an ISO 3166-1 alpha-2 country code`);
    });
    checkStale(y, t);
    // Topics are read for any destination, so they never tell anyone to use a VPN.
    checkSections(t.file, t.sections, 'topics are shown for every destination');
  }

  const itemIds = new Map<string, string>();
  for (const { value: items, yaml: y } of input.checklist) {
    items.forEach((item, i) => {
      const other = itemIds.get(item.id);
      if (other) error(y.file, y.lineOf(['items', i, 'id']), `duplicate checklist item id "${item.id}": also in ${other}`);
      else itemIds.set(item.id, y.file);
      checkSources(y, ['items', i, 'sources'], item.sources);
      if (item.when.indicator && !indicatorIds.has(item.when.indicator))
        error(y.file, y.lineOf(['items', i, 'when', 'indicator']), `unknown indicator id "${item.when.indicator}"`);
      if (item.when.min_level > item.when.max_level)
        error(y.file, y.lineOf(['items', i, 'when']), 'min_level is above max_level: the item would never apply');
      checkVpnItem(item, (path, message) => error(y.file, y.lineOf(['items', i, ...path]), message));
    });
  }

  return cited;
}

/**
 * VPN advice must follow each country's law.vpn: an item that mentions VPNs says for
 * which statuses it applies, and an item for countries where VPNs are banned or
 * restricted never applies elsewhere, says "do not" and sends the traveller to the
 * security team. MUST stay in sync with content/README.md ("VPN advice").
 */
export function checkVpnItem(item: ChecklistItem, report: (path: PropertyKey[], message: string) => void): void {
  if (!TUNNEL_TERMS.test(item.text)) return;
  const vpn = item.when.vpn;
  if (!vpn) {
    report(['text'], 'the item mentions VPNs (or a tunnel, proxy, Tor …) but does not say where it applies; add when: { vpn: [...] } so it follows each country\'s law.vpn');
    return;
  }
  if (givesVpnAdvice(item.text) && vpn.some((s) => s !== 'allowed'))
    report(['when', 'vpn'], `the item tells travellers to use a VPN (or a tunnel, proxy …), so it may apply only where VPNs are allowed; expected when: { vpn: [allowed] }, found [${vpn.join(', ')}]`);
  const restrictive = vpn.filter((s) => RESTRICTIVE.has(s));
  if (!restrictive.length) return;
  if (restrictive.length !== vpn.length)
    report(['when', 'vpn'], 'an item for countries where VPNs are banned or restricted must not also apply where they are allowed or unknown; split it in two');
  if (!NEGATION.test(item.text) || !/security team/i.test(item.text))
    report(['text'], 'where VPNs are banned or restricted the item must say not to use one and to talk to the security team');
}
