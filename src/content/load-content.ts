/**
 * Reads content/ once at start-up, validates every file with zod and checks the
 * cross-references between files. Any error stops start-up with a ContentError that
 * names file:line, the field and what was expected; warnings are returned.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { ContentError, type ContentProblem } from '../errors.js';
import { parseSections, splitFrontMatter } from './markdown.js';
import {
  checklistFileSchema,
  countryFrontSchema,
  indicatorsFileSchema,
  sourcesFileSchema,
  topicFrontSchema,
  type Source,
} from './schema.js';
import { parseYamlFile, readYamlFile, type YamlFile } from './yaml-file.js';
import { readContentFile } from './read-content-file.js';
import { checkCrossReferences } from './cross-check.js';
import { highRiskFileSchema, screeningFileSchema, worldFileSchema, type HighRiskEntry, type WorldEntry } from './world-schema.js';
import { checkWorld } from './check-world.js';
import type { ChecklistItem, ContentBase, Country, Passage, Topic } from './types.js';
import { contentTerms } from './terms.js';
import { passageOwners } from './passages-of.js';

export interface LoadOptions {
  /** Files reviewed longer ago than this are reported as stale (warning). Default 180. */
  staleAfterDays?: number;
  /** "Today", for staleness; injected so results do not depend on the clock. */
  today?: Date;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length ? `field "${issue.path.join('.')}"` : 'file';
  if (issue.code === 'unrecognized_keys') return `${field}: unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message))
    return `${field}: missing; expected ${issue.expected}`;
  if (issue.code === 'invalid_value') return `${field}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return `${field}: ${issue.message}`;
}

function validate<T>(
  y: YamlFile,
  schema: z.ZodType<T>,
  problems: ContentProblem[],
): T | undefined {
  if (y.syntaxErrors.length) {
    for (const e of y.syntaxErrors) problems.push({ file: y.file, line: e.line, message: e.message, severity: 'error' });
    return undefined;
  }
  const result = schema.safeParse(y.data ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({ file: y.file, line: y.lineOf(issue.path), message: describeIssue(issue), severity: 'error' });
  }
  return undefined;
}

function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext) && !f.startsWith('_') && f !== 'README.md')
    .sort()
    .map((f) => join(dir, f));
}

interface Parsed<T> {
  value: T;
  yaml: YamlFile;
}

