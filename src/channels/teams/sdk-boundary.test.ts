/**
 * The seam holds: inside the Teams door only the botbuilder port (its authentication and
 * its HTTP bridge) import botbuilder and MSAL, so moving to Microsoft's Teams SDK replaces those files alone;
 * renderers stay pure (no SDK, no config, no clock); the core never imports a door.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const src = join(here, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!);

describe('Teams SDK boundary', () => {
  it('only the botbuilder port, its authentication and its HTTP bridge import botbuilder or MSAL', () => {
    const users = files(here)
      .filter((f) => importsOf(f).some((i) => i === 'botbuilder' || i.startsWith('botframework-') || i.startsWith('@azure/msal')))
      .map((f) => relative(here, f))
      .sort();
    expect(users).toEqual(['botbuilder-authentication.ts', 'create-botbuilder-port.ts', 'node-http-bridge.ts']);
  });

  it('renderers import no SDK, config, store or clock', () => {
    for (const f of files(join(here, 'render')))
      for (const i of importsOf(f)) expect(i, `${relative(here, f)} imports ${i}`).toMatch(/^\.\.?\/.*(render|answer|limits|card-actions|card-parts|details-elements|message-size|teams-port|reminders\/types|alerts\/types|advisor\/answer|\/errors\.js$)/);
  });

  it('the core (advisor, content) never imports the Teams door or botbuilder', () => {
    for (const dir of ['advisor', 'content'])
      for (const f of files(join(src, dir)))
        for (const i of importsOf(f)) expect(i, `${relative(src, f)} imports ${i}`).not.toMatch(/botbuilder|channels\/teams/);
  });
});
