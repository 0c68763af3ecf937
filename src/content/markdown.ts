/**
 * Country and topic files are YAML front matter plus Markdown sections. Each `## `
 * section becomes a passage; each sentence in it must end with a citation such as
 * `[@rf-2025]` or `[@rf-2025; @wired-2012]`, which ties the claim to sources.yaml.
 */
export interface CitedSentence {
  text: string;
  sources: string[];
  line: number;
}

export interface Section {
  /** Stable slug of the heading, e.g. "notable-incidents". */
  slug: string;
  heading: string;
  line: number;
  sentences: CitedSentence[];
}

export interface SplitFile {
  front: string | null;
  /** Line number (1-based) where the front matter's YAML starts. */
  frontLine: number;
  body: string;
  bodyLine: number;
}

export function splitFrontMatter(text: string): SplitFile {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { front: null, frontLine: 1, body: text, bodyLine: 1 };
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) return { front: null, frontLine: 1, body: text, bodyLine: 1 };
  return {
    front: lines.slice(1, end).join('\n'),
    frontLine: 2,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
  };
}

const CITATION = /\[(@[a-z0-9-]+(?:\s*;\s*@[a-z0-9-]+)*)\]/g;

export function slugify(heading: string): string {
  return heading
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Splits a paragraph or bullet into sentences, each with the citations it carries.
 * `line` is the paragraph's first line, or a function from a character offset in
 * `text` to its line, so each sentence of a multi-line paragraph gets its own line.
 */
export function splitSentences(text: string, line: number | ((offset: number) => number)): CitedSentence[] {
  // A sentence ends at . ! or ? (after an optional citation) followed by space and a capital, digit or quote.
  const parts = text.split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}"“(])/u);
  const lineAt = typeof line === 'number' ? () => line : line;
  let cursor = 0;
  return parts
    .map((part) => {
      const start = text.indexOf(part, cursor);
      cursor = start + part.length;
      const lead = part.length - part.trimStart().length;
      return { raw: part.trim(), line: lineAt(start + lead) };
    })
    .filter(({ raw }) => raw.length > 0)
    .map(({ raw, line }) => {
      const sources: string[] = [];
      for (const m of raw.matchAll(CITATION)) {
        for (const ref of m[1]!.split(';')) sources.push(ref.trim().slice(1));
      }
      const clean = raw.replace(CITATION, '').replace(/\s+([.,;:!?])/g, '$1').replace(/\s{2,}/g, ' ').trim();
      return { text: clean, sources: [...new Set(sources)], line };
    });
}

/** Parses `## ` sections; text before the first heading is ignored, list markers are stripped. */
export function parseSections(body: string, bodyLine: number): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  let para: string[] = [];
  let paraLines: number[] = [];
  const flush = () => {
    if (current && para.length) {
      // Offsets where each source line starts in the joined paragraph, to locate each sentence.
      const starts: number[] = [];
      let offset = 0;
      for (const text of para) {
        starts.push(offset);
        offset += text.length + 1;
      }
      const lines = paraLines;
      const lineAt = (at: number) => {
        let i = 0;
        while (i + 1 < starts.length && starts[i + 1]! <= at) i++;
        return lines[i]!;
      };
      current.sentences.push(...splitSentences(para.join(' '), lineAt));
    }
    para = [];
    paraLines = [];
  };
  body.split(/\r?\n/).forEach((rawLine, i) => {
    const lineNo = bodyLine + i;
    const heading = /^##\s+(.+?)\s*$/.exec(rawLine);
    if (heading) {
      flush();
      current = { slug: slugify(heading[1]!), heading: heading[1]!, line: lineNo, sentences: [] };
      sections.push(current);
      return;
    }
    const trimmed = rawLine.trim();
    if (!trimmed || /^#/.test(trimmed)) {
      flush();
      return;
    }
    const bullet = /^[-*+]\s+|^\d+[.)]\s+/.exec(trimmed);
    if (bullet) flush();
    para.push(bullet ? trimmed.slice(bullet[0].length) : trimmed);
    paraLines.push(lineNo);
  });
  flush();
  return sections;
}
