/**
 * The buttons we put on messages: their action_ids and the values they carry back.
 * Values are small JSON objects, parsed defensively (a block_actions payload is
 * signed by Slack but its value is still ours to validate). Renderers and the action
 * listeners both import from here, so the two cannot drift apart.
 */
import { z } from 'zod';

export const ACTION_IDS = {
  remind: 'travel_remind_before_trip',
  acknowledge: 'travel_checklist_done',
  share: 'travel_share_in_channel',
  snooze: 'travel_snooze_reminder',
  /** "Full checklist": the trip's merged checklist, in a modal. */
  checklist: 'travel_full_checklist',
  /** "Why this level": basis with sources, indicators with evidence, law, every source, in a modal. */
  why: 'travel_why_this_level',
  /** 👍/👎 (Block Kit feedback_buttons) under an AI-written summary. */
  feedback: 'travel_answer_feedback',
} as const;

/** "Remind me before I go": the trip itself travels in the button. */
export const remindValueSchema = z.object({
  d: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1).max(20),
  s: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  e: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
});
export type RemindValue = z.infer<typeof remindValueSchema>;

/** "I've done the checklist": a trip (from a reminder) or the destinations answered. */
export const acknowledgeValueSchema = z.object({
  t: z.string().max(200).optional(),
  r: z.string().max(200).optional(),
  d: z.array(z.string()).max(20).optional(),
});
export type AcknowledgeValue = z.infer<typeof acknowledgeValueSchema>;

/** "Snooze": which reminder of which trip. */
export const snoozeValueSchema = z.object({ t: z.string().max(200), r: z.string().max(200) });
export type SnoozeValue = z.infer<typeof snoozeValueSchema>;

/** "Share in channel": the key of the stored answer. */
export const shareValueSchema = z.object({ a: z.string().max(200) });
export type ShareValue = z.infer<typeof shareValueSchema>;

/**
 * "Full checklist" and "Why this level" (and their "Next page" in the modal): the
 * destinations, so the view is rebuilt from content for whoever presses it, from any
 * message (thread, DM, ephemeral /travel answer, reminder, shared answer), and the page.
 */
export const detailsValueSchema = z.object({
  d: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1).max(60),
  p: z.number().int().min(1).max(100).optional(),
});
export type DetailsValue = z.infer<typeof detailsValueSchema>;

/**
 * One side of the feedback buttons: which answer (its fingerprint), its destinations and
 * summariser, and the rating. What the report counts by, and nothing of the text.
 */
export const feedbackValueSchema = z.object({
  a: z.string().regex(/^a-[0-9a-f]{16}$/),
  d: z.array(z.string().regex(/^[A-Z]{2}$/)).max(60),
  m: z.enum(['llm', 'extractive']),
  r: z.enum(['up', 'down']),
});
export type FeedbackValue = z.infer<typeof feedbackValueSchema>;

/** Parses a button value against its schema; null when it is not ours or malformed. */
export function parseActionValue<T>(schema: z.ZodType<T>, value: string | undefined): T | null {
  if (!value) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
