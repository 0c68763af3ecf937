/**
 * The content base in parts (issue 18): a core part with everything but the country files
 * (sources, indicators, checklists, world table, topics and their passages, the digest),
 * and one part per country file with its passages. Opened, the content base is the one
 * loadContent makes, except that `countries` and `passages` decode a country's part on
 * first use (lazy-collections.ts): a question about Kyrgyzstan decodes Kyrgyzstan's only.
 */
import type { ContentBase, ContentDigest, Country, Passage, Topic } from '../content/types.js';
import { TOPIC_OWNER } from '../content/passages-of.js';
import { compactFile, compactPassage, expandFile, expandPassage, passagesById, type Stored, type StoredPassage } from './compact-content.js';
import { LazyMap, lazyArray } from './lazy-collections.js';
import { fromStoredJson, toStoredJson } from './stored-json.js';

/** Part key of the core; the others are country codes. */
export const CORE = 'core';

interface StoredCore extends Omit<ContentBase, 'dir' | 'countries' | 'topics' | 'passages' | 'owners' | 'digest'> {
  /** The country files' codes, in content order. */
  countryCodes: string[];
  topics: Map<string, Stored<Topic>>;
  topicPassages: StoredPassage[];
  owners: Map<string, [number, number]>;
  digest: ContentDigest;
}

interface StoredCountry {
  country: Stored<Country>;
  passages: StoredPassage[];
}

/** Each part as JSON text, the core first. */
export function contentParts(content: ContentBase, digest: ContentDigest): Map<string, string> {
  const { dir: _dir, countries, topics, passages, owners, digest: _digest, ...rest } = content;
  const of = (owner: string) => {
    const [first, end] = owners.get(owner) ?? [0, 0];
    return passages.slice(first, end).map(compactPassage);
  };
  const core: StoredCore = {
    ...rest,
    countryCodes: [...countries.keys()],
    topics: new Map([...topics].map(([id, t]) => [id, compactFile(t)])),
    topicPassages: of(TOPIC_OWNER),
    owners,
    digest,
  };
  const parts = new Map([[CORE, toStoredJson(core)]]);
  for (const [code, country] of countries) parts.set(code, toStoredJson({ country: compactFile(country), passages: of(code) } satisfies StoredCountry));
  return parts;
}

/** The content base of `part` (a reader of the parts), each country's part decoded on first use. */
export function openContent(part: (key: string) => string | undefined, dir: string): ContentBase {
  const { countryCodes, topics, topicPassages, owners, digest, ...rest } = fromStoredJson<StoredCore>(part(CORE)!);
  // The one place a country's part is decoded: `countries` decodes it, `passages` asks `countries`.
  const countryPassages = new Map<string, Passage[]>();
  const countries = new LazyMap(countryCodes, (code: string): Country => {
    const stored = fromStoredJson<StoredCountry>(part(code)!);
    const passages = stored.passages.map(expandPassage);
    countryPassages.set(code, passages);
    return expandFile<Country>(stored.country, passagesById(passages), `country:${code.toLowerCase()}`);
  });
  const topicsRead = topicPassages.map(expandPassage);
  const topicsById = passagesById(topicsRead);
  // Which owner each position belongs to, and where its passages start.
  const ownerAt: string[] = [];
  for (const [owner, [first, end]] of owners) for (let i = first; i < end; i++) ownerAt[i] = owner;
  const at = (i: number): Passage => {
    const owner = ownerAt[i]!;
    const first = owners.get(owner)![0];
    if (owner === TOPIC_OWNER) return topicsRead[i - first]!;
    countries.get(owner);
    return countryPassages.get(owner)![i - first]!;
  };
  return {
    ...rest,
    dir,
    countries,
    topics: new Map([...topics].map(([id, t]) => [id, expandFile<Topic>(t, topicsById, `topic:${id}`)])),
    passages: lazyArray(ownerAt.length, at),
    owners,
    digest,
  };
}
