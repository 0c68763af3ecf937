/**
 * The JSON API behind the playground page: ask (as a message, or as Slack's /travel
 * whose private reply can be shared), browse countries, press buttons, list and cancel
 * the local test user's reminders, preview the risk-change alerts the content served would
 * send (against a git ref). Thin: the advisor answers, the reminder service
 * schedules, the injected renderers draw; nothing here decides advice.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Answer } from '../../advisor/answer.js';
import { resolveDestinations } from '../../advisor/resolve-destinations.js';
import type { AppContext } from '../../app/app-context.js';
import { InputError } from '../../errors.js';
import type { TravellerRef, TripView } from '../../reminders/types.js';
import { HttpError, describeIssues, readJson, sendJson } from '../../server/http-helpers.js';
import type { Route } from '../../server/types.js';
import { PLAYGROUND_ASK_LIMIT, PLAYGROUND_FORM_LIMIT } from '../../server/body-limits.js';
import { SHARE_TTL_MS } from '../slack/listeners/register-travel-command.js';
import { actOnButton, refusalOf } from './act-on-button.js';
import { copyFormat } from '../../app/copy-format.js';
import { noticeWords } from '../../render/copy.js';
import { formatLocalTime } from '../../render/local-time.js';
import { createAlertPreview } from './alert-preview.js';
import { countryRows } from './country-rows.js';
import { guardRequest } from './guard-request.js';
import { actionRequestSchema, interpretAction } from './interpret-action.js';
import { renderForPlayground, type PlaygroundRenderers } from './render-for-playground.js';
import type { WebDeliverer } from './web-deliverer.js';

/** The one traveller the playground schedules for; reminders reach it through the web deliverer. */
export const PLAYGROUND_TRAVELLER = { platform: 'web', userId: 'local-test-user' } as const satisfies TravellerRef;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');
const askSchema = z.object({
  text: z.string(),
  timeZone: z.string().max(64).optional(),
  /** The browser's language (navigator.language): how "1/12" reads. An unusable one is ignored. */
  locale: z.string().max(64).optional(),
  /** `travel-command`: answer as Slack's /travel does, privately, with "Share in channel". */
  via: z.enum(['message', 'travel-command']).optional(),
  /** The page's own conversation id (a random one per page load): its thread memory, as a Slack thread's. */
  conversation: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'letters, digits and dashes (8 to 64)').optional(),
});
const tripSchema = z.object({
  destinations: z.array(z.string().regex(/^[A-Z]{2}$/, 'an ISO country code such as "KG"')).min(1, 'at least one country code').max(20),
  start: isoDay,
  end: isoDay.nullable().optional(),
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new HttpError(400, describeIssues(result.error).join('; '));
  return result.data;
}

function validZone(zone: string | undefined, fallback: string): string {
  if (!zone) return fallback;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return fallback;
  }
}

function validLocale(locale: string | undefined): string | undefined {
  try {
    return locale ? Intl.getCanonicalLocales(locale)[0] : undefined;
  } catch {
    return undefined;
  }
}

function isMine(trip: TripView): boolean {
  return 'platform' in trip.traveller && trip.traveller.platform === 'web' && trip.traveller.userId === PLAYGROUND_TRAVELLER.userId;
}

export interface PlaygroundRouteOptions {
  renderers: PlaygroundRenderers;
  web: WebDeliverer;
}

