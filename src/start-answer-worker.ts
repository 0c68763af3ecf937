/**
 * The composition root of a `travel-advisor worker` process (ANSWER_WORKERS=external):
 * the app's core built as the server builds it (createApp: advisor, conversation service,
 * stores, reminder service for "remind me") with no door and no HTTP server, and the
 * Slack answer worker consuming the answers queue. The server's own background work
 * (reminder deliveries, the risk-alert pass) stays on the server.
 */
import type { Config } from './config.js';
import type { Logger } from 'pino';
import { createApp } from './app/create-app.js';
import { loadStoreBackend } from './store/create-store.js';
import { createSlackAnswerWorker } from './channels/slack/answer-worker.js';

export interface RunningAnswerWorker {
  /** Finishes the answers in flight, then releases the stores and queues. */
  stop(): Promise<void>;
}

export async function startAnswerWorker(config: Config, logger: Logger, options: { concurrency?: number } = {}): Promise<RunningAnswerWorker> {
  await loadStoreBackend(config);
  const app = createApp({ config, logger, doors: [] });
  const worker = createSlackAnswerWorker(app.context, options);
  app.startCore();
  try {
    await worker.start();
  } catch (error) {
    await app.stop();
    throw error;
  }
  return {
    async stop() {
      await worker.stop();
      await app.stop();
    },
  };
}
