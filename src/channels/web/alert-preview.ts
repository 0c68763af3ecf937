/**
 * The playground's "Alerts this content would send", for content reviewers: the content
 * this server loaded (a branch checked out, `npm run build && npm start`) against the
 * content at a git ref (default `main`), as `npm run content:diff` compares them. Each
 * destination whose change would alert travellers (src/alerts/alerting-changes.ts) gets
 * the alert a traveller leaving in a week would receive, drawn by the Slack and Teams
 * deliverers' own renderers, and how many current or upcoming trips in this server's
 * store it would reach (counts only). Comparing with a ref rather than with "the content
 * last seen" in the store: the server records what it serves as seen at start-up, so on
 * a reviewer's machine that comparison is empty by the time the page opens.
 */
import type { AppContext } from '../../app/app-context.js';
import { changeTags } from '../../alerts/alerting-changes.js';
import { countTrips } from '../../alerts/count-alert-impact.js';
import { previewAlerts } from '../../app/preview-alerts.js';
import { isoDay } from '../../understand/calendar.js';
import { contentAtRef } from '../../content/content-at-ref.js';
import { loadContent } from '../../content/load-content.js';
import type { ContentBase } from '../../content/types.js';
import { AdvisorError, ContentError, formatProblem } from '../../errors.js';
import { createTripStore } from '../../reminders/trip-store.js';
import { HttpError } from '../../server/http-helpers.js';
import { renderAlertForPlayground, type PlaygroundRenderers, type Renderings } from './render-for-playground.js';

/** A branch, tag, commit or `HEAD~1`-style expression; never an option (no leading dash), no spaces. */
const REF = /^[A-Za-z0-9][A-Za-z0-9._/@{}~^-]{0,99}$/;
/** How many changed destinations are drawn as alerts (all are listed). */
const DRAWN = 10;

/** What GET /playground/api/alert-preview answers. */
export interface AlertPreviewJson {
  ref: string;
  commit: string;
  /** Null when the ref has no content directory: the server would record this content and alert nobody. */
  changes: Array<{ countryCode: string; countryName: string; tags: string[]; trips: number | null }> | null;
  /** Distinct current or upcoming trips in this server's store that would be alerted; null when unknown. */
  trips: number | null;
  /** Why `trips` is unknown. */
  tripsUnknown: string | null;
  /** The first changed destinations drawn as alerts on a sample trip leaving in a week. */
  alerts: Array<{ countryCode: string; countryName: string; sentences: string[]; trip: { start: string; end: string | null }; renderings: Omit<Renderings, 'answer'> }>;
}

/** Returns the preview function the route calls; keeps the last two base contents, by commit. */
export function createAlertPreview(ctx: AppContext, renderers: PlaygroundRenderers): (ref: string) => Promise<AlertPreviewJson> {
  let trips: ReturnType<typeof createTripStore> | null = null;
  const bases = new Map<string, ContentBase | null>();

  function baseAt(ref: string): { commit: string; content: ContentBase | null } {
    let at: ReturnType<typeof contentAtRef>;
    try {
      at = contentAtRef(ctx.config.CONTENT_DIR, ref);
    } catch (error) {
      if (error instanceof AdvisorError) throw new HttpError(400, error.message);
      throw error;
    }
    try {
      if (!bases.has(at.commit)) {
        bases.set(at.commit, at.dir ? loadContent(at.dir) : null);
        if (bases.size > 2) bases.delete(bases.keys().next().value!);
      }
      return { commit: at.commit, content: bases.get(at.commit)! };
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      const errors = error.problems.filter((p) => p.severity === 'error');
      throw new HttpError(422, `the content at ${ref} does not pass content:check`, errors.map(formatProblem));
    } finally {
      at.dispose();
    }
  }

  return async (ref) => {
    if (!REF.test(ref)) throw new HttpError(400, 'ref: a git branch, tag or commit such as main, origin/main or HEAD~1');
    const { commit, content } = baseAt(ref);
    if (!content) return { ref, commit, changes: null, trips: 0, tripsUnknown: null, alerts: [] };
    const now = ctx.clock();
    const today = isoDay(now, ctx.config.DEFAULT_TIMEZONE);
    const preview = await previewAlerts(content, ctx.advisor, { today, limit: DRAWN });
    trips ??= createTripStore({ store: (ns) => ctx.store(ns) });
    const counted = preview.rows.length
      ? await countTrips(preview.rows, trips.trips(), today, now).catch(() => null)
      : { rows: [], totalTrips: 0, unknown: null };
    const perCode = new Map(counted?.rows.map((r) => [r.code, r.trips]) ?? []);
    return {
      ref,
      commit,
      changes: preview.rows.map((r) => ({ countryCode: r.code, countryName: r.name, tags: changeTags(r.code, r.changes), trips: perCode.get(r.code) ?? null })),
      trips: counted?.totalTrips ?? null,
      tripsUnknown: counted ? null : 'the store could not be read',
      alerts: preview.entries.map((e) => {
        const { answer: _answer, ...renderings } = renderAlertForPlayground(e.alert, renderers);
        return { countryCode: e.countryCode, countryName: e.countryName, sentences: e.sentences, trip: e.alert.trip, renderings };
      }),
    };
  };
}
