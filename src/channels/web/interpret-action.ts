/**
 * Turns a button pressed in the playground's Slack or Teams drawing into what that
 * door does with it: schedule reminders ("Remind me before I go"), record "I've done
 * the checklist", snooze a reminder, open "Full checklist" / "Why this level" (a modal
 * in Slack, follow-up cards from the Teams bot), share a private /travel answer in the
 * channel, or send a suggested message (Teams imBack). The payloads are read with the
 * doors' own schemas (slack/actions.ts, teams/card-actions.ts), so a button that works
 * here works in Slack and Teams, and one that drifts fails here too.
 */
import { z } from 'zod';
import {
  ACTION_IDS,
  acknowledgeValueSchema,
  detailsValueSchema,
  parseActionValue,
  remindValueSchema,
  shareValueSchema,
  snoozeValueSchema,
} from '../slack/actions.js';
import { parseCardAction } from '../teams/card-actions.js';

/** The card a Teams button was on (its countries and dates), so the playground can redraw it as the bot does. */
export interface TeamsCardRef {
  countries: string[];
  start: string | null;
  end: string | null;
}

export type Platform = 'slack' | 'teams';

export type PlaygroundAction =
  | { kind: 'remind'; destinations: string[]; start: string; end: string | null; card?: TeamsCardRef }
  | { kind: 'acknowledge'; platform: Platform; tripId: string | null; reminderId: string | null; card?: TeamsCardRef }
  | { kind: 'snooze'; platform: Platform; tripId: string; reminderId: string }
  /** "Full checklist" / "Why this level": page `page` of the Slack modal, or the Teams bot's follow-up cards. */
  | { kind: 'details'; platform: Platform; detail: 'checklist' | 'why'; countries: string[]; page: number }
  /** Slack "Share in channel" under a /travel answer: the key of the stored answer. */
  | { kind: 'share'; answerKey: string }
  | { kind: 'message'; text: string }
  | { kind: 'unsupported'; name: string };

export const actionRequestSchema = z.object({
  platform: z.enum(['slack', 'teams']),
  /** Slack: the button's action_id. */
  actionId: z.string().max(255).optional(),
  /** Slack: the button's value string. Teams: the Action.Submit data object. */
  value: z.unknown().optional(),
});
export type ActionRequest = z.infer<typeof actionRequestSchema>;

const malformed = (actionId: string): PlaygroundAction => ({ kind: 'unsupported', name: `${actionId} (malformed value)` });

function slackAction(actionId: string, value: unknown): PlaygroundAction {
  const raw = typeof value === 'string' ? value : undefined;
  if (actionId === ACTION_IDS.remind) {
    const v = parseActionValue(remindValueSchema, raw);
    return v ? { kind: 'remind', destinations: v.d, start: v.s, end: v.e } : malformed(actionId);
  }
  if (actionId === ACTION_IDS.acknowledge) {
    const v = parseActionValue(acknowledgeValueSchema, raw);
    return v ? { kind: 'acknowledge', platform: 'slack', tripId: v.t ?? null, reminderId: v.r ?? null } : malformed(actionId);
  }
  if (actionId === ACTION_IDS.snooze) {
    const v = parseActionValue(snoozeValueSchema, raw);
    return v ? { kind: 'snooze', platform: 'slack', tripId: v.t, reminderId: v.r } : malformed(actionId);
  }
  if (actionId === ACTION_IDS.checklist || actionId === ACTION_IDS.why) {
    const v = parseActionValue(detailsValueSchema, raw);
    const detail = actionId === ACTION_IDS.why ? 'why' : 'checklist';
    return v ? { kind: 'details', platform: 'slack', detail, countries: v.d, page: v.p ?? 1 } : malformed(actionId);
  }
  if (actionId === ACTION_IDS.share) {
    const v = parseActionValue(shareValueSchema, raw);
    return v ? { kind: 'share', answerKey: v.a } : malformed(actionId);
  }
  return { kind: 'unsupported', name: actionId || 'unnamed button' };
}

function teamsAction(value: unknown): PlaygroundAction {
  const imBack = (value as { msteams?: { type?: unknown; value?: unknown } } | null)?.msteams;
  if (imBack?.type === 'imBack' && typeof imBack.value === 'string') return { kind: 'message', text: imBack.value };
  const action = parseCardAction(value);
  if (!action) return { kind: 'unsupported', name: 'card action the Teams door does not know' };
  if (action.ta === 'remind') {
    const card = { countries: action.countries, start: action.start, end: action.end };
    return { kind: 'remind', destinations: action.countries, start: action.start, end: action.end, card };
  }
  if (action.ta === 'ack') {
    const card = { countries: action.countries, start: action.start, end: action.end };
    return { kind: 'acknowledge', platform: 'teams', tripId: action.tripId ?? null, reminderId: action.reminderId ?? null, card };
  }
  if (action.ta === 'details') return { kind: 'details', platform: 'teams', detail: action.kind, countries: action.countries, page: 1 };
  // Teams asks for a card's refresh itself (Universal Actions); the playground draws the card as sent.
  if (action.ta === 'view') return { kind: 'unsupported', name: 'card refresh (Teams asks for it when the card is shown)' };
  return { kind: 'snooze', platform: 'teams', tripId: action.tripId, reminderId: action.reminderId };
}

/** Pure: reads the request; the caller carries the action out. */
export function interpretAction(request: ActionRequest): PlaygroundAction {
  return request.platform === 'slack' ? slackAction(request.actionId ?? '', request.value) : teamsAction(request.value);
}
