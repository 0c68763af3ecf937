/**
 * Text helpers for Slack mrkdwn: escaping, clamping and splitting so that every text
 * we send fits the limit it is sent into. Pure functions.
 */

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Reverses Slack's escaping of `&`, `<`, `>` in text it sends us (message and slash
 * command text), so what we store is what the person typed; escape again on output.
 */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** A link in mrkdwn; the label is escaped and may not contain "|". */
export function link(url: string, label: string): string {
  return `<${url.replace(/[<>|\s]/g, encodeURIComponent)}|${escapeMrkdwn(label).replace(/\|/g, '/')}>`;
}

/** Cuts `text` to at most `max` characters, ending with "…" when cut. */
export function clamp(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, Math.max(0, max - 1)).trimEnd() + '…';
}

/**
 * Splits text into chunks of at most `max` characters, preferring line breaks, then
 * spaces; never cuts inside a `<url|label>` link when a shorter cut is possible.
 */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    const open = rest.lastIndexOf('<', cut);
    if (open > rest.lastIndexOf('>', cut) && open > max / 2) cut = open;
    if (cut <= 0) cut = max;
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  if (rest.length || !chunks.length) chunks.push(rest);
  return chunks;
}
