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

/** Splits a paragraph or bullet into sentences, each with the citations it carries. */
export function splitSentences(text: string, line: number): CitedSentence[] {
  // A sentence ends at . ! or ? (after an optional citation) followed by space and a capital, digit or quote.
  const parts = text.split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}"“(])/u);
  return parts
    .map((raw) => raw.trim())
    .filter((raw) => raw.length > 0)
    .map((raw) => {
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
  let paraLine = bodyLine;
  const flush = () => {
    if (current && para.length) current.sentences.push(...splitSentences(para.join(' '), paraLine));
    para = [];
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
    if (!para.length) paraLine = lineNo;
    para.push(bullet ? trimmed.slice(bullet[0].length) : trimmed);
  });
  flush();
  return sections;
}
