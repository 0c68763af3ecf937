/** Subcommands beyond `ask`, each registered by its own module. */
import type { CliExtension } from './create-program.js';

export const cliExtensions: CliExtension[] = [];
