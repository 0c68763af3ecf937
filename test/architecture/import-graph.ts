/**
 * The import graph of a source tree, read with the TypeScript compiler's own pre-processor
 * (`ts.preProcessFile`), so `import type`, `export … from`, side-effect imports and dynamic
 * `import()` all count, and imports inside comments or strings do not. Used by
 * layers.test.ts; a plain function of a directory so a test can feed it a tree of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import ts from 'typescript';

/** One import: `from` and `to` are paths relative to the tree's root with `/`; `to` is a package name for a bare specifier. */
export interface ImportEdge {
  from: string;
  to: string;
  /** True for a package (`zod`, `@slack/bolt`), false for a file of the tree. */
  external: boolean;
}

/** Every `.ts` file under `root`, tests excluded (they may reach anywhere to set a scene). */
export function sourceFiles(root: string, dir = root): string[] {
  // Walked by hand: recursive readdir and Dirent.parentPath need newer Node 20 releases than package.json allows.
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return sourceFiles(root, path);
      const source = e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts');
      return source ? [relative(root, path).split(sep).join('/')] : [];
    })
    .sort();
}

/** The imports of every source file under `root`. Relative specifiers are resolved (`./a.js` → `dir/a.ts`). */
export function readImportGraph(root: string): ImportEdge[] {
  return sourceFiles(root).flatMap((from) => {
    const info = ts.preProcessFile(readFileSync(join(root, from), 'utf8'), true, true);
    return info.importedFiles.map(({ fileName }): ImportEdge => {
      if (!fileName.startsWith('.')) return { from, to: fileName, external: true };
      const to = normalize(join(dirname(from), fileName)).split(sep).join('/').replace(/\.js$/, '.ts');
      return { from, to, external: false };
    });
  });
}
