/**
 * Channel syntax lives in the doors (issue 15 item 4): each door removes its own mentions,
 * links, HTML and emoji codes before it builds the Turn, so nothing below the doors knows
 * them. Proves that what the model redactor then gets from each door carries no person,
 * channel or group the markup named, and that no door syntax creeps back into the core.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseSlackText } from '../../src/channels/slack/normalise-slack-text.js';
import { normaliseTeamsText } from '../../src/channels/teams/normalise-teams-text.js';
import { redactQuestion } from '../../src/privacy/redact-question.js';
import { sourceFiles } from '../architecture/import-graph.js';

describe('a door\'s text, redacted for a model', () => {
  it('Slack: mentions, channel links, groups and mailto links name no one', () => {
    const out = redactQuestion(normaliseSlackText('<@U024BE7LH|ann> <#C123ABC|travel> <!here> <!subteam^S1|@desk> mail jane.roe@example.com or <mailto:a@b.io|a@b.io>, call +7 727 123 4567, cc @bob.smith'));
    expect(out).toBe('#travel mail [email] or [email], call [phone], cc [person]');
  });

  it('Teams: mentions and HTML name no one', () => {
    const out = redactQuestion(normaliseTeamsText('<at>Jane Roe</at> <p>mail <b>jane.roe@example.com</b>, call +7 727 123 4567</p>'));
    expect(out).toBe('mail [email], call [phone]');
  });
});

const SRC = resolve(import.meta.dirname, '../../src');
/** Below the doors: the layers that must read only channel-neutral text. */
const CORE = ['understand', 'privacy', 'advisor', 'conversation', 'retrieval', 'vocabulary'];
/** Slack mentions (<@…, <!…, also as a class <[@!]), Teams mentions (<at>…) and Slack flag codes (flag-xx), as a pattern or a string. */
// (?<!\?) leaves regex lookbehinds, (?<!…), alone.
const DOOR_SYNTAX = /(?<!\?)<\[?[@!]|<at\b|flag-/;

/** The source files (tests aside) under one directory of src/, as absolute paths. */
const sources = (dir: string): string[] => sourceFiles(SRC, dir).map((file) => join(SRC, file));

/** `file:line` of every line of code (comments aside) that handles a door's syntax. */
function doorSyntaxIn(files: string[]): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (DOOR_SYNTAX.test(line.replace(/\/\/.*$|^\s*\/?\*.*$/, '')) ? [`${relative(SRC, file)}:${i + 1}`] : [])),
  );
}

describe('the core', () => {
  it('handles no Slack or Teams syntax: no <@, <at> or :flag- below the doors', () => {
    expect(doorSyntaxIn(CORE.flatMap((d) => sources(join(SRC, d))))).toEqual([]);
  });

  it('the scan finds such handling where it lives, in the doors', () => {
    const found = doorSyntaxIn([join(SRC, 'channels/slack/normalise-slack-text.ts'), join(SRC, 'channels/teams/normalise-teams-text.ts')]);
    expect(found.some((f) => f.startsWith('channels/slack/'))).toBe(true);
    expect(found.some((f) => f.startsWith('channels/teams/'))).toBe(true);
  });
});
