/**
 * Removes what identifies people from a question before it leaves the process for a
 * model: emails, Slack mentions and channel links, Teams `<at>` mentions, phone
 * numbers. Also defuses anything that looks like the prompt's own delimiters, so a
 * question can never close its `<question>` block and pose as instructions.
 */

const RULES: Array<[RegExp, string]> = [
  [/<at>[\s\S]*?<\/at>/gi, '[person]'],
  [/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, '[person]'],
  [/<#C[A-Z0-9]+(?:\|[^>]*)?>/g, '[channel]'],
  [/<!(?:here|channel|everyone|subteam\^[A-Z0-9]+)(?:\|[^>]*)?>/g, '[group]'],
  [/<mailto:[^>|]+(?:\|[^>]*)?>/gi, '[email]'],
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu, '[email]'],
  [/@[A-Za-z][\w.-]{1,40}\b/g, '[person]'],
];

/** Phone-like runs: nine or more digits (an ISO date has eight, so dates survive). */
const PHONE = /\+?\d[\d\s().-]{7,}\d/g;

/** Maximum characters of a question sent to a model; longer input is cut, never sent whole. */
export const MAX_QUESTION_CHARS = 500;

/** The question without identifiers at all (no placeholders): what retrieval should match on. */
export function stripIdentifiers(text: string): string {
  let out = text;
  for (const [re] of RULES) out = out.replace(re, ' ');
  out = out.replace(PHONE, (m) => ((m.match(/\d/g) ?? []).length >= 9 ? ' ' : m));
  return out.replace(/\s+/g, ' ').trim();
}

/** The question as a model may see it: identifiers replaced by placeholders, no angle brackets, at most 500 characters. */
export function redactQuestion(text: string): string {
  let out = text;
  for (const [re, replacement] of RULES) out = out.replace(re, replacement);
  out = out.replace(PHONE, (m) => ((m.match(/\d/g) ?? []).length >= 9 ? '[phone]' : m));
  // Angle brackets could open or close our delimiters; the question needs none of them.
  out = out.replace(/[<>]/g, ' ');
  out = out.replace(/\s+/g, ' ').trim();
  return out.length > MAX_QUESTION_CHARS ? `${out.slice(0, MAX_QUESTION_CHARS)}…` : out;
}
