/** Entry point of the `travel-advisor` command (see bin/travel-advisor.js). */
import { loadConfig } from '../../config.js';
import { buildAdvisor } from '../../app/build-advisor.js';
import { createProgram, runCli } from './create-program.js';
import { cliExtensions } from './extensions.js';

const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
const program = createProgram({ io, config: () => loadConfig(), advisor: (config) => buildAdvisor(config) }, cliExtensions);
process.exitCode = await runCli(program, process.argv.slice(2), io);
