// @ts-check
/**
 * The Markdown subset Teams draws in an Adaptive Card TextBlock: **bold**, _italic_,
 * ~~strike~~, [links](https://…), "- " and "1. " lists, line and paragraph breaks.
 * Input is escaped first; only http(s) and mailto links become anchors.
 */

/** @param {string} text */
export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** @param {string} text */
function inline(text) {
  /** @type {string[]} */
  const held = [];
  const hold = (/** @type {string} */ html) => `\u0001${held.push(html) - 1}\u0002`;
  let out = text.replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, (match, label, url) =>
    /^(https?:\/\/|mailto:)/i.test(url)
      ? hold(`<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${inline(label)}</a>`)
      : match,
  );
  out = escapeHtml(out);
  out = out
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '<strong>$2</strong>')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1<em>$2</em>')
    .replace(/(^|[^\w_])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1<em>$2</em>')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '<del>$1</del>');
  return out.replace(/\u0001(\d+)\u0002/g, (_, i) => held[Number(i)] ?? '');
}

const BULLET = /^\s*[-*+•]\s+/;
const NUMBER = /^\s*\d{1,3}[.)]\s+/;

/** @param {string} text @returns {string} */
export function teamsMarkdown(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  /** @type {string[]} */
  const out = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (!line.trim()) {
      i++;
      continue;
    }
    const re = BULLET.test(line) ? BULLET : NUMBER.test(line) ? NUMBER : null;
    if (re) {
      /** @type {string[]} */
      const items = [];
      while (i < lines.length && re.test(lines[i] ?? '')) items.push(`<li>${inline((lines[i++] ?? '').replace(re, ''))}</li>`);
      const tag = re === BULLET ? 'ul' : 'ol';
      out.push(`<${tag}>${items.join('')}</${tag}>`);
      continue;
    }
    /** @type {string[]} */
    const para = [];
    while (i < lines.length && (lines[i] ?? '').trim() && !BULLET.test(lines[i] ?? '') && !NUMBER.test(lines[i] ?? '')) para.push(inline(lines[i++] ?? ''));
    out.push(`<p>${para.join('<br>')}</p>`);
  }
  return out.join('');
}