/** Routes under /playground/api/. Every handler first runs the loopback/same-origin guard. */
export function playgroundRoutes(ctx: AppContext, options: PlaygroundRouteOptions): Route[] {
  const { config, advisor, reminders } = ctx;
  const guarded =
    (handler: (req: IncomingMessage, res: ServerResponse, params: Record<string, string>) => Promise<void>) =>
    async (req: IncomingMessage, res: ServerResponse, params: Record<string, string>) => {
      guardRequest(req, config.PLAYGROUND_HOSTS);
      try {
        await handler(req, res, params);
      } catch (error) {
        // Input the advisor refuses is the user's to fix: say so, as a chat door would.
        if (error instanceof InputError) throw new HttpError(400, error.message);
        throw error;
      }
    };
  const render = (answer: Answer) => renderForPlayground(answer, options.renderers);
  const answers = ctx.store<Answer>('playground-answers');
  const alertPreview = createAlertPreview(ctx, options.renderers);

  /** The reminders form plans a trip as "Remind me before I go" does: the one trip-action handler, the one key. */
  async function createTrip(destinations: string[], start: string, end: string | null): Promise<TripView> {
    const outcome = await ctx.conversation.act(PLAYGROUND_TRAVELLER, { kind: 'remind', destinations, start, end }, 'playground');
    if (outcome.kind !== 'planned') {
      // A plan that changed nothing (the store did not take it: 503) is refused as a button is.
      const refusal = refusalOf(outcome)!;
      throw new HttpError(refusal.status, refusal.message);
    }
    return outcome.trip;
  }

  return [
    {
      method: 'POST',
      path: '/playground/api/ask',
      handler: guarded(async (req, res) => {
        const body = parse(askSchema, await readJson(req, PLAYGROUND_ASK_LIMIT));
        const started = performance.now();
        const zone = validZone(body.timeZone, config.DEFAULT_TIMEZONE);
        // The one conversation service, as in Slack and Teams: follow-ups, "remind me", "I've done the checklist".
        const reply = await ctx.conversation.reply({
          text: body.text,
          thread: { key: `web:${body.conversation ?? randomUUID()}` },
          user: PLAYGROUND_TRAVELLER,
          now: ctx.clock(),
          timeZone: zone,
          locale: validLocale(body.locale),
        });
        const notice = reply.notice ? noticeWords(reply.notice, copyFormat(ctx, (iso) => formatLocalTime(iso, zone))) : null;
        const said = { kind: reply.kind, notice };
        const answer = reply.answer;
        if (!answer) return sendJson(res, 200, { reply: said, timings: { serverMs: Math.round(performance.now() - started) } });
        const ephemeral = body.via === 'travel-command';
        // As the /travel command does: kept a day so "Share in channel" posts what was shown; no share button when the store is down.
        const key = randomUUID();
        const kept = ephemeral && (await answers.set(key, answer, SHARE_TTL_MS).then(() => true, () => false));
        const renderings = renderForPlayground(answer, options.renderers, kept ? { share: { a: key } } : {});
        sendJson(res, 200, { ...renderings, reply: said, slackEphemeral: ephemeral, timings: { serverMs: Math.round(performance.now() - started) } });
      }),
    },
    {
      method: 'GET',
      path: '/playground/api/countries',
      handler: guarded(async (_req, res) => {
        sendJson(res, 200, { countries: countryRows(advisor.content, { now: ctx.clock(), staleDays: config.CONTENT_STALE_DAYS }) });
      }),
    },
    {
      method: 'GET',
      path: '/playground/api/countries/:code',
      handler: guarded(async (_req, res, params) => {
        const code = (params.code ?? '').toUpperCase();
        if (!advisor.content.world.has(code)) throw new HttpError(404, `no country with the code ${code.slice(0, 8)}`);
        sendJson(res, 200, render(await advisor.answerForCountries([code])));
      }),
    },
    {
      method: 'GET',
      path: '/playground/api/alert-preview',
      handler: guarded(async (req, res) => {
        // The content served against the content at a git ref, drawn as the alerts travellers would get (alert-preview.ts).
        const ref = new URL(req.url ?? '/', 'http://x').searchParams.get('ref') ?? 'main';
        sendJson(res, 200, await alertPreview(ref.trim()));
      }),
    },
    {
      method: 'GET',
      path: '/playground/api/reminders',
      handler: guarded(async (_req, res) => {
        const trips = (await reminders.listTrips({ traveller: PLAYGROUND_TRAVELLER })).filter(isMine);
        sendJson(res, 200, { traveller: PLAYGROUND_TRAVELLER, trips, delivered: options.web.delivered(PLAYGROUND_TRAVELLER.userId) });
      }),
    },
    {
      method: 'GET',
      path: '/playground/api/reminders/delivered/:id',
      handler: guarded(async (_req, res, params) => {
        const found = options.web.find(PLAYGROUND_TRAVELLER.userId, params.id ?? '');
        if (!found) throw new HttpError(404, 'no such delivered reminder');
        sendJson(res, 200, found.renderings);
      }),
    },
    {
      method: 'POST',
      path: '/playground/api/reminders',
      handler: guarded(async (req, res) => {
        const body = parse(tripSchema, await readJson(req, PLAYGROUND_FORM_LIMIT));
        // The resolver the travel-desk API uses: a code must be a real ISO 3166-1 country.
        const { codes, unknown } = resolveDestinations(advisor, body.destinations);
        if (unknown.length)
          throw new HttpError(400, `${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length > 1 ? 'are not ISO 3166-1 country codes' : 'is not an ISO 3166-1 country code'}; use two letters such as KG for Kyrgyzstan`);
        sendJson(res, 201, { trip: await createTrip(codes, body.start, body.end ?? null) });
      }),
    },
    {
      method: 'POST',
      path: '/playground/api/reminders/:id/cancel',
      handler: guarded(async (_req, res, params) => {
        const trip = await reminders.getTrip(params.id ?? '');
        if (!trip || !isMine(trip)) throw new HttpError(404, 'no such trip for the local test user');
        sendJson(res, 200, { trip: await reminders.cancelTrip(trip.id) });
      }),
    },
    {
      method: 'POST',
      path: '/playground/api/action',
      handler: guarded(async (req, res) => {
        const action = interpretAction(parse(actionRequestSchema, await readJson(req, PLAYGROUND_FORM_LIMIT)));
        const outcome = await actOnButton(ctx, { renderers: options.renderers, answers, traveller: PLAYGROUND_TRAVELLER }, action);
        sendJson(res, outcome.status, outcome.body);
      }),
    },
  ];
}

