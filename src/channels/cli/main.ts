/** Entry point of the `travel-advisor` command (see bin/travel-advisor.js): a composition root, in the main layer. */
import { loadConfig } from '../../config.js';
import { buildAdvisor } from '../../app/build-advisor.js';
import { createProgram, runCli } from './create-program.js';

const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
const argv = process.argv.slice(2);
// `ask` needs none of the other commands: they pull in reminders, stores, BullMQ, Redis and pg (test/cli/ask-imports.test.ts).
const extensions = argv[0] === 'ask' ? [] : (await import('./extensions.js')).cliExtensions;
const program = createProgram({
  io,
  config: () => loadConfig(),
  advisor: (config) => buildAdvisor(config),
  // Loaded only for `worker`: the whole app's core and BullMQ.
  answerWorker: async (config, logger, options) => (await import('../../start-answer-worker.js')).startAnswerWorker(config, logger, options),
}, extensions);
process.exitCode = await runCli(program, argv, io);
