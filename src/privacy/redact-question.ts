/**
 * The question as a model may see it, and as retrieval may search it. For the model,
 * identifiers, secrets and personal data are replaced by the one redaction function
 * (src/privacy/redact-personal-data.ts, given here as a Redactor that knows the places
 * and dates to keep); anything that looks like the prompt's own delimiters is defused,
 * so a question can never close its `<question>` block and pose as instructions.
 */
import { basicRedactor, type Redactor } from './redact-personal-data.js';

/**
 * Identifiers retrieval has no use for: emails and @handles. A door's own mention syntax
 * never reaches here: each door removes it before building the Turn.
 */
const RULES: RegExp[] = [
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu,
  /@[A-Za-z][\w.-]{1,40}\b/g,
];

/** Phone-like runs: nine or more digits (an ISO date has eight, so dates survive). */
const PHONE = /\+?\d[\d\s().-]{7,}\d/g;

/** Maximum characters of a question sent to a model; longer input is cut, never sent whole. */
export const MAX_QUESTION_CHARS = 500;

/** The question without identifiers at all (no placeholders): what retrieval should match on. Local only; never sent anywhere. */
export function stripIdentifiers(text: string): string {
  let out = text;
  for (const re of RULES) out = out.replace(re, ' ');
  out = out.replace(PHONE, (m) => ((m.match(/\d/g) ?? []).length >= 9 ? ' ' : m));
  return out.replace(/\s+/g, ' ').trim();
}

/** The question as a model may see it: redacted by `redact`, no angle brackets, at most 500 characters. */
export function redactQuestion(text: string, redact: Redactor = basicRedactor): string {
  // Redact before cutting, so a cut can never leave half an email or token behind.
  let out = redact(text, 'user');
  // Angle brackets could open or close our delimiters; the question needs none of them.
  out = out.replace(/[<>]/g, ' ');
  out = out.replace(/\s+/g, ' ').trim();
  return out.length > MAX_QUESTION_CHARS ? `${out.slice(0, MAX_QUESTION_CHARS)}…` : out;
}
