/**
 * Turns a Teams message into the text the advisor reads: drops `<at>…</at>` mentions
 * (the bot's own, and people's names, which the advisor never needs), the few HTML
 * entities Teams puts in plain text, and surplus whitespace.
 */
const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };

export function stripMentions(text: string): string {
  return text
    .replace(/<at\b[^>]*>[\s\S]*?<\/at>/gi, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot|#39|apos);/g, (m) => ENTITIES[m] ?? m)
    .replace(/\s+/g, ' ')
    .trim();
}
