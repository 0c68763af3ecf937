/**
 * Slack's own syntax out of a message before it becomes a Turn: mentions, channel links,
 * labelled links, the three entities Slack escapes, and flag emoji codes. The core
 * (src/understand/plain-text.ts) then sees text any door could have sent; it never learns
 * Slack's syntax. Mentions name the bot or a colleague, never content, so they go whole
 * (the model and retrieval never see a Slack user id or a display name from them).
 */

/** Slack's flag short names that are not `:flag-xx:` (https://emojipedia.org/slack), lower case → ISO code. */
const NAMED_FLAGS: Readonly<Record<string, string>> = {
  us: 'US', gb: 'GB', uk: 'GB', de: 'DE', fr: 'FR', es: 'ES', it: 'IT', jp: 'JP', kr: 'KR', cn: 'CN', ru: 'RU',
};

const REGIONAL_A = 0x1f1e6;

/** The Unicode flag of a two-letter code (🇰🇬 for KG): what the core reads in any door. */
function unicodeFlag(code: string): string {
  return String.fromCodePoint(...[...code.toUpperCase()].map((c) => REGIONAL_A + c.charCodeAt(0) - 65));
}

/**
 * `:flag-kg:` and `:us:` as 🇰🇬 and 🇺🇸; other emoji codes stay as typed. Alone for the
 * /travel-desk command, whose mention token the door resolves itself and must keep.
 */
export function slackFlagsToUnicode(text: string): string {
  return text.replace(/:([a-z0-9_+-]+):/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    const code = /^flag-[a-z]{2}$/.test(lower) ? lower.slice(5) : NAMED_FLAGS[lower];
    return code ? unicodeFlag(code) : whole;
  });
}

/** Slack escapes only these three (https://api.slack.com/reference/surfaces/formatting#escaping). */
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>' };

/** Plain text of a Slack message, for the conversation service. */
export function normaliseSlackText(text: string | undefined): string {
  const t = (text ?? '')
    // User, special and group mentions (<@U0123>, <@U0123|ann>, <!here>, <!subteam^S1|@desk>).
    .replace(/<[@!][^>]*>/g, ' ')
    // Channel links keep their name.
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<#[A-Z0-9]+>/g, ' ')
    // Links with a label keep the label; bare links, mailto and tel go.
    .replace(/<(?:https?|mailto|tel):[^>|]*\|([^>]*)>/gi, '$1')
    .replace(/<(?:https?|mailto|tel):[^>]*>/gi, ' ')
    // Decoded after the links, so an escaped "&lt;" typed by a person never reads as a link.
    .replace(/&(amp|lt|gt);/g, (_, name: string) => ENTITIES[name] ?? '');
  // Line breaks stay: the core reads quote markers at line starts.
  return slackFlagsToUnicode(t).trim();
}
