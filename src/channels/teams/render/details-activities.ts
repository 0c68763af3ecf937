/**
 * "Full checklist" or "Why this level" as follow-up messages, for answers whose card
 * would be too large with them inside: as few cards as needed, each under
 * TEAMS_LIMITS.recommendedMessageBytes, packed from whole groups (a phase, a destination,
 * the sources) and numbered "1 of 3". Nothing is dropped; a single element too large for
 * any card (never seen in real content) is cut with a note saying so. Pure.
 */
import type { Answer } from '../../../advisor/answer.js';
import type { CardAction } from '../card-actions.js';
import type { TeamsOutbound } from '../teams-port.js';
import { cardActivity } from './answer-to-activity.js';
import { card, executeAction, refreshFor, text, type AdaptiveCard, type CardElement } from './card-parts.js';
import { checklistElements, whyGroups } from './details-elements.js';
import { TEAMS_LIMITS } from './limits.js';
import { fitActivity, utf16Bytes } from './message-size.js';

export type DetailsKind = 'checklist' | 'why';

const TITLES: Record<DetailsKind, string> = { checklist: 'Full checklist', why: 'Why this level' };

function groupsOf(kind: DetailsKind, answer: Answer): CardElement[][] {
  if (kind === 'why') return whyGroups(answer);
  return (['before', 'during', 'after'] as const).map((p) => checklistElements(answer, [p])).filter((g) => g.length);
}

/** Cuts an over-long TextBlock so one element always fits a card, saying it was cut. */
function fitElement(element: CardElement, budgetChars: number): CardElement {
  if (utf16Bytes(element) / 2 <= budgetChars || typeof element.text !== 'string') return element;
  return { ...element, text: `${element.text.slice(0, Math.max(0, budgetChars - 200))}… (cut: too long for one Teams message; see content:preview)` };
}

/** `reserveBytes`: room kept free on every page for what a caller adds (detailsPageCard's buttons and refresh). */
export function detailsActivities(kind: DetailsKind, answer: Answer, reserveBytes = 0): TeamsOutbound[] {
  const names = answer.destinations.map((d) => d.countryName).join(', ');
  const title = `${TITLES[kind]}: ${names}`;
  const limit = TEAMS_LIMITS.recommendedMessageBytes;
  // Room for the title, page note, wrapper and fallback text.
  const budget = limit - utf16Bytes(cardActivity(card([text(title), text('Page 100 of 100')]), title)) - 2_000 - reserveBytes;
  const pages: CardElement[][] = [];
  let page: CardElement[] = [];
  let size = 0;
  for (const group of groupsOf(kind, answer)) {
    for (const raw of group) {
      const element = fitElement(raw, budget / 2);
      const bytes = utf16Bytes(element) + 2;
      if (page.length && size + bytes > budget) {
        pages.push(page);
        page = [];
        size = 0;
      }
      page.push(element);
      size += bytes;
    }
  }
  if (page.length) pages.push(page);
  if (!pages.length) pages.push([text('Nothing to show for this answer.')]);
  return pages.map((elements, i) => {
    const heading = text(title, { weight: 'Bolder', size: 'Medium' });
    const note = pages.length > 1 ? [text(`Part ${i + 1} of ${pages.length}`, { isSubtle: true, size: 'Small' })] : [];
    const fallback = `${TITLES[kind]} (${names})${pages.length > 1 ? `, part ${i + 1} of ${pages.length}` : ''}`;
    return fitActivity([() => cardActivity(card([heading, ...note, ...elements]), fallback)]);
  });
}

/** Room each page keeps for detailsPageCard's two buttons (each with its Action.Submit fallback) and the refresh. */
const PAGE_CARD_RESERVE = 8_000;

/**
 * Part `page` of "Full checklist" or "Why this level" as one card for the presser alone: in a
 * channel or group chat the bot answers the button's `adaptiveCard/action` invoke with it, so
 * nothing is posted for everyone. "Next part" while there is one, "Back to the answer" (the
 * presser's own view, `view`), and the same `refresh` so reopening the chat brings the answer
 * back. Held under the recommended message size like every card. Pure.
 */
export function detailsPageCard(kind: DetailsKind, answer: Answer, page: number, view: Extract<CardAction, { ta: 'view' }>, userIds: string[]): AdaptiveCard {
  const pages = detailsActivities(kind, answer, PAGE_CARD_RESERVE);
  const index = Math.min(Math.max(page, 1), pages.length) - 1;
  const countries = answer.destinations.map((d) => d.countryCode);
  const base = (pages[index]!.attachments as Array<{ content: AdaptiveCard }>)[0]!.content;
  const next = index + 1 < pages.length ? [executeAction('Next part', { ta: 'details', kind, countries, page: index + 2 })] : [];
  const result: AdaptiveCard = { ...base, actions: [...next, executeAction('Back to the answer', view)], refresh: refreshFor(view, userIds) };
  // Checked, not assumed: the reserve must hold what was added.
  fitActivity([() => cardActivity(result, TITLES[kind])]);
  return result;
}
