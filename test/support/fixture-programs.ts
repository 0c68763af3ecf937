/**
 * The test's own programs that suites start as child processes (`test/<area>/fixtures/*.ts`:
 * a reminders process, an alerting server), compiled to JavaScript that imports the built
 * program in dist/ instead of src/. Started through tsx, a reminders process that has nothing
 * to deliver spent 0.69 s of CPU against 0.31 s compiled (idle machine), and the suites start
 * fourteen of them, most doing real work under tsx's hooks. What they run is the same code:
 * the global setup (test/support/global-setup.ts) rebuilds dist/ whenever src/ is newer, then
 * compiles these.
 *
 * A fixture may import src/ and packages only; any other relative import (a test helper,
 * itself TypeScript) is refused at compile time rather than failing in the child process.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
/** Where the compiled programs go (git-ignored with the rest of test/artifacts/). */
const OUT = join(ROOT, 'test/artifacts/fixture-programs');

/** The compiled JavaScript for a fixture program given by its path (absolute, or relative to the package root). */
export function fixtureProgram(source: string): string {
  return join(OUT, relative(join(ROOT, 'test'), resolve(ROOT, source)).replace(/\.ts$/, '.js'));
}

/** Every `test/<area>/fixtures/*.ts` (JSON fixtures and other files are left alone). */
function fixtureSources(): string[] {
  const test = join(ROOT, 'test');
  return readdirSync(test, { withFileTypes: true })
    .filter((area) => area.isDirectory())
    .flatMap((area) => {
      const dir = join(test, area.name, 'fixtures');
      try {
        return readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
      } catch {
        return [];
      }
    });
}

/**
 * `specifier` as imported from `file`: a src/ module becomes the same module of dist/, relative
 * to where the compiled program lies (so a moved checkout still works); packages stay; anything
 * else is refused.
 */
function toDist(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const target = resolve(dirname(file), specifier);
  if (!target.startsWith(SRC + sep)) throw new Error(`${relative(ROOT, file)}: a fixture program may import src/ and packages only, not ${specifier}`);
  return relative(dirname(fixtureProgram(file)), join(DIST, relative(SRC, target))).split(sep).join('/');
}

/**
 * Compiles every fixture program whose JavaScript is missing or older than its source (types
 * stripped by TypeScript's own transpiler, no type check: tsc does that). TypeScript is loaded
 * only when one needs it: it costs the run about half a second of CPU.
 */
export async function compileFixturePrograms(): Promise<void> {
  const stale = fixtureSources().filter((file) => !existsSync(fixtureProgram(file)) || statSync(fixtureProgram(file)).mtimeMs < statSync(file).mtimeMs);
  if (!stale.length) return;
  const ts = (await import('typescript')).default;
  for (const file of stale) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false },
    });
    const js = outputText.replace(/(\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"]+)\2/g, (_, lead: string, quote: string, spec: string) => `${lead}${quote}${toDist(file, spec)}${quote}`);
    const out = fixtureProgram(file);
    // Checked on the output, as TypeScript reads its imports: every relative one must now name
    // dist/, so a form the rewrite above missed fails here, not as a fixture that runs
    // something else. (An import built at run time, from a template literal or a path, is
    // neither rewritten nor seen: fixtures import by literal specifiers only.)
    for (const { fileName } of ts.preProcessFile(js, true, true).importedFiles) {
      if (fileName.startsWith('.') && !resolve(dirname(out), fileName).startsWith(DIST + sep))
        throw new Error(`${relative(ROOT, file)}: import ${fileName} was not rewritten to dist/`);
    }
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, js);
  }
}
