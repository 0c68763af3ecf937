/**
 * Proves the layers of src/ point one way (docs/architecture.md): every import of every
 * source file, `import type` included, goes to its own unit, a lower layer or
 * infrastructure; no door imports another; nothing below the doors imports a chat SDK.
 * Each offending import is reported as `from → to (why)`. The checker is also fed trees
 * and graphs of its own, so a test shows it catches what it is meant to catch.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readImportGraph, type ImportEdge } from './import-graph.js';
import { LAYERS, PENDING, layerViolations, place } from './layers.js';

const SRC = resolve(import.meta.dirname, '../../src');
const edge = (from: string, to: string, external = false): ImportEdge => ({ from, to, external });
const pending = new Set(PENDING.map((p) => p.edge));
const strip = (v: string) => v.replace(/ \(.*\)$/, '');

describe('the layers of src/', () => {
  const violations = layerViolations(readImportGraph(SRC));

  it('has no import that runs back up a layer or crosses between doors', () => {
    expect(violations.filter((v) => !pending.has(strip(v)))).toEqual([]);
  });

  it('still has every pending crossing it lists (remove an entry once its change lands)', () => {
    expect([...pending].filter((p) => !violations.some((v) => strip(v) === p))).toEqual([]);
  });

  it('places every source file in exactly one layer', () => {
    const unplaced = readImportGraph(SRC)
      .map((e) => e.from)
      .filter((f) => !place(f));
    expect([...new Set(unplaced)]).toEqual([]);
  });

  it('keeps understand/ and retrieval/ free of the advisor, and content/ free of the advisor and the app', () => {
    const graph = readImportGraph(SRC).filter((e) => !e.external);
    const reach = (from: string, to: string[]) => graph.filter((e) => e.from.startsWith(from) && to.some((t) => e.to.startsWith(t)));
    expect(reach('understand/', ['advisor/'])).toEqual([]);
    expect(reach('retrieval/', ['advisor/', 'app/'])).toEqual([]);
    expect(reach('content/', ['advisor/', 'app/', 'alerts/', 'render/', 'retrieval/'])).toEqual([]);
  });
});

describe('the layer checker', () => {
  it('reports an import that runs back up a layer, as from → to', () => {
    expect(layerViolations([edge('understand/types.ts', 'advisor/answer.ts'), edge('advisor/answer.ts', 'vocabulary/trip.ts')])).toEqual([
      'understand/types.ts → advisor/answer.ts (understand may not import advisor, a layer above it)',
    ]);
  });

  it('reports a door that imports another door, but lets the playground preview their renderers', () => {
    expect(
      layerViolations([
        edge('channels/teams/message-handlers.ts', 'channels/slack/limits.ts'),
        edge('channels/web/create-web-door.ts', 'channels/slack/render/answer-to-block-kit.ts'),
        edge('channels/api/create-api-door.ts', 'channels/slack/render/answer-to-block-kit.ts'),
      ]),
    ).toEqual([
      'channels/teams/message-handlers.ts → channels/slack/limits.ts (a door may not import another door)',
      'channels/api/create-api-door.ts → channels/slack/render/answer-to-block-kit.ts (a door may not import another door)',
    ]);
  });

  it('lets anyone import infrastructure, but infrastructure import nothing above it except config its checkers', () => {
    expect(
      layerViolations([
        edge('advisor/create-advisor.ts', 'errors.ts'),
        edge('config.ts', 'channels/teams/tenancy-problems.ts'),
        edge('logger.ts', 'advisor/answer.ts'),
        edge('store/create-store.ts', 'channels/teams/tenancy-problems.ts'),
        edge('channels/teams/tenancy-problems.ts', 'channels/teams/create-teams-door.ts'),
      ]),
    ).toEqual([
      'logger.ts → advisor/answer.ts (infrastructure may not import advisor)',
      'store/create-store.ts → channels/teams/tenancy-problems.ts (infrastructure may not import doors)',
      'channels/teams/tenancy-problems.ts → channels/teams/create-teams-door.ts (a settings checker config.ts imports may import only infrastructure)',
    ]);
  });

  it('lets services import each other, and forbids a chat SDK below the doors', () => {
    expect(
      layerViolations([
        edge('alerts/alert-trip.ts', 'reminders/types.ts'),
        edge('reminders/types.ts', 'alerts/types.ts'),
        edge('advisor/create-advisor.ts', '@slack/bolt', true),
        edge('conversation/types.ts', 'botbuilder', true),
        edge('channels/slack/create-slack-door.ts', '@slack/bolt', true),
      ]),
    ).toEqual([
      'advisor/create-advisor.ts → @slack/bolt (advisor may not import a chat SDK)',
      'conversation/types.ts → botbuilder (conversation may not import a chat SDK)',
    ]);
  });

  it('reports a file in no layer, so a new directory must be placed before it is used', () => {
    expect(layerViolations([edge('gadgets/widget.ts', 'errors.ts')])).toEqual([
      'gadgets/widget.ts → errors.ts (gadgets/widget.ts is in no layer: add it to LAYERS (test/architecture/layers.ts) and docs/architecture.md)',
    ]);
  });

  it('is the list docs/architecture.md shows, in the same order', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../docs/architecture.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| ([a-z ]+) \| /gm)].map((m) => m[1]).filter((name) => name !== 'Layer');
    expect(rows).toEqual(LAYERS.map((l) => l.name));
  });

  it('lists every layer bottom-up, infrastructure first and main last', () => {
    expect(LAYERS.map((l) => l.name)).toEqual([
      'infrastructure', 'vocabulary', 'content', 'understand', 'retrieval', 'artifacts', 'model client', 'advisor', 'services', 'conversation', 'render', 'app', 'doors', 'main',
    ]);
  });
});

describe('the import reader on a tree of its own', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };

  it('sees import type, export from and dynamic import, ignores comments and tests, and the checker fails on them', () => {
    dir = mkdtempSync(join(tmpdir(), 'layers-'));
    write('advisor/answer.ts', 'export type Answer = { intent: string };\n');
    write('content/schema.ts', "import type { Answer } from '../advisor/answer.js';\nexport type A = Answer;\n");
    write('understand/types.ts', "export { type Answer } from '../advisor/answer.js';\n// import { x } from '../app/create-app.js';\n");
    write('retrieval/lazy.ts', "export const load = () => import('../advisor/answer.js');\n");
    write('retrieval/lazy.test.ts', "import '../app/app-context.js';\n");
    expect(layerViolations(readImportGraph(dir))).toEqual([
      'content/schema.ts → advisor/answer.ts (content may not import advisor, a layer above it)',
      'retrieval/lazy.ts → advisor/answer.ts (retrieval may not import advisor, a layer above it)',
      'understand/types.ts → advisor/answer.ts (understand may not import advisor, a layer above it)',
    ]);
  });
});
