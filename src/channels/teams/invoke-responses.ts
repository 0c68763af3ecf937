/**
 * The bodies a bot answers an `adaptiveCard/action` invoke with (Universal Actions), as
 * Microsoft documents them (Learn, "Work with Universal Actions for Adaptive Cards", and
 * botframework-schema's `AdaptiveCardInvokeResponse`): always HTTP 200, the outcome in
 * `statusCode`, `type` and `value`. Teams shows a card response to the presser alone, in
 * place of the card they pressed; a message response is a short note to them alone.
 */
import type { AdaptiveCard } from './render/card-parts.js';

/** `type` of a card response: Teams shows `value` in place of the pressed card, to the presser. */
export const INVOKE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
/** `type` of a message response: `value` is a short text for the presser. */
export const INVOKE_MESSAGE_TYPE = 'application/vnd.microsoft.activity.message';
/** `type` of an error response: `value` is `{ code, message }`. */
export const INVOKE_ERROR_TYPE = 'application/vnd.microsoft.error';

/** The JSON body of the invoke's HTTP 200 answer. */
export interface InvokeResponseBody {
  statusCode: number;
  type: string;
  value: unknown;
}

/** The card the presser sees from now on (their own view). */
export const cardResponse = (card: AdaptiveCard): InvokeResponseBody => ({ statusCode: 200, type: INVOKE_CARD_TYPE, value: card });

/** A note to the presser alone; the card stays as it was. */
export const messageResponse = (text: string): InvokeResponseBody => ({ statusCode: 200, type: INVOKE_MESSAGE_TYPE, value: text });

/** A failure Teams reports to the presser (400: not an action of ours; 500: ours failed). */
export const errorResponse = (statusCode: 400 | 500, code: string, message: string): InvokeResponseBody => ({
  statusCode,
  type: INVOKE_ERROR_TYPE,
  value: { code, message },
});
