/**
 * The command line, built with commander. Streams and the advisor factory are
 * injected so tests can run it in-process; bin/travel-advisor.js runs it for real.
 * Every failure ends as one line on stderr and a non-zero exit, never a stack trace.
 */
import { Command, CommanderError } from 'commander';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { Advisor } from '../../advisor/create-advisor.js';
import type { Config } from '../../config.js';
import { InputError } from '../../errors.js';
import { parseAskOptions, runAsk, runAskJsonl, type AskFlags } from './ask-command.js';

export interface CliIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

export interface CliDeps {
  io: CliIO;
  config: () => Config;
  advisor: (config: Config) => Advisor;
  /** `worker`: starts an answer worker (src/start-answer-worker.ts); given by the entry point, a composition root. */
  answerWorker?: (config: Config, logger: Logger, options: { concurrency?: number }) => Promise<{ stop(): Promise<void> }>;
}

/** Subcommands added by other parts (e.g. `trips import`) register here. */
export type CliExtension = (program: Command, deps: CliDeps) => void;

export function createProgram(deps: CliDeps, extensions: CliExtension[] = []): Command {
  const { io } = deps;
  const program = new Command('travel-advisor')
    .description('Surveillance-risk advice for business travel, from the curated content base.')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(s.split('\n')[0] + '\n'),
    })
    .showHelpAfterError(false);

  program
    .command('ask')
    .description('Answer one message, e.g. ask "travelling to Kyrgyzstan next week"')
    .argument('[message...]', 'the message, as a user would write it')
    .option('--full', 'print everything: indicators with evidence, the whole checklist, sources (default: what fits one screen)')
    .option('--json', 'print the Answer as JSON')
    .option('--jsonl', 'read one message per line from standard input; write one JSON Answer per line')
    .option('--now <iso>', 'fix "now" for relative dates (ISO 8601, default: the clock)')
    .option('--tz <zone>', 'IANA time zone of the user (default: UTC)')
    .option('--locale <bcp47>', 'locale of the user, for numeric dates: en-US reads 4/12 as April 12, en-GB as 4 December (default: unknown, the sooner reading)')
    .action(async (words: string[], flags: AskFlags) => {
      const config = deps.config();
      const options = parseAskOptions(flags, config.DEFAULT_TIMEZONE);
      if (flags.jsonl) {
        if (words.length) throw new InputError('--jsonl reads messages from standard input; do not pass a message too');
        await runAskJsonl(deps.advisor(config), options, io.stdin, io.stdout);
        return;
      }
      if (!words.length) throw new InputError('ask needs a message, e.g. travel-advisor ask "travelling to Kyrgyzstan next week"');
      await runAsk(deps.advisor(config), words.join(' '), flags, options, io.stdout, config.SECURITY_CONTACT);
    });

  for (const extend of extensions) extend(program, deps);
  return program;
}

/** Runs the program; resolves to the exit code. */
export async function runCli(program: Command, argv: string[], io: CliIO): Promise<number> {
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`error: ${message.split('\n').slice(0, 12).join('\n')}\n`);
    return 1;
  }
}
