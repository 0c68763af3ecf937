/**
 * `npm run content:owners -- <@org/team> [--file path] [--dry-run]`: makes the given
 * GitHub team the code owner of content/ (and of CODEOWNERS itself) by rewriting
 * .github/CODEOWNERS, so every content change needs that team's approval. Validates the
 * handle first; exits 2 on a bad handle or usage, 1 when the file cannot be written.
 *
 * The repository ships with a placeholder team; content:check imports
 * codeownersWarnings from here and warns while the placeholder is still there.
 * MUST stay in sync with content/README.md ("Who approves changes").
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { ContentProblem } from '../../../errors.js';

/** The team named in the CODEOWNERS file as shipped. */
export const PLACEHOLDER_OWNER = '@your-org/security-team';

/** Where CODEOWNERS lives, relative to the repository root. */
export const CODEOWNERS_PATH = join('.github', 'CODEOWNERS');

/** The paths the owning team must approve, in the order the file lists them. */
const OWNED_PATHS = ['/content/', '/.github/CODEOWNERS'];

/**
 * A GitHub team handle: "@organisation/team-slug". Organisation names are 1-39 letters,
 * digits or single hyphens, not starting or ending with a hyphen; team slugs are
 * letters, digits, hyphens and underscores.
 */
const TEAM_HANDLE = /^@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})\/([A-Za-z0-9][A-Za-z0-9_-]{0,99})$/;

/** Why `handle` cannot own the content, or null when it is a valid team handle. */
export function teamHandleProblem(handle: string): string | null {
  if (!handle.trim()) return 'give the GitHub team that approves content changes, e.g. @acme/security-team';
  if (!handle.startsWith('@')) return `"${handle}" is not a team handle: it must start with @ (e.g. @acme/security-team)`;
  if (!handle.includes('/'))
    return `"${handle}" looks like a person, not a team: give @organisation/team, so that approval does not hang on one person`;
  if (!TEAM_HANDLE.test(handle))
    return `"${handle}" is not a valid GitHub team handle: expected @organisation/team-slug (letters, digits, hyphens; the team slug may also use underscores)`;
  if (handle.toLowerCase() === PLACEHOLDER_OWNER) return `"${handle}" is the placeholder shipped with the repository; give your own organisation's team`;
  return null;
}

/** The comment that opens CODEOWNERS once a real team is set. */
const HEADER = [
  '# Every change to the advice users get needs a review from the security team.',
  '# Owning team set by `npm run content:owners -- <@org/team>` (see content/README.md);',
  '# turn on "Require review from Code Owners" in the branch protection of main.',
];

/**
 * CODEOWNERS text with `team` as the owner of the content and of CODEOWNERS itself.
 * Rules for other paths are kept as they are; a rule for an owned path is rewritten,
 * and a missing one is added. An opening comment that tells the reader to replace the
 * placeholder is replaced by one that says how the team was set.
 */
export function rewriteCodeowners(text: string, team: string): string {
  let lines = text.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
  const opening = lines.findIndex((l) => !l.startsWith('#'));
  const head = opening < 0 ? lines.length : opening;
  if (lines.slice(0, head).some((l) => l.includes(PLACEHOLDER_OWNER))) lines = [...HEADER, ...lines.slice(head)];
  const seen = new Set<string>();
  const out = lines.map((line) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return line;
    const path = trimmed.split(/\s+/)[0]!;
    if (!OWNED_PATHS.includes(path)) return line;
    seen.add(path);
    return `${path.padEnd(24)} ${team}`;
  });
  for (const path of OWNED_PATHS) if (!seen.has(path)) out.push(`${path.padEnd(24)} ${team}`);
  return `${out.join('\n')}\n`;
}

/**
 * A warning while CODEOWNERS (next to the content directory's parent, i.e. the repository
 * root) still names the placeholder team; nothing when the file is absent (e.g. a copy of
 * content/ outside the repository) or names a real team.
 */
export function codeownersWarnings(contentDir: string): ContentProblem[] {
  const file = join('..', CODEOWNERS_PATH);
  const path = join(contentDir, file);
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, 'utf8').split('\n');
  const index = lines.findIndex((l) => !l.trim().startsWith('#') && l.includes(PLACEHOLDER_OWNER));
  if (index < 0) return [];
  return [
    {
      file,
      line: index + 1,
      severity: 'warning',
      message: `CODEOWNERS still names the placeholder team ${PLACEHOLDER_OWNER}, so no real team has to approve content changes; run npm run content:owners -- <@org/team>`,
    },
  ];
}

const USAGE = 'usage: npm run content:owners -- <@org/team> [--file .github/CODEOWNERS] [--dry-run]';

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      options: { file: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (error) {
    console.error(`content:owners: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    console.error(`content:owners: give exactly one team handle\n${USAGE}`);
    return 2;
  }
  const team = parsed.positionals[0]!.trim();
  const problem = teamHandleProblem(team);
  if (problem) {
    console.error(`content:owners: ${problem}`);
    return 2;
  }
  const path = resolve(process.cwd(), parsed.values.file ?? CODEOWNERS_PATH);
  let before = '';
  try {
    if (existsSync(path)) before = readFileSync(path, 'utf8');
  } catch (error) {
    console.error(`content:owners: cannot read ${path}: ${(error as Error).message}`);
    return 1;
  }
  const after = rewriteCodeowners(before, team);
  if (parsed.values['dry-run']) {
    process.stdout.write(after);
    return 0;
  }
  if (after === before) {
    console.log(`content:owners: ${path} already names ${team}; nothing to change`);
    return 0;
  }
  try {
    writeFileSync(path, after);
  } catch (error) {
    console.error(`content:owners: cannot write ${path}: ${(error as Error).message}`);
    return 1;
  }
  console.log(`content:owners: ${path} now requires ${team} to approve changes to /content/ and to CODEOWNERS.`);
  console.log('Commit the change, and turn on "Require review from Code Owners" in the branch protection of main.');
  return 0;
}

// Run only as the CLI, not when content:check imports the helpers above.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main();
