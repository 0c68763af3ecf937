/**
 * Parses YAML while keeping line numbers, so every problem found later (by zod or a
 * cross-reference check) can be reported as file:line.
 */
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node } from 'yaml';

export interface YamlFile {
  file: string;
  data: unknown;
  /** 1-based line of the value at `path`, or of its nearest existing parent. */
  lineOf(path: ReadonlyArray<PropertyKey>): number;
  /** YAML syntax errors, already located. */
  syntaxErrors: Array<{ line: number; message: string }>;
}

/** `lineOffset` is the number of lines above the YAML text in its file (front matter). */
export function parseYamlFile(file: string, text: string, lineOffset = 0): YamlFile {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined): number =>
    offset === undefined ? 1 + lineOffset : lineCounter.linePos(offset).line + lineOffset;
  const syntaxErrors = doc.errors.map((e) => ({
    line: lineAt(e.pos[0]),
    message: `invalid YAML: ${e.message.split('\n')[0]}`,
  }));
  const lineOf = (path: ReadonlyArray<PropertyKey>): number => {
    let node: Node | null | undefined = doc.contents as Node | null;
    let line = lineAt(node?.range?.[0]);
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
        if (!pair) break;
        const keyNode = pair.key as Node | null;
        line = lineAt(keyNode?.range?.[0]);
        node = pair.value as Node | null;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as Node | undefined;
        if (!item) break;
        line = lineAt(item.range?.[0]);
        node = item;
      } else break;
    }
    return line;
  };
  return { file, data: syntaxErrors.length ? undefined : doc.toJS(), lineOf, syntaxErrors };
}
