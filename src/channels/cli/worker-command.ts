/**
 * `travel-advisor worker`: an answering process for ANSWER_WORKERS=external. Started with
 * the server's configuration, it opens no HTTP door and answers the Slack and Teams messages
 * the servers queued (src/start-answer-worker.ts, src/channels/slack/answer-worker.ts,
 * src/channels/teams/workers/teams-answer-worker.ts) until
 * SIGTERM/SIGINT, when it finishes the answers in flight within SHUTDOWN_TIMEOUT_MS. Run
 * as many as the load needs, on any machine that reaches REDIS_URL and STORE_URL
 * (README "Scale-out").
 */
import { InputError } from '../../errors.js';
import { createLogger } from '../../logger.js';
import type { CliExtension } from './create-program.js';

interface WorkerFlags {
  concurrency?: string;
}

export const workerCommand: CliExtension = (program, deps) => {
  program
    .command('worker')
    .description('Answer the Slack and Teams messages servers with ANSWER_WORKERS=external queued (same configuration as the server)')
    .option('--concurrency <n>', 'answers prepared at once (default: ANSWER_WORKER_CONCURRENCY, 8)')
    .action(async (flags: WorkerFlags) => {
      const config = deps.config();
      if (config.ANSWER_WORKERS !== 'external')
        throw new InputError('worker answers the queue of servers with ANSWER_WORKERS=external; give it the server\'s configuration (ANSWER_WORKERS=external, REDIS_URL, STORE_URL, SLACK_* and/or MICROSOFT_APP_*)');
      if (!config.SLACK_BOT_TOKEN && config.teamsMode === 'off')
        throw new InputError('worker sends answers to Slack or Teams: set SLACK_BOT_TOKEN and/or MICROSOFT_APP_ID (with its password) as on the server');
      const concurrency = flags.concurrency === undefined ? undefined : Number(flags.concurrency);
      if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256))
        throw new InputError('--concurrency must be a whole number from 1 to 256');
      if (!deps.answerWorker) throw new InputError('this build of the command cannot run an answer worker');
      const running = await deps.answerWorker(config, createLogger(config.LOG_LEVEL), { concurrency });
      deps.io.stdout.write('Answer worker ready (Ctrl-C to stop)\n');
      await new Promise<void>((resolve) => {
        const stop = () => {
          setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS).unref();
          void running.stop().finally(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
};
