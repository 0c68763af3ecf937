/**
 * The travel-desk HTTP API on the shared server, for booking tools: POST/GET/DELETE
 * /api/trips; GET /api/alerts (who was told about a risk change), GET /api/insights
 * (the security-team insights as JSON, counts only: docs/insights.md) and POST
 * /api/content/reload (new content without a restart, docs/alerts.md). Off (every path
 * 404) unless TRAVEL_DESK_API_TOKEN is set; a wrong or missing bearer token is 401.
 * Never logs bodies (they hold emails).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AppContext } from '../../app/app-context.js';
import { AdvisorError, ContentError, IdempotencyConflictError, InvalidTripError, formatProblem } from '../../errors.js';
import { HttpError, describeIssues, readJson, sendJson } from '../../server/http-helpers.js';
import type { Door } from '../../server/types.js';
import { API_BODY_LIMIT } from '../../server/body-limits.js';
import { planDeskTrip } from '../../reminders/plan-desk-trip.js';
import type { ReminderStatus } from '../../reminders/types.js';
import { travellerFromRequest, travellerToJson, tripRequestSchema, tripToJson } from './trip-request.js';

const STATUSES: ReminderStatus[] = ['scheduled', 'sent', 'failed', 'acknowledged', 'cancelled'];
const digest = (s: string) => createHash('sha256').update(s).digest();

export function createApiDoor(ctx: AppContext): Door | null {
  const token = ctx.config.TRAVEL_DESK_API_TOKEN;
  if (!token) return null;
  const expected = digest(token);

  function authorise(req: IncomingMessage): void {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!m || !timingSafeEqual(digest(m[1]!), expected)) throw new HttpError(401, 'missing or wrong bearer token (Authorization: Bearer <TRAVEL_DESK_API_TOKEN>)');
  }

  return {
    name: 'api',
    routes: [
      {
        method: 'POST',
        path: '/api/trips',
        async handler(req, res) {
          authorise(req);
          const parsed = tripRequestSchema.safeParse(await readJson(req, API_BODY_LIMIT));
          if (!parsed.success) throw new HttpError(400, 'the trip is not valid', describeIssues(parsed.error));
          const body = parsed.data;
          const { config } = ctx;
          const key = req.headers['idempotency-key'];
          if (typeof key === 'string' && (key.length < 1 || key.length > 200)) throw new HttpError(400, 'the trip is not valid', ['Idempotency-Key: 1 to 200 characters']);
          try {
            // The travel desk's one way to plan a trip (dates, destinations, creation), shared with the desk commands.
            const trip = await planDeskTrip(
              { advisor: ctx.advisor, reminders: ctx.reminders, clock: ctx.clock, limits: config },
              {
                traveller: travellerFromRequest(body.traveller),
                destinations: body.destinations,
                start: body.start,
                end: body.end,
                createdBy: 'api',
                source: 'api',
                ...(typeof key === 'string' ? { idempotencyKey: `api:${key}`, keyReuse: 'reject-different' as const } : {}),
              },
            );
            sendJson(res, 201, tripToJson(trip), { location: `/api/trips/${trip.id}` });
          } catch (error) {
            if (error instanceof InvalidTripError) throw new HttpError(400, 'the trip is not valid', error.problems);
            if (error instanceof IdempotencyConflictError)
              throw new HttpError(error.reason === 'different-request' ? 422 : 409, error.message, ['Idempotency-Key: ' + (error.reason === 'different-request' ? 'already used with a different body' : 'the first request with this key is still running')]);
            if (error instanceof AdvisorError && error.code === 'INPUT_INVALID')
              throw new HttpError(400, 'the trip is not valid', error.message.replace(/^The trip is not valid: /, '').split('; '));
            throw error;
          }
        },
      },
      {
        method: 'GET',
        path: '/api/trips',
        async handler(req, res) {
          authorise(req);
          const status = new URL(req.url ?? '/', 'http://x').searchParams.get('status');
          if (status !== null && !STATUSES.includes(status as ReminderStatus))
            throw new HttpError(400, 'bad query', [`status: one of ${STATUSES.join(', ')}`]);
          const trips = await ctx.reminders.listTrips(status ? { status: status as ReminderStatus } : {});
          sendJson(res, 200, { trips: trips.map(tripToJson) });
        },
      },
      {
        method: 'GET',
        path: '/api/trips/:id',
        async handler(req, res, params) {
          authorise(req);
          const trip = await ctx.reminders.getTrip(params.id!);
          if (!trip) throw new HttpError(404, 'no such trip (it may have expired)');
          sendJson(res, 200, tripToJson(trip));
        },
      },
      {
        method: 'GET',
        path: '/api/alerts',
        async handler(req, res) {
          authorise(req);
          if (!ctx.alerts) throw new HttpError(404, 'risk-change alerts are not running on this server');
          const alerts = (await ctx.alerts.list()).map(({ key: _key, expiresAt: _e, traveller, ...rest }) => ({ ...rest, traveller: travellerToJson(traveller) }));
          sendJson(res, 200, { alerts });
        },
      },
      {
        method: 'GET',
        path: '/api/insights',
        async handler(req, res) {
          authorise(req);
          if (!ctx.insights) throw new HttpError(404, 'insights are not available on this server');
          const q = new URL(req.url ?? '/', 'http://x').searchParams;
          const number = (name: string, max: number) => {
            const v = q.get(name);
            if (v === null) return undefined;
            if (!/^\d{1,5}$/.test(v) || Number(v) < 1 || Number(v) > max) throw new HttpError(400, 'bad query', [`${name}: a whole number from 1 to ${max}`]);
            return Number(v);
          };
          const days = number('days', ctx.config.INSIGHTS_RETENTION_DAYS);
          const staleDays = number('staleDays', 3650);
          sendJson(res, 200, await ctx.insights.report({ days, staleDays }));
        },
      },
      {
        method: 'POST',
        path: '/api/content/reload',
        async handler(req, res) {
          authorise(req);
          if (!ctx.reloadContent) throw new HttpError(404, 'content reload is not available on this server');
          try {
            sendJson(res, 200, { reloaded: true, ...(await ctx.reloadContent()) });
          } catch (error) {
            if (!(error instanceof ContentError)) throw error;
            const errors = error.problems.filter((p) => p.severity === 'error');
            throw new HttpError(422, `content not reloaded: ${errors.length} problem${errors.length === 1 ? '' : 's'} in the content files; the old content keeps serving`, errors.map(formatProblem));
          }
        },
      },
      {
        method: 'DELETE',
        path: '/api/trips/:id',
        async handler(req, res, params) {
          authorise(req);
          const trip = await ctx.reminders.cancelTrip(params.id!);
          if (!trip) throw new HttpError(404, 'no such trip (it may have expired)');
          sendJson(res, 200, tripToJson(trip));
        },
      },
    ],
  };
}
