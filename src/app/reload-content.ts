/**
 * Content reload without a restart (SIGHUP, or POST /api/content/reload): loads and
 * validates content/ and intents/ into a new advisor, and only when that succeeds swaps
 * it in for every door (advisor-holder.ts) and runs the risk-alert pass. A bad content
 * directory throws ContentError (every problem as file:line) and the old content keeps
 * serving. Reloads never overlap: requests during one get one more reload after it.
 */
import type { Logger } from 'pino';
import type { Advisor } from '../advisor/create-advisor.js';
import type { AlertPassResult, AlertService } from '../alerts/create-alert-service.js';
import type { AdvisorHolder } from './advisor-holder.js';

/** What a reload answers (HTTP) or prints (SIGHUP): counts, never traveller data. */
export interface ReloadResult {
  /** What is served now. */
  content: { countries: number; destinations: number; warnings: number };
  /** What the alert pass found (it goes on sending in the background); null when the store could not be read (retried later). */
  alerts: Pick<AlertPassResult, 'baseline' | 'changes' | 'trips'> | null;
}

/** The holder every door reads through, how to build an advisor, and the alert pass to run after. */
export interface ContentReloaderOptions {
  holder: AdvisorHolder;
  /** Builds a new advisor from CONTENT_DIR and INTENTS_DIR; throws ContentError on bad files. */
  build: () => Advisor;
  alerts: Pick<AlertService, 'trigger'> | null;
  logger: Logger;
}

/** The reload function SIGHUP and POST /api/content/reload call. */
export function createContentReloader(options: ContentReloaderOptions): () => Promise<ReloadResult> {
  let running: Promise<ReloadResult> | null = null;
  async function reload(): Promise<ReloadResult> {
    // Let pending I/O (acks) go out before the synchronous load takes the CPU.
    await new Promise((r) => setImmediate(r));
    const started = performance.now();
    let next: Advisor;
    try {
      next = options.build();
    } catch (error) {
      options.logger.error({ err: { name: (error as Error)?.name, message: (error as Error)?.message } }, 'content reload refused; the old content keeps serving');
      throw error;
    }
    options.holder.swap(next);
    const content = { countries: next.content.countries.size, destinations: next.content.world.size, warnings: next.content.warnings.length };
    options.logger.info({ ...content, ms: Math.round(performance.now() - started) }, 'content reloaded');
    const alerts = options.alerts ? await options.alerts.trigger().planned.catch(() => null) : null;
    return { content, alerts };
  }
  let waiting: Promise<ReloadResult> | null = null;
  const start = (): Promise<ReloadResult> => (running = reload().finally(() => (running = null)));
  return () => {
    if (!running) return start();
    // One more reload after the one under way (it may have read the files before they changed); callers meanwhile share it.
    waiting ??= running.catch(() => undefined).then(() => {
      waiting = null;
      return start();
    });
    return waiting;
  };
}
