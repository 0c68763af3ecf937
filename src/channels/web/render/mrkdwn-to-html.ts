/**
 * Slack `mrkdwn` → safe HTML, so the playground shows a section the way Slack's
 * client draws it: *bold*, _italic_, ~strike~, `code`, ```pre```, > quotes,
 * <url|links>, <@user>/<#channel> mentions, :emoji: and line breaks. Lines that
 * start with "•", "-" or "1." are drawn as lists (Slack has no list syntax; it shows
 * them as typed, which a list with the same bullets looks like).
 *
 * Pure and escaping by construction: every character of input reaches the output
 * HTML-escaped, and only http(s)/mailto links become anchors.
 */

/** The shortcodes our renderers are likely to use; others stay as typed, as Slack shows unknown ones. */
const EMOJI: Record<string, string> = {
  warning: '⚠️',
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  ballot_box_with_check: '☑️',
  x: '❌',
  lock: '🔒',
  unlock: '🔓',
  key: '🔑',
  bell: '🔔',
  alarm_clock: '⏰',
  calendar: '📆',
  date: '📅',
  spiral_calendar_pad: '🗓️',
  link: '🔗',
  books: '📚',
  book: '📖',
  page_facing_up: '📄',
  memo: '📝',
  mag: '🔍',
  globe_with_meridians: '🌐',
  earth_africa: '🌍',
  earth_americas: '🌎',
  earth_asia: '🌏',
  airplane: '✈️',
  satellite_antenna: '📡',
  iphone: '📱',
  computer: '💻',
  shield: '🛡️',
  information_source: 'ℹ️',
  question: '❓',
  grey_question: '❔',
  red_circle: '🔴',
  large_orange_circle: '🟠',
  large_yellow_circle: '🟡',
  large_green_circle: '🟢',
  large_blue_circle: '🔵',
  white_circle: '⚪',
  black_circle: '⚫',
  no_entry: '⛔',
  no_entry_sign: '🚫',
  rotating_light: '🚨',
  eyes: '👀',
  bulb: '💡',
  pushpin: '📌',
  round_pushpin: '📍',
  clipboard: '📋',
  speech_balloon: '💬',
  thumbsup: '👍',
  '+1': '👍',
  wave: '👋',
  arrow_right: '➡️',
  small_blue_diamond: '🔹',
  small_orange_diamond: '🔸',
};

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML-escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Slack sends &, < and > as entities in message text; these turn them back into characters. */
function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function safeUrl(url: string): string | null {
  return /^(https?:\/\/|mailto:)/i.test(url) ? url : null;
}

