/**
 * The Adaptive Card pieces every Teams renderer builds from: the card and element types,
 * a wrapping TextBlock, and an empty 1.5 card. Kept apart so renderers share them without
 * import cycles. Pure.
 */
import { TEAMS_LIMITS } from './limits.js';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
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
