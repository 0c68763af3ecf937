/**
 * The one redaction function: everything that leaves the process for a model (the
 * question, the passages and titles in the prompt, and any conversation context a later
 * prompt may carry) and every free-text log field goes through `redactPersonalData`. It replaces identifiers,
 * secrets and personal data with typed placeholders (`[person]`, `[email]`, `[phone]`,
 * `[id]`, `[secret]`, `[passport]`, `[id-number]`, `[card]`, `[iban]` …) and leaves
 * the rest of the text, destinations and dates included, as written.
 *
 * Detectors: find-identifiers.ts (patterns, validated with the `validator` package
 * where a checksum exists) and find-person-names.ts (the `compromise` NLP library plus
 * cue heuristics). What must stay (destinations and dates the understander recognises)
 * arrives as `keep` spans from create-model-redactor.ts.
 */
import { findIdentifiers } from './find-identifiers.js';
import { findPersonNames } from './find-person-names.js';

/** A placeholder kind; the placeholder text is `[kind]`, so a model still sees what kind of thing was there. */
export type RedactionKind =
  | 'person'
  | 'email'
  | 'phone'
  | 'id'
  | 'channel'
  | 'group'
  | 'secret'
  | 'passport'
  | 'id-number'
  | 'card'
  | 'iban';

/** Character offsets [start, end) in the text being redacted. */
export interface Span {
  start: number;
  end: number;
}

/** Something to replace. `soft` findings (names, phone-like digit runs) yield to `keep` spans. */
export interface Finding extends Span {
  kind: RedactionKind;
  /** Higher wins when two findings overlap. */
  priority: number;
  soft?: boolean;
}

/** What the caller knows about the text; without it the function errs towards redacting. */
export interface RedactOptions {
  /** Spans of the text that must stay as written: destinations and dates the understander recognises. */
  keep?: Span[];
  /**
   * True for a capitalised word known not to be a person (an English word, a word of the
   * content base). Given: any other capitalised, name-shaped word is treated as a name.
   * Absent (logs): only the library, titles and explicit cues find names.
   */
  isKnownWord?: (word: string) => boolean;
  /**
   * Look for people's names (default true). Off only for the content base's passages:
   * reviewed, public text that names public figures and firms on purpose; its
   * identifiers and secrets are still redacted.
   */
  people?: boolean;
}

/**
 * Redacts one text. `source: "content"` marks the content base's own passages (see RedactOptions.people).
 * Idempotent: placeholders are never redacted again.
 */
export type Redactor = (text: string, source?: 'user' | 'content') => string;

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const inside = (a: Span, b: Span) => a.start >= b.start && a.end <= b.end;

/** A soft name finding minus the kept spans inside it ("Sofia Petrova" with Sofia a kept place → "Petrova"). */
function subtractKept(f: Finding, text: string, keep: Span[]): Finding[] {
  let pieces: Finding[] = [f];
  // A place glued by a hyphen to another capitalised part is part of a name ("Medina-Reyes");
  // "Alma-Ata" is one kept span, and "Osh-based" keeps Osh.
  const glued = (k: Span) => /^-\p{Lu}/u.test(text.slice(k.end, k.end + 2)) || /\p{Lu}\p{Ll}*-$/u.test(text.slice(Math.max(0, k.start - 40), k.start));
  for (const k of keep) {
    if (glued(k)) continue;
    pieces = pieces.flatMap((p) => {
      if (!overlaps(p, k)) return [p];
      const out: Finding[] = [];
      if (k.start > p.start) out.push({ ...p, end: k.start });
      if (k.end < p.end) out.push({ ...p, start: k.end });
      return out;
    });
  }
  // Trim what is left to words; a piece of punctuation or space is not a name.
  return pieces.flatMap((p) => {
    const slice = text.slice(p.start, p.end);
    const lead = slice.length - slice.replace(/^[^\p{L}\p{N}]+/u, '').length;
    const trimmed = slice.slice(lead).replace(/[^\p{L}\p{N}]+$/u, '');
    // A name is capitalised and two letters at least: what is left of "Russia's" or "Osh-based" once the place is kept is not.
    return /^\p{Lu}/u.test(trimmed) && /[\p{L}\p{N}]{2}/u.test(trimmed) ? [{ ...p, start: p.start + lead, end: p.start + lead + trimmed.length }] : [];
  });
}

/** Applies the findings: highest priority first, then longest, never two on the same characters. */
function apply(text: string, findings: Finding[]): string {
  const chosen: Finding[] = [];
  const ranked = [...findings].sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const f of ranked) if (f.end > f.start && !chosen.some((c) => overlaps(c, f))) chosen.push(f);
  chosen.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const f of chosen) {
    out += `${text.slice(at, f.start)}[${f.kind}]`;
    at = f.end;
  }
  return out + text.slice(at);
}

/** Placeholders already in the text (a second pass, a quoted answer) are left alone. */
const PLACEHOLDER = /\[(?:person|email|phone|id|channel|group|secret|passport|id-number|card|iban)\]/g;

/** The text with identifiers, secrets and personal data replaced by typed placeholders. */
export function redactPersonalData(text: string, options: RedactOptions = {}): string {
  if (!text) return text;
  const keep = [...(options.keep ?? []), ...[...text.matchAll(PLACEHOLDER)].map((m) => ({ start: m.index, end: m.index + m[0].length }))];
  const findings: Finding[] = [];
  const names = options.people === false ? [] : findPersonNames(text, options.isKnownWord);
  for (const f of [...findIdentifiers(text), ...names]) {
    // Only soft findings yield: a kept place or date never shelters an email, id or secret.
    if (f.soft && keep.some((k) => inside(f, k))) continue;
    if (f.soft && f.kind === 'person') findings.push(...subtractKept(f, text, keep));
    else findings.push(f);
  }
  return apply(text, findings);
}

/**
 * The redactor where no understander is at hand (logs, evaluation scripts): the same
 * detectors without kept places or a vocabulary, so it errs towards redacting.
 */
export const basicRedactor: Redactor = (text, source = 'user') => redactPersonalData(text, { people: source === 'user' });
