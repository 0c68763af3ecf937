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
import type { TripView } from '../../reminders/types.js';
import type { CardState } from '../teams/render/answer-to-adaptive-card.js';
import type { PlaygroundAction, TeamsCardRef } from './interpret-action.js';
import { drawSlackModal, renderForPlayground, type PlaygroundRenderers } from './render-for-playground.js';

export interface ButtonDeps {
  renderers: PlaygroundRenderers;
  /** /travel answers kept for "Share in channel" (the Slack door keeps them the same way). */
  answers: Keyv<Answer>;
  createTrip(destinations: string[], start: string, end: string | null): Promise<TripView>;
  traveller: { platform: 'web'; userId: string };
}

export interface ButtonOutcome {
  status: number;
  body: Record<string, unknown>;
}

const ok = (body: Record<string, unknown>, status = 200): ButtonOutcome => ({ status, body });
const refused = (status: number, error: string): ButtonOutcome => ({ status, body: { error } });

/**
 * The lines the Teams bot puts in place of a reminder card after a button.
 * MUST stay in sync with teams/perform-card-action.ts (its `status` outcomes).
 */
const teamsStatusLines = {
  acknowledged: (at: string) => `✅ Checklist done (recorded ${at.slice(0, 10)}).`,
  snoozed: (until: Date) => `⏰ Snoozed until ${until.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
};

/** Slack's "Share in channel" line. MUST stay in sync with register-answer-actions.ts (ACTION_IDS.share). */
const sharedIntro = (userId: string) => `<@${userId}> shared this travel advice:`;

/** Returns the HTTP status and JSON body for one interpreted button press. */
export async function actOnButton(ctx: AppContext, deps: ButtonDeps, action: PlaygroundAction): Promise<ButtonOutcome> {
  const { advisor, reminders, clock } = ctx;
  const { renderers } = deps;

  /** The Teams bot redraws the card a button was on with what happened (updateActivity); so does the playground. */
  async function redrawTeamsCard(card: TeamsCardRef | undefined, state: CardState): Promise<object | null> {
    if (!card || !renderers.teams || !card.countries.length) return null;
    const trip = card.start ? { start: card.start, end: card.end, said: null, startInferred: false, endInferred: false } : null;
    const answer = await advisor.answerForCountries(card.countries, { intent: trip ? 'trip' : 'country', trip });
    return renderers.teams(answer, state);
  }

  switch (action.kind) {
    case 'remind': {
      const trip = await deps.createTrip(action.destinations, action.start, action.end);
      const due = trip.reminders.filter((r) => r.status === 'scheduled').map((r) => ({ kind: r.kind, dueAt: r.dueAt }));
      const teams = await redrawTeamsCard(action.card, { reminders: { tripId: trip.id, due } });
      return ok({ action: action.kind, trip, teams }, 201);
    }
    case 'message':
      return ok({ action: action.kind, text: action.text });
    case 'snooze': {
      const until = new Date(clock().getTime() + action.hours * 3_600_000);
      const trip = await reminders.snooze({ tripId: action.tripId, reminderId: action.reminderId, until, traveller: deps.traveller });
      if (!trip) return refused(404, 'That reminder no longer exists.');
      // Teams replaces a reminder card with its outcome, so its buttons cannot be pressed twice; Slack tells the clicker.
      const teams = action.platform === 'teams' ? (renderers.teamsStatus?.(teamsStatusLines.snoozed(until)) ?? null) : null;
      return ok({ action: action.kind, trip, until: until.toISOString(), teams });
    }
    case 'acknowledge': {
      const trip = await reminders.acknowledge({
        traveller: deps.traveller,
        ...(action.tripId ? { tripId: action.tripId } : {}),
        ...(action.reminderId ? { reminderId: action.reminderId } : {}),
      });
      const at = trip?.acknowledgedAt ?? clock().toISOString();
      let teams: object | null = null;
      if (action.platform === 'teams' && action.reminderId) teams = renderers.teamsStatus?.(teamsStatusLines.acknowledged(at)) ?? null;
      else if (action.platform === 'teams')
        teams = await redrawTeamsCard(action.card, { acknowledgedAt: at, ...(trip ? { reminders: { tripId: trip.id, due: [] } } : {}) });
      return ok({ action: action.kind, trip, teams });
    }
    case 'details': {
      // Codes come back from the page: only places the content base knows are looked up (as the doors do).
      const codes = action.countries.filter((c) => advisor.content.world.has(c));
      if (!codes.length) return refused(404, 'That button no longer works; ask about the trip again.');
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
      if (!stored.success) return refused(404, 'That answer has expired; ask again with /travel.');
      const shared = renderForPlayground(stored.data, renderers, { intro: sharedIntro(deps.traveller.userId) });
      return ok({ action: action.kind, slack: shared.slack, slackHtml: shared.slackHtml, problems: shared.problems });
    }
    default:
      return ok({ action: action.kind, message: `The playground does not act on "${action.name}"; in Slack or Teams the door handles it.` });
  }
}
