/**
 * Teams' own syntax out of a message before it becomes a Turn: `<at>…</at>` mentions (the
 * bot or a colleague, never content, so they go whole), the HTML Teams sends for
 * formatted text, and its entities. The core (src/understand/plain-text.ts) then sees text
 * any door could have sent.
 */

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Plain text of a Teams message, for the conversation service. */
export function normaliseTeamsText(text: string | undefined): string {
  const t = (text ?? '')
    .replace(/<at(?:\s[^>]*)?>[\s\S]*?<\/at>/gi, ' ')
    // Line breaks and block ends are spaces; other tags go, their words stay.
    .replace(/<(?:br|\/p|\/div|\/li)\s*\/?>/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    // Decoded after the tags, so "&lt;b&gt;" typed by a person stays text.
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
  return t.trim();
}
