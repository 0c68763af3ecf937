/**
 * SIGHUP reloads the content without a restart (the Unix convention for "read your
 * configuration again"): `kill -HUP <pid>`, or `docker kill --signal HUP`. The outcome
 * goes to the log and one line to the console, since nobody is waiting on a response:
 * "Content reloaded: …" or, when the new files are refused, every problem as file:line
 * and "the old content keeps serving".
 */
import type { Logger } from 'pino';
import { AdvisorError } from '../errors.js';
import type { ReloadResult } from './reload-content.js';

/** Returns a function that removes the handler (tests). */
export function installReloadSignal(reload: () => Promise<ReloadResult>, logger: Logger, signal: NodeJS.Signals = 'SIGHUP'): () => void {
  const onSignal = () => {
    logger.info({ signal }, 'content reload requested');
    reload().then(
      (r) => {
        const alerts = r.alerts ? `${r.alerts.changes.length} destination(s) changed in a way that matters, ${r.alerts.trips} trip(s) to alert` : 'alerts will be worked out when the store answers';
        console.log(`Content reloaded (${signal}): ${r.content.countries} assessed countries, ${r.content.destinations} destinations; ${alerts}.`);
      },
      (error: unknown) => {
        const message = error instanceof AdvisorError ? error.message : String((error as Error)?.message ?? error);
        console.error(`Content not reloaded (${signal}); the old content keeps serving.\n${message}`);
      },
    );
  };
  process.on(signal, onSignal);
  return () => process.off(signal, onSignal);
}
