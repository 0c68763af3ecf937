/**
 * The web playground door: a local page that shows an answer exactly as Slack and
 * Teams users will see it, a country browser for reviewing content, and a
 * Reminders panel for a local test user. Needs no accounts. On when the server binds
 * to loopback (the default) or PLAYGROUND=on; the guard answers only to PLAYGROUND_HOSTS
 * and refuses cross-site writes (see guard-request.ts).
 */
import type { AppContext } from '../../app/app-context.js';
import { HttpError } from '../../server/http-helpers.js';
import type { Door, RouteHandler } from '../../server/types.js';
import { guardRequest } from './guard-request.js';
import { playgroundRoutes } from './playground-routes.js';
import { renderDeliveryForPlayground, renderForPlayground, type PlaygroundRenderers } from './render-for-playground.js';
import { sendStatic, staticFiles } from './serve-static.js';
import { createWebDeliverer } from './web-deliverer.js';
import { answerToBlockKit } from '../slack/render/answer-to-block-kit.js';
import { detailsView } from '../slack/render/details-view.js';
import { reminderToBlockKit } from '../slack/render/reminder-to-block-kit.js';
import { answerToActivity } from '../teams/render/answer-to-activity.js';
import { detailsActivities } from '../teams/render/details-activities.js';
import { reminderToActivity } from '../teams/render/reminder-to-activity.js';
import { statusActivity } from '../teams/render/status-activity.js';
import { alertToBlockKit } from '../slack/render/alert-to-block-kit.js';
import { alertToActivity } from '../teams/render/alert-to-activity.js';

export interface WebDoorOptions {
  /** Override the Slack/Teams renderers (tests); defaults to the ones the doors use. */
  renderers?: PlaygroundRenderers;
}

/**
 * The renderers the Slack and Teams doors use, so the playground shows what they send:
 * the Teams card is the one inside the activity the bot sends (answerToActivity), so a
 * trip too large for the details inside the card gets the same follow-up buttons.
 */
export const defaultRenderers: PlaygroundRenderers = {
  slack: (answer, options) => answerToBlockKit(answer, options ?? {}),
  slackDetails: (kind, answer, page) => detailsView(kind, answer, page),
  teams: (answer, state) => adaptiveCardOf(answerToActivity(answer, state ? { state } : {})),
  teamsDetails: (kind, answer) => detailsActivities(kind, answer).map(adaptiveCardOf),
  teamsStatus: (status) => adaptiveCardOf(statusActivity(status, 'playground')),
  slackReminder: (delivery) => reminderToBlockKit(delivery),
  teamsReminder: (delivery) => adaptiveCardOf(reminderToActivity(delivery)),
  slackAlert: (alert) => alertToBlockKit(alert),
  teamsAlert: (alert) => adaptiveCardOf(alertToActivity(alert)),
};

/** The card inside a Teams message activity (attachments[0].content). */
function adaptiveCardOf(activity: Record<string, unknown>): object {
  const attachments = Array.isArray(activity.attachments) ? (activity.attachments as Array<{ content?: unknown }>) : [];
  const card = attachments[0]?.content;
  if (!card || typeof card !== 'object') throw new Error('the Teams activity has no Adaptive Card attachment');
  return card;
}

/** Returns null when the playground is off (config.playgroundEnabled). Registers the 'web' reminder deliverer. */
export function createWebDoor(ctx: AppContext, options: WebDoorOptions = {}): Door | null {
  if (!ctx.config.playgroundEnabled) return null;
  const files = staticFiles();
  const renderers = options.renderers ?? defaultRenderers;
  const web = createWebDeliverer({ clock: ctx.clock, render: (delivery) => renderDeliveryForPlayground(delivery, renderers) });
  ctx.reminders.registerDeliverer(web.deliverer);
  const redirect = (location: string): RouteHandler => (req, res) => {
    guardRequest(req, ctx.config.PLAYGROUND_HOSTS);
    res.writeHead(302, { location });
    res.end();
  };
  return {
    name: 'web',
    routes: [
      { method: 'GET', path: '/', handler: redirect('/playground/') },
      { method: 'GET', path: '/playground', handler: redirect('/playground/') },
      ...playgroundRoutes(ctx, { renderers, web }),
      {
        method: 'GET',
        path: '/playground/*',
        handler: async (req, res, params) => {
          guardRequest(req, ctx.config.PLAYGROUND_HOSTS);
          const name = params.rest || 'index.html';
          if (!(await sendStatic(res, files, name))) throw new HttpError(404, 'not found');
        },
      },
    ],
    async start() {
      // One answer in the background, so the first person to ask waits no longer than the next (lazy indexes, JIT).
      void ctx.advisor
        .ask('travelling to Kyrgyzstan next week', { now: ctx.clock(), timeZone: ctx.config.DEFAULT_TIMEZONE })
        .then((answer) => renderForPlayground(answer, renderers))
        .catch((error: unknown) => ctx.logger.debug({ err: error }, 'playground warm-up failed'));
    },
  };
}
