/**
 * The content base as content.json stores it, each sentence once: loadContent keeps every
 * sentence three times (in its file's section, in the passage made from that section, and
 * in the passage's joined text), which made a 250-country artifact 4.6 MB to parse at each
 * start (issue 18). Stored, a section keeps its slug, heading and line numbers, and a
 * passage its sentences; reading puts the sections' sentences and the passages' text back.
 * test/content/prebuilt-artifacts.test.ts checks the round trip equals loadContent's.
 */
import type { ContentBase, Country, Passage, Topic } from '../content/types.js';
import type { Section } from '../content/markdown.js';

/** A section without its sentences, which its passage holds: their line numbers only. */
type StoredSection = Omit<Section, 'sentences'> & { lines: number[] };
type Stored<T extends { sections: Section[] }> = Omit<T, 'sections'> & { sections: StoredSection[] };

export interface CompactContent extends Omit<ContentBase, 'countries' | 'topics' | 'passages'> {
  countries: Map<string, Stored<Country>>;
  topics: Map<string, Stored<Topic>>;
  passages: Array<Omit<Passage, 'text'>>;
}

const compactSections = <T extends { sections: Section[] }>(file: T): Stored<T> => ({
  ...file,
  sections: file.sections.map(({ sentences, ...section }) => ({ ...section, lines: sentences.map((s) => s.line) })),
});

export function compactContent(content: ContentBase): CompactContent {
  return {
    ...content,
    countries: new Map([...content.countries].map(([code, c]) => [code, compactSections(c)])),
    topics: new Map([...content.topics].map(([id, t]) => [id, compactSections(t)])),
    passages: content.passages.map(({ text: _joined, ...p }) => p),
  };
}

export function expandContent(stored: CompactContent): ContentBase {
  const passages: Passage[] = stored.passages.map((p) => ({ ...p, text: p.sentences.map((s) => s.text).join(' ') }));
  const byId = new Map(passages.map((p) => [p.id, p]));
  // A file's section `slug` is the passage `<kind>:<ref>#<slug>` (load-content.ts's buildPassages).
  const expand = <T extends { sections: Section[] }>(file: Stored<T>, idPrefix: string): T =>
    ({
      ...file,
      sections: file.sections.map(({ lines, ...section }) => ({
        ...section,
        sentences: byId.get(`${idPrefix}#${section.slug}`)!.sentences.map(({ text, sources }, i) => ({ text, sources, line: lines[i]! })),
      })),
    }) as unknown as T;
  return {
    ...stored,
    countries: new Map([...stored.countries].map(([code, c]) => [code, expand<Country>(c, `country:${code.toLowerCase()}`)])),
    topics: new Map([...stored.topics].map(([id, t]) => [id, expand<Topic>(t, `topic:${id}`)])),
    passages,
  };
}
