/**
 * Channel-neutral normalisation before understanding: the emphasis people type in any
 * door (*bold*, _italics_, ~strike~, `code`, **markdown bold**), quote markers and bare
 * URLs go, the words stay, so "*Almaty*" reads as "Almaty". Each door removes its own
 * syntax (mentions, links, HTML, emoji codes) before it builds the Turn:
 * src/channels/slack/normalise-slack-text.ts, src/channels/teams/normalise-teams-text.ts.
 */

/** Plain text of a message a door has already normalised. */
export function plainText(text: string): string {
  return text
    .replace(/\bhttps?:\/\/\S+/gi, ' ')
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}*])\*([^*\n]+)\*(?=$|[^\p{L}\p{N}*])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_([^_\n]+)_(?=$|[^\p{L}\p{N}_])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}~])~([^~\n]+)~(?=$|[^\p{L}\p{N}~])/gu, '$1$2')
    .replace(/`{1,3}([^`]*)`{1,3}/g, '$1')
    .replace(/^\s*>\s?/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}
