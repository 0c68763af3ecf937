/**
 * `npm start`: one process serving every configured door. With no credentials it
 * still runs the main job on the embedded defaults: the local playground.
 */
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { createApp } from './app/create-app.js';
import { AdvisorError } from './errors.js';
import { describeStore } from './store/create-store.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const app = createApp({ config, logger });
  const running = await app.start();
  logger.info({ port: running.port, doors: app.doors.map((d) => d.name), store: describeStore(config) }, 'travel-advisor started');
  if (config.playgroundEnabled && app.doors.some((d) => d.name === 'web')) console.log(`Playground: ${running.url}`);
  console.log(`Listening on ${running.url} (doors: ${app.doors.map((d) => d.name).join(', ') || 'none'}; health: ${running.url}/healthz)`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** Start-up errors (config, content, a busy port) are meant for a person: the message and how to fix it, not a stack. */
function describeStartupError(error: unknown): unknown {
  if (error instanceof AdvisorError) return error.message;
  const e = error as NodeJS.ErrnoException & { address?: string; port?: number };
  if (e?.code === 'EADDRINUSE') return `Port ${e.port} is already in use on ${e.address}: stop the other process or set PORT to a free port.`;
  if (e?.code === 'EACCES') return `Not allowed to listen on port ${e.port}: choose a port above 1023 with PORT.`;
  return error;
}

main().catch((error: unknown) => {
  console.error(describeStartupError(error));
  process.exit(1);
});
