/**
 * The data our Adaptive Card buttons carry, and its parser. The renderers put it on
 * Action.Execute (and on the Action.Submit each one falls back to on older clients); the
 * bot reads it back from the `adaptiveCard/action` invoke's `value.action.data`, or from
 * `activity.value` for a fallback submit. Both sides use this file, so a button and its
 * handler cannot drift apart.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const code = z.string().regex(/^[A-Z]{2}$/);
/** Destinations a trip button carries: as many as a trip may have (the HTTP API and Slack allow 20). */
const tripCountries = z.array(code).max(20);

export const cardActionSchema = z.discriminatedUnion('ta', [
  /** "Remind me before I go": create a trip for the sender from the answer's destinations and dates. */
  z.object({ ta: z.literal('remind'), countries: tripCountries.min(1), start: isoDate, end: isoDate.nullable() }),
  /** "I've done the checklist": acknowledge a trip (or the sender's latest trip). */
  z.object({
    ta: z.literal('ack'),
    countries: tripCountries.default([]),
    start: isoDate.nullable().default(null),
    end: isoDate.nullable().default(null),
    tripId: z.string().max(200).optional(),
    reminderId: z.string().max(200).optional(),
  }),
  /**
   * "Snooze" on a reminder: deliver it again later. Every door snoozes SNOOZE_HOURS
   * (act-on-trip.ts); `hours` is read only so that cards already sent, which carry it, still parse.
   */
  z.object({ ta: z.literal('snooze'), tripId: z.string().max(200), reminderId: z.string().max(200), hours: z.number().int().min(1).max(168).optional() }),
  /**
   * "Full checklist" / "Why this level" on a card too large to hold them: the bot sends them as
   * follow-up cards (personal chat), or shows part `page` of them to the presser alone (channels).
   */
  z.object({ ta: z.literal('details'), kind: z.enum(['checklist', 'why']), countries: z.array(code).min(1).max(60), page: z.number().int().min(1).max(50).optional() }),
  /**
   * The card's `refresh` action (Universal Actions): Teams asks for the viewer's own view of
   * the card; the destinations and dates rebuild it when the card as sent is no longer stored.
   */
  z.object({ ta: z.literal('view'), countries: z.array(code).max(60).default([]), start: isoDate.nullable().default(null), end: isoDate.nullable().default(null) }),
]);

export type CardAction = z.infer<typeof cardActionSchema>;

/** Reads a card submit; null when the value is not one of ours (another app's card, a stale shape). */
export function parseCardAction(value: unknown): CardAction | null {
  const parsed = cardActionSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
