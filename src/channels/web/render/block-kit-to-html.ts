/**
 * Block Kit → HTML, so the playground shows exactly the blocks the Slack door sends,
 * drawn the way Slack's client draws them: header, section (mrkdwn text, fields,
 * accessory), context, divider, actions (buttons), image. A block or element this
 * file does not know is shown as a visible note rather than dropped, so a reviewer
 * notices it. Pure: the same message always gives the same HTML.
 *
 * Buttons carry their `action_id` and `value` in data attributes; the page turns a
 * click into the same action the Slack door would receive.
 */
import { escapeHtml, mrkdwnToHtml, plainTextToHtml } from './mrkdwn-to-html.js';

/** A Block Kit block or element as JSON: read defensively, since it comes from a renderer under test. */
export type BlockJson = { type?: unknown; [key: string]: unknown };

export interface SlackMessageJson {
  text?: string;
  /** Block objects; typed loosely so any renderer's block types fit. */
  blocks?: readonly object[];
}

function obj(value: unknown): BlockJson | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as BlockJson) : null;
}

function list(value: unknown): BlockJson[] {
  return Array.isArray(value) ? value.map(obj).filter((v): v is BlockJson => v !== null) : [];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function unknownNote(kind: string, type: unknown): string {
  return `<div class="sk-unsupported" role="note">Not drawn by the playground: ${escapeHtml(kind)} <code>${escapeHtml(String(type))}</code></div>`;
}

/** A text object: mrkdwn is formatted, plain_text is escaped. */
export function textObjectToHtml(value: unknown): string {
  const t = obj(value);
  if (!t) return '';
  return t.type === 'mrkdwn' ? mrkdwnToHtml(str(t.text)) : plainTextToHtml(str(t.text), t.emoji !== false);
}

function imageToHtml(el: BlockJson, cls: string): string {
  const url = str(el.image_url);
  if (!/^(https?:\/\/|data:image\/)/.test(url)) return `<span class="${cls} sk-image-missing">${escapeHtml(str(el.alt_text))}</span>`;
  return `<img class="${cls}" src="${escapeHtml(url)}" alt="${escapeHtml(str(el.alt_text))}">`;
}

function buttonToHtml(el: BlockJson): string {
  const label = plainTextToHtml(str(obj(el.text)?.text));
  const style = el.style === 'primary' || el.style === 'danger' ? ` sk-${el.style}` : '';
  const url = str(el.url);
  if (/^https?:\/\//.test(url))
    return `<a class="sk-button${style}" href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer" data-action-id="${escapeHtml(str(el.action_id))}">${label}</a>`;
  return (
    `<button type="button" class="sk-button${style}" data-platform="slack" data-action-id="${escapeHtml(str(el.action_id))}"` +
    ` data-value="${escapeHtml(str(el.value))}">${label}</button>`
  );
}

/** Interactive elements of actions blocks and section accessories. */
function elementToHtml(el: BlockJson): string {
  switch (el.type) {
    case 'button':
      return buttonToHtml(el);
    case 'image':
      return imageToHtml(el, 'sk-accessory-image');
    case 'overflow':
      return `<span class="sk-overflow" title="More actions">⋯</span>`;
    case 'static_select':
    case 'external_select':
    case 'users_select':
    case 'conversations_select':
    case 'channels_select': {
      const placeholder = plainTextToHtml(str(obj(el.placeholder)?.text) || 'Select an item');
      return `<span class="sk-select">${placeholder} ▾</span>`;
    }
    case 'datepicker':
      return `<span class="sk-select">${escapeHtml(str(el.initial_date) || 'Select a date')} 📅</span>`;
    default:
      return unknownNote('element', el.type);
  }
}

function sectionToHtml(block: BlockJson): string {
  const parts: string[] = [];
  if (block.text) parts.push(`<div class="sk-section-text">${textObjectToHtml(block.text)}</div>`);
  const fields = list(block.fields);
  if (fields.length) parts.push(`<div class="sk-fields">${fields.map((f) => `<div class="sk-field">${textObjectToHtml(f)}</div>`).join('')}</div>`);
  const accessory = obj(block.accessory);
  const body = `<div class="sk-section-body">${parts.join('')}</div>`;
  return `<div class="sk-block sk-section">${body}${accessory ? `<div class="sk-accessory">${elementToHtml(accessory)}</div>` : ''}</div>`;
}

function contextToHtml(block: BlockJson): string {
  const items = list(block.elements).map((el) =>
    el.type === 'image' ? imageToHtml(el, 'sk-context-image') : `<div class="sk-context-text">${textObjectToHtml(el)}</div>`,
  );
  return `<div class="sk-block sk-context">${items.join('')}</div>`;
}

/** One block → HTML. */
export function blockToHtml(block: BlockJson): string {
  switch (block.type) {
    case 'header':
      return `<div class="sk-block sk-header" role="heading" aria-level="3">${plainTextToHtml(str(obj(block.text)?.text))}</div>`;
    case 'section':
      return sectionToHtml(block);
    case 'context':
      return contextToHtml(block);
    case 'divider':
      return `<hr class="sk-block sk-divider">`;
    case 'actions':
      return `<div class="sk-block sk-actions">${list(block.elements).map(elementToHtml).join('')}</div>`;
    case 'image': {
      const title = obj(block.title) ? `<div class="sk-image-title">${textObjectToHtml(block.title)}</div>` : '';
      return `<div class="sk-block sk-image">${title}${imageToHtml(block, 'sk-image-img')}</div>`;
    }
    default:
      return `<div class="sk-block">${unknownNote('block', block.type)}</div>`;
  }
}

/**
 * A whole message as Slack shows it: the blocks, or the `text` when there are none
 * (Slack only shows `text` in notifications once blocks are present).
 */
export function blockKitToHtml(message: SlackMessageJson): string {
  const blocks = list(message.blocks);
  if (!blocks.length) return `<div class="sk-block sk-section"><div class="sk-section-body">${mrkdwnToHtml(str(message.text))}</div></div>`;
  return blocks.map(blockToHtml).join('\n');
}