/** `<…>` control sequences: links, mentions, special mentions, dates. */
function controlToHtml(inner: string): string {
  const bar = inner.indexOf('|');
  const target = unescapeSlack(bar === -1 ? inner : inner.slice(0, bar));
  const label = bar === -1 ? null : unescapeSlack(inner.slice(bar + 1));
  if (target.startsWith('@')) return `<span class="sk-mention">@${escapeHtml(label ?? target.slice(1))}</span>`;
  if (target.startsWith('#')) return `<span class="sk-mention">#${escapeHtml(label ?? target.slice(1))}</span>`;
  if (target.startsWith('!')) {
    const name = target.slice(1).split('^')[0]!;
    return name === 'date' ? escapeHtml(label ?? '') : `<span class="sk-mention">@${escapeHtml(label ?? name)}</span>`;
  }
  const url = safeUrl(target);
  const text = escapeHtml(label ?? target.replace(/^mailto:/i, ''));
  return url ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${text}</a>` : text;
}

// Formatting marks must open after a boundary and close before one, as in Slack.
const OPEN = String.raw`(^|[\s([{"'>/\u0001-])`;
const CLOSE = String.raw`(?=$|[\s)\]}.,;:!?"'<\u0001-])`;
const STYLES: Array<[RegExp, string]> = [
  [new RegExp(`${OPEN}\\*(?=\\S)([^*\\n]*?\\S)\\*${CLOSE}`, 'g'), 'strong'],
  [new RegExp(`${OPEN}_(?=\\S)([^_\\n]*?\\S)_${CLOSE}`, 'g'), 'em'],
  [new RegExp(`${OPEN}~(?=\\S)([^~\\n]*?\\S)~${CLOSE}`, 'g'), 'del'],
];

/** Formats one run of plain text (no code): links are swapped for placeholders first so *<url|x>* works. */
function inlineToHtml(text: string): string {
  const tokens: string[] = [];
  const hold = (html: string) => `\u0001${tokens.push(html) - 1}\u0002`;
  let out = text.replace(/<([^<>\n]+)>/g, (_, inner: string) => hold(controlToHtml(inner)));
  // Bare URLs are linked by Slack too.
  out = out.replace(/\bhttps?:\/\/[^\s<>\u0001\u0002]+[^\s<>.,;:!?)\u0001\u0002]/g, (url) => hold(controlToHtml(url)));
  out = escapeHtml(unescapeSlack(out));
  for (const [re, tag] of STYLES) out = out.replace(re, (_, pre: string, body: string) => `${pre}<${tag}>${body}</${tag}>`);
  out = out.replace(/:([a-z0-9_+-]+):/g, (m, name: string) => EMOJI[name] ?? m);
  return out.replace(/\u0001(\d+)\u0002/g, (_, i: string) => tokens[Number(i)]!);
}

/** Inline code spans stay literal; everything else is formatted. */
function lineToHtml(line: string): string {
  return line
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(unescapeSlack(part.slice(1, -1)))}</code>` : inlineToHtml(part)))
    .join('');
}

const BULLET = /^\s*(?:[•◦▪‣-]|\*(?=\s))\s+/;
const NUMBER = /^\s*(\d{1,3})[.)]\s+/;
const QUOTE = /^(?:&gt;|>)\s?/;

/** Lines → paragraphs with <br>, lists and blockquotes, grouping consecutive lines of a kind. */
function linesToHtml(lines: string[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (BULLET.test(line) || NUMBER.test(line)) {
      const ordered = !BULLET.test(line);
      const re = ordered ? NUMBER : BULLET;
      const items: string[] = [];
      const start = ordered ? Number(NUMBER.exec(line)![1]) : 1;
      while (i < lines.length && re.test(lines[i]!)) items.push(`<li>${lineToHtml(lines[i++]!.replace(re, ''))}</li>`);
      const tag = ordered ? 'ol' : 'ul';
      out.push(`<${tag}${ordered && start !== 1 ? ` start="${start}"` : ''}>${items.join('')}</${tag}>`);
    } else if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) quoted.push(lines[i++]!.replace(QUOTE, ''));
      out.push(`<blockquote>${linesToHtml(quoted)}</blockquote>`);
    } else {
      const para: string[] = [];
      while (i < lines.length && !BULLET.test(lines[i]!) && !NUMBER.test(lines[i]!) && !QUOTE.test(lines[i]!))
        para.push(lineToHtml(lines[i++]!));
      out.push(`<p>${para.join('<br>')}</p>`);
    }
  }
  return out.join('');
}

/** Renders Slack mrkdwn as HTML: code blocks kept literal, everything else formatted line by line. */
export function mrkdwnToHtml(text: string): string {
  const parts = text.split(/```([\s\S]*?)```/);
  return parts
    .map((part, i) => (i % 2 === 1 ? `<pre>${escapeHtml(unescapeSlack(part.replace(/^\n/, '')))}</pre>` : part.trim() ? linesToHtml(part.replace(/^\n|\n$/g, '').split('\n')) : ''))
    .join('');
}

/** Plain text (a `plain_text` object) → HTML: escaped, emoji decoded, newlines kept. */
export function plainTextToHtml(text: string, emoji = true): string {
  const escaped = escapeHtml(text);
  return (emoji ? escaped.replace(/:([a-z0-9_+-]+):/g, (m, name: string) => EMOJI[name] ?? m) : escaped).replace(/\n/g, '<br>');
}
