/**
 * Content files and passages as content.jsonl stores them, each sentence once: loadContent
 * keeps every sentence three times (in its file's section, in the passage made from that
 * section, and in the passage's joined text), which made a 250-country artifact 4.6 MB to
 * parse (issue 18). Stored, a section keeps its slug, heading and line numbers, and a
 * passage its sentences; reading puts the sections' sentences and the passages' text back.
 * test/content/prebuilt-artifacts.test.ts checks the round trip equals loadContent's.
 */
import type { Passage } from '../content/types.js';
import type { Section } from '../content/markdown.js';

/** A section without its sentences, which its passage holds: their line numbers only. */
type StoredSection = Omit<Section, 'sentences'> & { lines: number[] };
export type Stored<T extends { sections: Section[] }> = Omit<T, 'sections'> & { sections: StoredSection[] };
export type StoredPassage = Omit<Passage, 'text'>;

export const compactFile = <T extends { sections: Section[] }>(file: T): Stored<T> => ({
  ...file,
  sections: file.sections.map(({ sentences, ...section }) => ({ ...section, lines: sentences.map((s) => s.line) })),
});

export const compactPassage = ({ text: _joined, ...p }: Passage): StoredPassage => p;

export const expandPassage = (p: StoredPassage): Passage => ({ ...p, text: p.sentences.map((s) => s.text).join(' ') });

/** Passages by id, for expandFile. */
export const passagesById = (passages: readonly Passage[]): ReadonlyMap<string, Passage> => new Map(passages.map((p) => [p.id, p]));

/** A file with its sections' sentences back from its own passages (`byId`): section `slug` is passage `<idPrefix>#<slug>` (load-content.ts's buildPassages). */
export function expandFile<T extends { sections: Section[] }>(file: Stored<T>, byId: ReadonlyMap<string, Passage>, idPrefix: string): T {
  return {
    ...file,
    sections: file.sections.map(({ lines, ...section }) => ({
      ...section,
      sentences: byId.get(`${idPrefix}#${section.slug}`)!.sentences.map(({ text, sources }, i) => ({ text, sources, line: lines[i]! })),
    })),
  } as unknown as T;
}
