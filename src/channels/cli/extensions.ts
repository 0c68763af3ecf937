/** Subcommands beyond `ask`, each registered by its own module. */
import type { CliExtension } from './create-program.js';
import { tripsCommand } from './trips-import-command.js';

export const cliExtensions: CliExtension[] = [tripsCommand];
