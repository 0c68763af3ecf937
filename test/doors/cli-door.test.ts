/**
 * The door contract for the command line: each message is one run of the real
 * `travel-advisor ask` process (the built dist/, as `npx travel-advisor` runs it). It keeps
 * no thread and cannot deliver reminders, so "remind me" and "I've done the checklist" are
 * answered with a plain "cannot send reminders here"; it renders every Answer as text.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { answerToText } from '../../src/render/answer-to-text.js';
import { doorContract } from './door-contract.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/travel-advisor.js');
const run = promisify(execFile);

doorContract('CLI', async () => ({
  threads: false,
  trips: null,
  async say(text) {
    const { stdout } = await run(process.execPath, [BIN, 'ask', '--now', '2026-11-23T10:00:00Z', text], { cwd: ROOT, env: { PATH: process.env.PATH } });
    return stdout;
  },
  // A terminal has no size limit; the text must exist and carry no chat markup.
  limitProblems(answer) {
    const text = answerToText(answer);
    return [...(text.trim() ? [] : ['empty text']), ...(/<@|<at>|<!date\^/.test(text) ? ['chat markup in terminal text'] : [])];
  },
  close: async () => undefined,
}));
