/**
 * Carries out a button pressed in the playground's Slack or Teams drawing as that door
 * does, so every button on the page works as it does in the chat: reminders, "I've
 * done the checklist" and "Snooze" act on the local test user's trips; "Full checklist"
 * and "Why this level" return the modal Slack opens (and its next pages) or the
 * follow-up cards the Teams bot sends; "Share in channel" returns the message Slack
 * posts for everyone; after a Teams button the card comes back as the bot redraws it.
 * Nothing here decides advice: the advisor answers, the injected renderers draw.
 */
import type Keyv from 'keyv';
import { answerSchema, type Answer } from '../../advisor/answer.js';
import type { AppContext } from '../../app/app-context.js';
import type { TripAction, TripActionOutcome } from '../../conversation/act-on-trip.js';
import { FALLBACK, STATUS_LINES, noticeWords } from '../../render/copy.js';
import { formatLocalTime } from '../../render/local-time.js';
import { sharedIntro } from '../slack/render/answer-to-block-kit.js';
import type { CardState } from '../teams/render/answer-to-adaptive-card.js';
import type { PlaygroundAction, TeamsCardRef } from './interpret-action.js';
import { drawSlackModal, renderForPlayground, type PlaygroundRenderers } from './render-for-playground.js';

export interface ButtonDeps {
  renderers: PlaygroundRenderers;
  /** /travel answers kept for "Share in channel" (the Slack door keeps them the same way). */
  answers: Keyv<Answer>;
  traveller: { platform: 'web'; userId: string };
}

export interface ButtonOutcome {
  status: number;
  body: Record<string, unknown>;
}

const ok = (body: Record<string, unknown>, status = 200): ButtonOutcome => ({ status, body });
const refused = (status: number, error: string): ButtonOutcome => ({ status, body: { error } });

/**
 * A trip action's outcome that changed nothing, as an HTTP status and its words: someone
 * else's trip 403, nothing left to do 409, gone 404, the store down 503. Null when
 * something changed. The playground's reminders form (playground-routes.ts) refuses the same way.
 */
export function refusalOf(outcome: TripActionOutcome): { status: number; message: string } | null {
  const said = () => noticeWords(outcome.notice, { instant: (iso) => iso, places: (c) => c.join(', '), contact: '' }).text;
  if (outcome.kind === 'refused') return { status: outcome.reason === 'not-allowed' ? 403 : outcome.reason === 'invalid' ? 400 : 409, message: said() };
  if (outcome.kind === 'gone') return { status: 404, message: said() };
  if (outcome.kind === 'not-saved') return { status: 503, message: said() };
  return null;
}

/** refusalOf() as a button's HTTP refusal. */
function unchanged(outcome: TripActionOutcome): ButtonOutcome | null {
  const refusal = refusalOf(outcome);
  return refusal && refused(refusal.status, refusal.message);
}

/** Returns the HTTP status and JSON body for one interpreted button press. */
export async function actOnButton(ctx: AppContext, deps: ButtonDeps, action: PlaygroundAction): Promise<ButtonOutcome> {
  const { advisor, conversation } = ctx;
  const { renderers } = deps;
  /** The one trip-action handler of every door, for the local test user. */
  const act = (a: TripAction) => conversation.act(deps.traveller, a, 'playground');

  /** The Teams bot redraws the card a button was on with what happened (updateActivity); so does the playground. */
  async function redrawTeamsCard(card: TeamsCardRef | undefined, state: CardState): Promise<object | null> {
    if (!card || !renderers.teams || !card.countries.length) return null;
    const trip = card.start ? { start: card.start, end: card.end, said: null, startInferred: false, endInferred: false } : null;
    const answer = await advisor.answerForCountries(card.countries, { intent: trip ? 'trip' : 'country', trip });
    return renderers.teams(answer, state);
  }

  switch (action.kind) {
    case 'remind': {
      const outcome = await act({ kind: 'remind', destinations: action.destinations, start: action.start, end: action.end });
      if (outcome.kind !== 'planned') return unchanged(outcome)!;
      const { trip } = outcome;
      const due = trip.reminders.filter((r) => r.status === 'scheduled').map((r) => ({ kind: r.kind, dueAt: r.dueAt }));
      const teams = await redrawTeamsCard(action.card, { reminders: { tripId: trip.id, due } });
      return ok({ action: action.kind, trip, teams }, 201);
    }
    case 'message':
      return ok({ action: action.kind, text: action.text });
    case 'snooze': {
      const outcome = await act({ kind: 'snooze', tripId: action.tripId, reminderId: action.reminderId });
      if (outcome.kind !== 'snoozed') return unchanged(outcome)!;
      // Teams replaces a reminder card with its outcome, so its buttons cannot be pressed twice; Slack tells the clicker.
      const line = `⏰ ${STATUS_LINES.snoozed(formatLocalTime(outcome.until, 'UTC'))}`;
      const teams = action.platform === 'teams' ? (renderers.teamsStatus?.(line) ?? null) : null;
      return ok({ action: action.kind, trip: outcome.trip, until: outcome.until, teams });
    }
    case 'acknowledge': {
      const outcome = await act({ kind: 'acknowledge', ...(action.tripId ? { tripId: action.tripId } : {}), ...(action.reminderId ? { reminderId: action.reminderId } : {}) });
      if (outcome.kind !== 'acknowledged') return unchanged(outcome)!;
      const { trip, at } = outcome;
      let teams: object | null = null;
      if (action.platform === 'teams' && action.reminderId) teams = renderers.teamsStatus?.(`✅ ${STATUS_LINES.acknowledged(at)}`) ?? null;
      else if (action.platform === 'teams')
        teams = await redrawTeamsCard(action.card, { acknowledgedAt: at, ...(trip ? { reminders: { tripId: trip.id, due: [] } } : {}) });
      return ok({ action: action.kind, trip, teams });
    }
    case 'details': {
      // Codes come back from the page: only places the content base knows are looked up (as the doors do).
      const codes = action.countries.filter((c) => advisor.content.world.has(c));
      if (!codes.length) return refused(404, FALLBACK.buttonGone);
      const answer = await advisor.answerForCountries(codes, { summary: false });
      if (action.platform === 'slack') {
        if (!renderers.slackDetails) return refused(501, 'The Slack details renderer is not available in this build.');
        return ok({ action: action.kind, platform: 'slack', detail: action.detail, modal: drawSlackModal(renderers.slackDetails(action.detail, answer, action.page)) });
      }
      if (!renderers.teamsDetails) return refused(501, 'The Teams details renderer is not available in this build.');
      return ok({ action: action.kind, platform: 'teams', detail: action.detail, cards: renderers.teamsDetails(action.detail, answer) });
    }
    case 'share': {
      // Parsed, so an answer stored before a field was added still renders (as the Slack door reads it).
      const stored = answerSchema.safeParse(await deps.answers.get(action.answerKey));
      if (!stored.success) return refused(404, FALLBACK.answerExpired);
      const shared = renderForPlayground(stored.data, renderers, { intro: sharedIntro(deps.traveller.userId) });
      return ok({ action: action.kind, slack: shared.slack, slackHtml: shared.slackHtml, problems: shared.problems });
    }
    default:
      return ok({ action: action.kind, message: `The playground does not act on "${action.name}"; in Slack or Teams the door handles it.` });
  }
}
