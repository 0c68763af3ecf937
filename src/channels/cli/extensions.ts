/** Subcommands beyond `ask`, each registered by its own module. */
import type { CliExtension } from './create-program.js';
import { feedbackCommand } from './feedback-report-command.js';
import { llmCommand } from './llm-report-command.js';
import { tripsCommand } from './trips-import-command.js';
import { workerCommand } from './worker-command.js';

export const cliExtensions: CliExtension[] = [tripsCommand, feedbackCommand, llmCommand, workerCommand];