export function loadContent(dir: string, options: LoadOptions = {}): ContentBase {
  const problems: ContentProblem[] = [];
  const rel = (p: string) => relative(dir, p) || p;
  const readYaml = (path: string) => readYamlFile(rel(path), path);

  const need = (name: string) => {
    const path = join(dir, name);
    if (!existsSync(path)) {
      problems.push({ file: name, line: 1, message: `missing file; expected ${name} in ${dir}`, severity: 'error' });
      return undefined;
    }
    return readYaml(path);
  };

  const sourcesYaml = need('sources.yaml');
  const sourcesFile = sourcesYaml && validate(sourcesYaml, sourcesFileSchema, problems);
  const indicatorsYaml = need('indicators.yaml');
  const indicatorsFile = indicatorsYaml && validate(indicatorsYaml, indicatorsFileSchema, problems);

  const sources = new Map<string, Source>();
  sourcesFile?.sources.forEach((s, i) => {
    if (sources.has(s.id))
      problems.push({ file: sourcesYaml!.file, line: sourcesYaml!.lineOf(['sources', i, 'id']), message: `duplicate source id "${s.id}"`, severity: 'error' });
    sources.set(s.id, s);
  });

  /** Country and topic files: YAML front matter validated by `schema`, then `## ` sections. */
  const readMarkdownFiles = <T extends object>(subdir: string, schema: z.ZodType<T>) => {
    const parsed: Array<Parsed<T & { file: string; sections: ReturnType<typeof parseSections> }>> = [];
    for (const path of listFiles(join(dir, subdir), '.md')) {
      const read = readContentFile(path);
      if (read.error !== undefined) {
        problems.push({ file: rel(path), line: 1, message: read.error, severity: 'error' });
        continue;
      }
      const split = splitFrontMatter(read.text);
      if (split.front === null) {
        problems.push({ file: rel(path), line: 1, message: 'missing YAML front matter; expected the file to start with a line "---"', severity: 'error' });
        continue;
      }
      const yaml = parseYamlFile(rel(path), split.front, split.frontLine - 1);
      const front = validate(yaml, schema, problems);
      if (front) parsed.push({ value: { ...front, file: rel(path), sections: parseSections(split.body, split.bodyLine) }, yaml });
    }
    return parsed;
  };
  const countries: Array<Parsed<Country>> = readMarkdownFiles('countries', countryFrontSchema);
  const topics: Array<Parsed<Topic>> = readMarkdownFiles('topics', topicFrontSchema);

  const checklist: Array<Parsed<ChecklistItem[]>> = [];
  for (const path of listFiles(join(dir, 'checklists'), '.yaml')) {
    const yaml = readYaml(path);
    const file = validate(yaml, checklistFileSchema, problems);
    if (file)
      checklist.push({
        value: file.items.map((item) => ({ ...item, category: file.category, categoryTitle: file.title, file: yaml.file })),
        yaml,
      });
  }

  const screeningYaml = need('screening.yaml');
  const screening = screeningYaml && validate(screeningYaml, screeningFileSchema, problems);
  const highRiskYaml = need('high-risk.yaml');
  const highRiskFile = highRiskYaml && validate(highRiskYaml, highRiskFileSchema, problems);
  const world: Array<Parsed<WorldEntry[]>> = [];
  const worldFiles = listFiles(join(dir, 'world'), '.yaml');
  if (!worldFiles.length)
    problems.push({ file: 'world', line: 1, message: `missing world table; expected content/world/<region>.yaml files in ${dir}`, severity: 'error' });
  for (const path of worldFiles) {
    const yaml = readYaml(path);
    const file = validate(yaml, worldFileSchema, problems);
    if (file) world.push({ value: file.countries, yaml });
  }

  const cited = checkCrossReferences(
    { sources, sourcesYaml, indicators: indicatorsFile?.indicators ?? [], levels: indicatorsFile?.levels ?? [], indicatorsYaml, countries, topics, checklist },
    problems,
    { staleAfterDays: options.staleAfterDays ?? 180, today: options.today ?? new Date() },
  );
  checkWorld({ sources, world, highRisk: highRiskFile && highRiskYaml ? { value: highRiskFile.countries, yaml: highRiskYaml } : undefined, screening: screening && screeningYaml ? { value: screening, yaml: screeningYaml } : undefined, countries }, problems, cited);
  reportUncitedSources(sources, sourcesYaml, cited, problems);

  if (problems.some((p) => p.severity === 'error')) throw new ContentError(problems);

  const countryMap = new Map(countries.map((c) => [c.value.code, c.value]));
  const topicMap = new Map(topics.map((t) => [t.value.id, t.value]));
  const passages = buildPassages([...countryMap.values()], [...topicMap.values()]);
  return {
    dir,
    sources,
    indicators: indicatorsFile!.indicators,
    levels: [...indicatorsFile!.levels].sort((a, b) => a.level - b.level),
    countries: countryMap,
    topics: topicMap,
    checklist: checklist.flatMap((c) => c.value),
    world: new Map(world.flatMap((w) => w.value).map((e) => [e.code, e])),
    highRisk: new Map<string, HighRiskEntry>(highRiskFile!.countries.map((e) => [e.code, e])),
    screening: screening!,
    passages,
    owners: passageOwners(passages),
    warnings: problems,
  };
}

/**
 * Sources nobody cites are usually a typo elsewhere or left-overs: warn, do not fail.
 * Skipped while any file is invalid, since an invalid file's citations are not seen.
 */
function reportUncitedSources(sources: Map<string, Source>, sy: YamlFile | undefined, cited: Set<string>, problems: ContentProblem[]): void {
  if (!sy || problems.some((p) => p.severity === 'error')) return;
  [...sources.keys()].forEach((id, i) => {
    if (!cited.has(id)) problems.push({ file: sy.file, line: sy.lineOf(['sources', i, 'id']), message: `source "${id}" is not cited anywhere`, severity: 'warning' });
  });
}

/** Passages with each sentence's terms computed here, once, rather than on every answer. */
function buildPassages(countries: Country[], topics: Topic[]): Passage[] {
  const passages: Passage[] = [];
  for (const c of countries) {
    for (const s of c.sections) {
      passages.push({
        id: `country:${c.code.toLowerCase()}#${s.slug}`,
        kind: 'country',
        ref: c.code,
        title: c.name,
        heading: s.heading,
        countries: [c.code],
        keywords: [c.name],
        sentences: s.sentences.map(({ text, sources }) => ({ text, sources, terms: contentTerms(text) })),
        text: s.sentences.map((x) => x.text).join(' '),
      });
    }
  }
  for (const t of topics) {
    for (const s of t.sections) {
      passages.push({
        id: `topic:${t.id}#${s.slug}`,
        kind: 'topic',
        ref: t.id,
        title: t.title,
        heading: s.heading,
        countries: t.countries,
        keywords: t.keywords,
        sentences: s.sentences.map(({ text, sources }) => ({ text, sources, terms: contentTerms(text) })),
        text: s.sentences.map((x) => x.text).join(' '),
      });
    }
  }
  return passages;
}
