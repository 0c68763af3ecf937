/**
 * Teams limits the renderers clamp to, as data so tests can name each one.
 * Sources: learn.microsoft.com (bot message size, Adaptive Card versions, citations).
 */
export const TEAMS_LIMITS = {
  /** Teams renders Adaptive Cards up to 1.5 (desktop, web and mobile). */
  cardVersion: '1.5',
  /** A bot message (text + attachments) must stay under about 28 KB; we keep a margin. */
  maxMessageBytes: 26_000,
  /** Native citation: at most 20 citations per message. */
  maxCitations: 20,
  /** Native citation: `appearance.abstract` is cut off after 477 characters. */
  maxCitationAbstract: 477,
  /** Native citation: `appearance.name` (the title) up to 80 characters. */
  maxCitationName: 80,
  /** The plain `text` next to the card (fallback and notification preview). */
  maxFallbackText: 4000,
  /** Suggestions offered as buttons ("Did you mean …?"). */
  maxSuggestionButtons: 3,
} as const;
