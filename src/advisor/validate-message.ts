/** Guards the core against input no person would send: empty, huge or binary. */
import { InputError } from '../errors.js';

/** Longest message the advisor reads, in characters (a Slack message is at most 40,000). */
export const MAX_MESSAGE_CHARS = 4000;

export function validateMessage(text: unknown): string {
  if (typeof text !== 'string') throw new InputError('The message must be text.');
  if (text.length > MAX_MESSAGE_CHARS)
    throw new InputError(`The message is too long (${text.length} characters); the limit is ${MAX_MESSAGE_CHARS}.`);
  // NUL and other C0 controls (but tab/newline/CR) or the UTF-8 replacement character mean binary data.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/.test(text))
    throw new InputError('The message contains binary or control characters; send plain text.');
  const trimmed = text.trim();
  if (!trimmed) throw new InputError('The message is empty; try "travelling to Kyrgyzstan next week".');
  return trimmed;
}
