/**
 * Proves the core stays channel-free: nothing under src/advisor, src/alerts, src/content, src/insights
 * or src/understand imports a chat SDK or a door, and only src/config.ts reads process.env.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('architecture boundaries', () => {
  for (const core of ['advisor', 'alerts', 'content', 'insights', 'understand']) {
    it(`src/${core} imports no chat SDK and no door`, () => {
      const offenders = files(join(SRC, core)).flatMap((f) =>
        imports(f)
          .filter((i) => /^(@slack\/|botbuilder|botframework-)/.test(i) || /channels\//.test(i) || /\/server\//.test(i))
          .map((i) => `${relative(SRC, f)} imports ${i}`),
      );
      expect(offenders).toEqual([]);
    });
  }

  it('reads process.env only in src/config.ts', () => {
    const offenders = files(SRC)
      .filter((f) => /process\.env/.test(withoutComments(readFileSync(f, 'utf8'))))
      .map((f) => relative(SRC, f))
      .filter((f) => f !== 'config.ts');
    expect(offenders).toEqual([]);
  });
});
