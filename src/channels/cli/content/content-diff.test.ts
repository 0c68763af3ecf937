/**
 * Proves diffContent and diffToMarkdown on loaded content, in-process: a weight change
 * is reported under Scoring with every level it moves, an override shows as such, and
 * identical content is "No user-visible changes".
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffContent, isEmptyDiff } from './content-diff.js';
import { diffToMarkdown } from './diff-to-markdown.js';
import { loadContent } from '../../../content/load-content.js';

const CONTENT = resolve(import.meta.dirname, '../../../../content');
const tmp = mkdtempSync(join(tmpdir(), 'content-diff-unit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function variant(name: string, edit: (dir: string) => void) {
  const dir = join(tmp, name);
  cpSync(CONTENT, dir, { recursive: true });
  edit(dir);
  return loadContent(dir);
}
const sub = (dir: string, file: string, from: RegExp | string, to: string) =>
  writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(from, to));

const base = loadContent(CONTENT);

describe('diffContent', () => {
  it('finds nothing between identical content', () => {
    const d = diffContent(base, loadContent(CONTENT));
    expect(isEmptyDiff(d)).toBe(true);
    expect(diffToMarkdown(d, { base: 'main' })).toBe('## Content changes against `main`\n\nNo user-visible changes.\n');
  });

  it('reports a weight change under Scoring and every level it moves', () => {
    const after = variant('weights', (dir) =>
      sub(dir, 'indicators.yaml', /(- id: encryption-restrictions\n(?:.*\n){2}\s+weight:) 3/, '$1 1'),
    );
    const d = diffContent(base, after);
    expect(d.scoring).toEqual(['indicator encryption-restrictions weight 3 → 1']);
    const moved = d.changed.filter((c) => c.from.level !== c.to.level).map((c) => `${c.code} ${c.from.level}→${c.to.level}`);
    // RU 10 → 8 and TM 9 → 7 drop to high; BY 12 → 10 stays severe; KZ 8 → 6 stays high.
    expect(moved).toEqual(expect.arrayContaining(['RU 4→3', 'TM 4→3']));
    expect(moved.some((m) => m.startsWith('BY') || m.startsWith('KZ'))).toBe(false);
    const md = diffToMarkdown(d, { base: 'main' });
    expect(md).toContain('### Scoring\n\nWeights or thresholds changed, so any level may move:\n\n- indicator encryption-restrictions weight 3 → 1');
    expect(md).toContain('| Russia (RU) | 4 severe (score 10) | ⬇ 3 high (score 8) | (scoring or override) |');
  });

  it('marks an overridden level', () => {
    const after = variant('override', (dir) =>
      sub(dir, 'countries/am.md', /^law:/m, 'level_override:\n  level: 3\n  rationale: Raised while new reports are reviewed.\n  sources: [mdi-am-wiretap]\nlaw:'),
    );
    const md = diffToMarkdown(diffContent(base, after), { base: 'main' });
    expect(md).toContain('| Armenia (AM) | 1 baseline (score 0) | ⬆ 3 high (score 0, override) | (scoring or override) |');
  });
});
