/**
 * `npm start`: one process serving every configured door. With no credentials it
 * still runs the main job on the embedded defaults: the local playground.
 */
// First: it holds V8's young generation small while the imports below and start-up run.
import { releaseYoungGeneration } from './server/hold-young-generation.js';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { createApp } from './app/create-app.js';
import { AdvisorError } from './errors.js';
import { describeStore, loadStoreBackend } from './store/create-store.js';
import { TEAMS_LOCAL_MODE_WARNING } from './channels/teams/local-mode-warning.js';
import { installLastResortGuard } from './server/install-last-resort-guard.js';
import { describeModelEndpoint } from './llm/model-endpoint.js';
import { installReloadSignal } from './app/install-reload-signal.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  // The Redis or PostgreSQL client only when STORE_URL names one (src/store/create-store.ts).
  await loadStoreBackend(config);
  const app = createApp({ config, logger });
  const running = await app.start();
  releaseYoungGeneration();
  // From here on, an error no handler caught is logged and the server keeps serving every door.
  installLastResortGuard(logger);
  // Signals are handled before the console says the server listens: whoever waits for that
  // line (a supervisor, a test) may signal at once, and SIGHUP's default would kill the process.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // The graceful stop is bounded step by step; this is the backstop if one still hangs.
    setTimeout(() => {
      logger.warn({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutdown took too long; exiting now');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    await app.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // New content without a restart; the risk-alert pass follows (docs/alerts.md).
  installReloadSignal(() => app.reloadContent(), logger);
  // Which model (never its key or header values), or none: the answer to "why is every summary extractive?".
  const model = config.model ? describeModelEndpoint(config.model) : 'none (extractive summaries)';
  logger.info({ port: running.port, bind: running.bindAddress, doors: app.doors.map((d) => d.name), store: describeStore(config), model }, 'travel-advisor started');
  const playgroundOn = config.playgroundEnabled && app.doors.some((d) => d.name === 'web');
  console.log(playgroundOn ? `Playground: ${running.url} (on: ${config.playgroundReason})` : `Playground: off (${config.playgroundReason})`);
  const everywhere = /^(0\.0\.0\.0|\[::\]):/.test(running.bindAddress) ? ', all interfaces' : '';
  console.log(`Listening on ${running.bindAddress}${everywhere} (doors: ${app.doors.map((d) => d.name).join(', ') || 'none'}; health: ${running.url}/healthz)`);
  // Unauthenticated Teams must never go unnoticed: the door logged it, the console says it too.
  if (config.teamsMode === 'local') console.warn(`Warning: ${TEAMS_LOCAL_MODE_WARNING}`);
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
