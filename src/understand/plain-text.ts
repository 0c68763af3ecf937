/**
 * Removes Slack mrkdwn and Teams markup before understanding, so "<@U0123>" or
 * "<at>Travel Bot</at>" never look like words and "*Almaty*" reads as "Almaty".
 * Doors may pass the raw event text; the understander calls this itself.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/** Plain text of a Slack or Teams message. */
export function stripMarkup(text: string): string {
  let t = text
    // Teams: mentions are <at>Name</at>; the name is the bot or a colleague, never content.
    .replace(/<at(?:\s[^>]*)?>[\s\S]*?<\/at>/gi, ' ')
    // Slack: user, channel-less and special mentions (<@U0123>, <@U0123|ann>, <!here>, <!subteam^S1|@desk>).
    .replace(/<[@!][^>]*>/g, ' ')
    // Slack: channel links keep their name.
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<#[A-Z0-9]+>/g, ' ')
    // Slack: links with a label keep the label; bare links and mailto go.
    .replace(/<(?:https?|mailto|tel):[^>|]*\|([^>]*)>/gi, '$1')
    .replace(/<(?:https?|mailto|tel):[^>]*>/gi, ' ')
    // Teams: HTML line breaks and block ends are spaces; other tags go.
    .replace(/<(?:br|\/p|\/div|\/li)\s*\/?>/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    // Bare URLs (Teams, or Slack text typed by a person).
    .replace(/\bhttps?:\/\/\S+/gi, ' ');
  t = decodeEntities(t);
  // Emphasis: *bold*, _italics_, ~strike~, `code`, **markdown bold** (Teams); keep the words.
  t = t
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}*])\*([^*\n]+)\*(?=$|[^\p{L}\p{N}*])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_([^_\n]+)_(?=$|[^\p{L}\p{N}_])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}~])~([^~\n]+)~(?=$|[^\p{L}\p{N}~])/gu, '$1$2')
    .replace(/`{1,3}([^`]*)`{1,3}/g, '$1')
    // Quote markers at line starts.
    .replace(/^\s*>\s?/gm, '');
  return t.replace(/\s+/g, ' ').trim();
}
