// Preloaded with `node --import ./test/architecture/record-imports.mjs …`: appends the URL of
// every module the process imports (ESM resolution, which is how every package enters our
// code) to the file named by RECORD_IMPORTS_TO, and, when the process exits, the path of every
// CommonJS module it loaded (packages that `require` their dependencies, as BullMQ does ioredis,
// never pass the ESM hook). Used by the import tests to prove a command or a door loads only
// what it uses. Plain JavaScript: it runs before any TypeScript loader.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const out = process.env.RECORD_IMPORTS_TO;
if (out) {
  const hook = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(${JSON.stringify(out)}, resolved.url + '\\n');
  return resolved;
}`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  const cache = createRequire(import.meta.url).cache;
  process.on('exit', () => appendFileSync(out, Object.keys(cache).map((path) => `${path}\n`).join('')));
}
