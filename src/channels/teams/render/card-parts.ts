/**
 * The Adaptive Card pieces every Teams renderer builds from: the card and element types,
 * a wrapping TextBlock, an empty 1.5 card, and our buttons as Universal Actions
 * (`Action.Execute`, falling back to `Action.Submit` on clients without them). Kept apart
 * so renderers share them without import cycles. Pure.
 */
import type { CardAction } from '../card-actions.js';
import { TEAMS_LIMITS } from './limits.js';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  /** Universal Actions: Teams asks the bot for each listed viewer's own version of the card (`adaptiveCard/action`). */
  refresh?: { action: CardElement; userIds: string[] };
  msteams?: { width: 'Full' };
}

export const text = (value: string, extra: CardElement = {}): CardElement => ({ type: 'TextBlock', text: value, wrap: true, ...extra });

/** A full-width 1.5 card with this body and actions. */
export function card(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: TEAMS_LIMITS.cardVersion,
    body,
    ...(actions.length ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

/**
 * One of our buttons: `Action.Execute` (an `adaptiveCard/action` invoke, answered with the
 * card as the presser should now see it), with the same button as `Action.Submit` in
 * `fallback` for Teams clients that predate Universal Actions (Microsoft Learn, "Work with
 * Universal Actions for Adaptive Cards": "define Action.Execute with an Action.Submit in the
 * fallback property"). The verb is the action's kind; the data is the same either way
 * (card-actions.ts), so both paths reach the same handler.
 */
export function executeAction(title: string, data: CardAction, style?: 'positive'): CardElement {
  const styled = style ? { style } : {};
  return { type: 'Action.Execute', title, verb: data.ta, data, ...styled, fallback: { type: 'Action.Submit', title, data, ...styled } };
}

/**
 * The card's `refresh`: for each of `userIds` (at most TEAMS_LIMITS.maxRefreshUserIds; in a chat
 * of up to 60 people Teams refreshes for everyone), Teams invokes `view` when the card is shown
 * and displays the card the bot answers with: that person's own view.
 */
export function refreshFor(view: Extract<CardAction, { ta: 'view' }>, userIds: string[]): NonNullable<AdaptiveCard['refresh']> {
  return { action: { type: 'Action.Execute', title: 'Refresh', verb: 'view', data: view }, userIds: userIds.slice(0, TEAMS_LIMITS.maxRefreshUserIds) };
}
