/**
 * What "Full checklist" and "Why this level" open: a modal (views.open from the
 * button's trigger_id, which block_actions carry from thread answers, DMs, ephemeral
 * /travel answers and reminders alike). Nothing is dropped: content over one view's
 * block limit is paged, with "Previous page" / "Next page" buttons that update the
 * same modal; the same pages, at the message limit, are the fallback when a modal
 * cannot be opened. Pure.
 */
import type { types } from '@slack/bolt';
import type { Answer } from '../../../advisor/answer.js';
import { SLACK_LIMITS } from '../limits.js';
import { ACTION_IDS, type DetailsValue } from '../actions.js';
import { button, context, section, type SlackBlock } from './block-parts.js';
import { checklistBlocks } from './checklist-blocks.js';
import { whyBlockGroups } from './why-blocks.js';
import { clamp, escapeMrkdwn } from './mrkdwn.js';

export type DetailsKind = 'checklist' | 'why';

export const DETAILS_TITLES: Record<DetailsKind, string> = { checklist: 'Full checklist', why: 'Why this level' };

/** Blocks kept free on every page for its page note and paging buttons. */
const PAGE_CHROME = 2;

/** The details as groups of blocks that belong together (a phase, a destination, the sources). */
export function detailsGroups(kind: DetailsKind, answer: Answer): SlackBlock[][] {
  if (kind === 'why') return whyBlockGroups(answer);
  const names = answer.destinations.map((d) => escapeMrkdwn(d.countryName)).join(', ');
  const intro = section(`*Checklist for ${names || 'your trip'}* (${answer.checklist.length} items)`);
  const phases = (['before', 'during', 'after'] as const).map((p) => checklistBlocks(answer, { phases: [p] })).filter((g) => g.length);
  return [intro, ...phases];
}

/** Packs groups into pages of at most `maxBlocks` blocks, keeping a group whole whenever it fits on a page. */
export function paginate(groups: SlackBlock[][], maxBlocks: number): SlackBlock[][] {
  const budget = Math.max(1, maxBlocks - PAGE_CHROME);
  const pages: SlackBlock[][] = [];
  let page: SlackBlock[] = [];
  for (const group of groups) {
    for (let i = 0; i < group.length; i += budget) {
      const part = group.slice(i, i + budget);
      // A divider between groups on the same page; a group's continuation needs none.
      const divider = page.length > 0 && i === 0 ? 1 : 0;
      if (page.length + divider + part.length > budget) {
        pages.push(page);
        page = [];
      } else if (divider) page.push({ type: 'divider' });
      page.push(...part);
    }
  }
  if (page.length) pages.push(page);
  return pages;
}

/** The pages of a detail, at a given block budget (SLACK_LIMITS.viewBlocks for a modal, messageBlocks for messages). */
export function detailsPages(kind: DetailsKind, answer: Answer, maxBlocks: number): SlackBlock[][] {
  const pages = paginate(detailsGroups(kind, answer), maxBlocks);
  return pages.length ? pages : [section('Nothing to show for this answer.')];
}

/** Page `page` (1-based, clamped) of a detail as a modal view, with paging buttons when there is more than one. */
export function detailsView(kind: DetailsKind, answer: Answer, page = 1): types.ModalView {
  const pages = detailsPages(kind, answer, SLACK_LIMITS.viewBlocks);
  const n = Math.min(Math.max(1, page), pages.length);
  const blocks: SlackBlock[] = [...pages[n - 1]!];
  if (pages.length > 1) {
    const codes = answer.destinations.map((d) => d.countryCode);
    const go = (p: number): DetailsValue => ({ d: codes, p });
    const nav = [
      ...(n > 1 ? [button('Previous page', ACTION_IDS[kind], go(n - 1))] : []),
      ...(n < pages.length ? [button('Next page', ACTION_IDS[kind], go(n + 1), 'primary')] : []),
    ];
    blocks.push(context([`Page ${n} of ${pages.length}`]), { type: 'actions', block_id: 'travel_details_pages', elements: nav });
  }
  return {
    type: 'modal',
    callback_id: `travel_details_${kind}`,
    title: { type: 'plain_text', text: clamp(DETAILS_TITLES[kind], SLACK_LIMITS.modalTitle) },
    close: { type: 'plain_text', text: clamp('Close', SLACK_LIMITS.modalButton) },
    blocks,
  };
}
