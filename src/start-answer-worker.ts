/**
 * The composition root of a `travel-advisor worker` process (ANSWER_WORKERS=external):
 * the app's core built as the server builds it (createApp: advisor, conversation service,
 * stores, reminder service for "remind me") with no door and no HTTP server, and an answer
 * worker per configured platform: Slack's when SLACK_BOT_TOKEN is set, Teams' when
 * MICROSOFT_APP_ID (or TEAMS_LOCAL_MODE) is, each on its own queue and loaded only then.
 * The server's own background work (reminder deliveries, the risk-alert pass) stays on the server.
 */
import type { Config } from './config.js';
import type { Logger } from 'pino';
import { createApp } from './app/create-app.js';
import { loadStoreBackend } from './store/create-store.js';
import type { AnswerWorker } from './store/answer-queue.js';
import type { TeamsAnswerWorkerOptions } from './channels/teams/workers/teams-answer-worker.js';

export interface RunningAnswerWorker {
  /** Finishes the answers in flight, then releases the stores and queues. */
  stop(): Promise<void>;
}

export interface AnswerWorkerOptions {
  concurrency?: number;
  /** The Teams worker's own options (tests: the identity double's CA). */
  teams?: Omit<TeamsAnswerWorkerOptions, 'concurrency'>;
}

export async function startAnswerWorker(config: Config, logger: Logger, options: AnswerWorkerOptions = {}): Promise<RunningAnswerWorker> {
  await loadStoreBackend(config);
  const app = createApp({ config, logger, doors: [] });
  const workers: AnswerWorker[] = [];
  if (config.SLACK_BOT_TOKEN) workers.push((await import('./channels/slack/answer-worker.js')).createSlackAnswerWorker(app.context, options));
  if (config.teamsMode !== 'off')
    workers.push((await import('./channels/teams/workers/teams-answer-worker.js')).createTeamsAnswerWorker(app.context, { ...options.teams, concurrency: options.concurrency }));
  const stopAll = async () => {
    for (const w of workers) await w.stop();
    await app.stop();
  };
  app.startCore();
  try {
    for (const w of workers) await w.start();
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { stop: stopAll };
}
