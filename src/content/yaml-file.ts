/**
 * Parses YAML while keeping line numbers, so every problem found later (by zod or a
 * cross-reference check) can be reported as file:line. Hostile YAML is a located
 * error too, never an exception: aliases expand at most MAX_ALIAS_COUNT times (a
 * "billion laughs" file stops at once), and nesting deeper than MAX_YAML_DEPTH is
 * refused before parsing: the parser recurses, and repeated stack overflows in one
 * process have ended Node with a fatal V8 error instead of an exception.
 */
import { CST, Lexer, LineCounter, parseDocument, isMap, isSeq, isScalar, visit, type Document, type Node } from 'yaml';
import { readContentFile } from './read-content-file.js';

/** Content needs no anchors and aliases; a few are tolerated, an expansion bomb is refused. */
export const MAX_ALIAS_COUNT = 50;
/** Deepest nesting content may use: flow collections (`[[[`), or items opened on one line (`- - -`). */
export const MAX_YAML_DEPTH = 64;

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
  const deep = tooDeepAt(text);
  if (deep !== null) return failed(file, lineOffset + 1 + countNewlines(text, deep), `invalid YAML: nested more than ${MAX_YAML_DEPTH} levels deep`);
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch {
    return failed(file, 1 + lineOffset, 'invalid YAML: the parser gave up (nesting too deep?)');
  }
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
  if (syntaxErrors.length) return { file, data: undefined, lineOf, syntaxErrors };
  try {
    return { file, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), lineOf, syntaxErrors };
  } catch (error) {
    const aliasBomb = error instanceof ReferenceError && /alias/i.test(error.message);
    const message = aliasBomb
      ? `invalid YAML: aliases expand more than ${MAX_ALIAS_COUNT} times; write the values out instead of using anchors (&) and aliases (*)`
      : 'invalid YAML: the document could not be converted (nesting too deep?)';
    return { file, data: undefined, lineOf, syntaxErrors: [{ line: aliasBomb ? lineAt(firstAliasOffset(doc)) : lineAt(undefined), message }] };
  }
}

/** Reads (size-capped, see read-content-file.ts) and parses one YAML file; a file that cannot be read is a located error. */
export function readYamlFile(file: string, path: string): YamlFile {
  const read = readContentFile(path);
  return read.error === undefined ? parseYamlFile(file, read.text) : failed(file, 1, read.error);
}

function failed(file: string, line: number, message: string): YamlFile {
  return { file, data: undefined, lineOf: () => line, syntaxErrors: [{ line, message }] };
}

/** Lexer tokens that mark structure but are not text of the file. */
const NOT_SOURCE = new Set(['doc-mode', 'flow-error-end', 'scalar']);

/** Offset where the text nests deeper than MAX_YAML_DEPTH, found with the lexer (which does not recurse); null if nowhere. */
function tooDeepAt(text: string): number | null {
  let flow = 0;
  let items = 0;
  let offset = 0;
  let lineStart = true;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'flow-seq-start' || type === 'flow-map-start') {
      if (++flow > MAX_YAML_DEPTH) return offset;
    } else if (type === 'flow-seq-end' || type === 'flow-map-end') flow = Math.max(0, flow - 1);
    else if (type === 'seq-item-ind' || type === 'explicit-key-ind') {
      if (++items > MAX_YAML_DEPTH) return offset;
    } else if (type === 'space' && lineStart && token.length > 4 * MAX_YAML_DEPTH) return offset;
    if (type === 'newline') [items, lineStart] = [0, true];
    else if (type !== 'space' && !NOT_SOURCE.has(type ?? '')) lineStart = false;
    if (!NOT_SOURCE.has(type ?? '')) offset += token.length;
  }
  return null;
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function firstAliasOffset(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}
