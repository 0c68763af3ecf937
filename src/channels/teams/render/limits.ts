/**
 * Teams limits the renderers keep to, as data so tests can name each one. Sources:
 * learn.microsoft.com, "Format your bot messages" (message size), Adaptive Card
 * versions, "User Specific Views" (Universal Actions), "Bot messages with AI-generated
 * content" (citations), and the citation
 * types Microsoft ships in its Teams and Agents SDKs (`ClientCitation.appearance`: name
 * "max length 80", abstract "max length 160"; microsoft.github.io/Agents-for-js,
 * `ClientCitation`). MUST stay in sync with the "Renderers" notes of docs/teams.md.
 */
export const TEAMS_LIMITS = {
  /** Teams renders Adaptive Cards up to 1.5 (desktop, web and mobile). */
  cardVersion: '1.5',
  /**
   * A bot message (text, attachments, entities) is refused with 413 MessageSizeTooBig
   * above about 100 KB, counted in UTF-16 (two bytes per code unit): utf16Bytes().
   */
  maxMessageBytes: 100_000,
  /** Microsoft recommends staying within 80 KB (UTF-16) to guarantee delivery: every activity we send does (fitActivity). */
  recommendedMessageBytes: 80_000,
  /** Native citation: at most 20 citations per message. */
  maxCitations: 20,
  /** Native citation: `appearance.abstract`, the extract shown in the citation pop-up, at most 160 characters. */
  maxCitationAbstract: 160,
  /** Native citation: `appearance.name` (the title) up to 80 characters. */
  maxCitationName: 80,
  /** The plain `text` next to the card (fallback and notification preview). */
  maxFallbackText: 4000,
  /** Suggestions offered as buttons ("Did you mean …?"). */
  maxSuggestionButtons: 3,
  /**
   * Universal Actions: at most 60 users may see their own version of a card, and `refresh.userIds`
   * lists at most 60 (Microsoft Learn, "User Specific Views"; Teams SDK `IRefreshDefinition`).
   */
  maxRefreshUserIds: 60,
} as const;
