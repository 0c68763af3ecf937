/**
 * What a reader sees of a Block Kit message: header, section and context texts and
 * button labels, with links shown as their labels, mrkdwn markup and escapes removed,
 * and each emoji code counted as one character. Used to hold the first message to the
 * FIRST_SCREEN budget (limits.ts); pure.
 */
import type { SlackBlock } from './answer-to-block-kit.js';

type AnyText = { text?: unknown };
type AnyBlock = { type: string; text?: AnyText; fields?: AnyText[]; elements?: Array<{ text?: unknown }> };

/** mrkdwn as displayed: `<url|label>` → label, `<url>` → url, no `*`/`_`/`~`, emoji codes one character. */
export function displayedMrkdwn(text: string): string {
  return text
    .replace(/<([^|>]+)\|([^>]*)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/(^|[\s(])[*_~]+|[*_~]+(?=$|[\s.,;:)!?])/gm, '$1')
    .replace(/:[a-z0-9_+-]+:/g, '•')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const textOf = (t: unknown): string => (typeof t === 'string' ? t : t && typeof t === 'object' && 'text' in t ? String((t as AnyText).text ?? '') : '');

/** The visible text of each block, one string per block, in order. */
export function visibleTexts(blocks: SlackBlock[]): string[] {
  return (blocks as AnyBlock[]).map((b) => {
    const parts: string[] = [];
    if (b.text) parts.push(textOf(b.text));
    for (const f of b.fields ?? []) parts.push(textOf(f));
    // Context elements carry their text as a string; buttons as a plain_text object.
    for (const e of b.elements ?? []) parts.push(textOf(e.text));
    return parts.filter(Boolean).map(displayedMrkdwn).join('\n');
  });
}

/** Characters a reader sees in the whole message. */
export function visibleLength(blocks: SlackBlock[]): number {
  return visibleTexts(blocks).join('\n').length;
}
