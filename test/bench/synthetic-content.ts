/**
 * A synthetic content base with a country file for every code of the world table (about
 * 250): content/ copied, and each real country file copied in turn under the codes that
 * have none (front matter `code` and `name` rewritten; the text stays the original's). For
 * measuring growth, never for advice. Run:
 *   npx tsx test/bench/synthetic-content.ts <out-dir>
 * test/bench/cold-start.ts and test/bench/answer-cpu.ts use it through `--content`.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const CONTENT = resolve(import.meta.dirname, '../../content');

/** Writes the synthetic base into `out` and returns how many country files it has. */
export function writeSyntheticContent(out: string): number {
  cpSync(CONTENT, out, { recursive: true });
  const countries = join(out, 'countries');
  const real = readdirSync(countries).filter((f) => /^[a-z]{2}\.md$/.test(f)).sort();
  const have = new Set(real.map((f) => f.slice(0, 2).toUpperCase()));
  const world = readdirSync(join(out, 'world'))
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => (parse(readFileSync(join(out, 'world', f), 'utf8')) as { countries: Array<{ code: string; name: string }> }).countries);
  let next = 0;
  for (const { code, name } of world) {
    if (have.has(code)) continue;
    const template = readFileSync(join(countries, real[next++ % real.length]!), 'utf8');
    const text = template.replace(/^code: .*$/m, `code: ${code}`).replace(/^name: .*$/m, `name: ${JSON.stringify(name)}`);
    writeFileSync(join(countries, `${code.toLowerCase()}.md`), text);
    have.add(code);
  }
  return have.size;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: npx tsx test/bench/synthetic-content.ts <out-dir>');
  console.log(`${writeSyntheticContent(resolve(out))} country files in ${resolve(out)}`);
}
