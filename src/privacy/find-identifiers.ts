/**
 * Pattern detectors for what identifies a person or opens an account: chat markup and
 * ids (Slack, Teams), emails in plain and spelled-out forms, phone numbers, passport and
 * national-id numbers near their keywords, payment cards (Luhn), IBANs (mod 97), API
 * tokens and secrets, and credentials in URLs. Checksums come from the `validator`
 * package; the patterns are ours (no library finds these in free text), the token
 * prefixes follow the providers' published formats. Used only by redact-personal-data.ts.
 */
// Only the three checks used: the package's index loads its hundred validators (20 ms of every
// start). Each is a CommonJS file whose `default` is the check, read through require so Node and
// vitest see the same module.
import { createRequire } from 'node:module';
import type Validator from 'validator';
import type { Finding, RedactionKind } from './redact-personal-data.js';

const requireCheck = createRequire(import.meta.url);
const isIBAN = (requireCheck('validator/lib/isIBAN') as { default: typeof Validator.isIBAN }).default;
const isJWT = (requireCheck('validator/lib/isJWT') as { default: typeof Validator.isJWT }).default;
const isLuhnNumber = (requireCheck('validator/lib/isLuhnNumber') as { default: typeof Validator.isLuhnNumber }).default;

type Rule = { re: RegExp; kind: RedactionKind; priority: number; soft?: boolean; accept?: (m: RegExpExecArray) => boolean; group?: number };

const NOT_WORD_BEFORE = String.raw`(?<![\p{L}\p{N}_])`;
const NOT_WORD_AFTER = String.raw`(?![\p{L}\p{N}_])`;
const re = (source: string, flags = 'gu') => new RegExp(source, flags.includes('d') ? flags : `${flags}d`);

// Emails: "ana@corp.com", "ana at corp-example dot com", "ana(at)corp(dot)com", "ana [at] corp [dot] com".
// Bounded repeats (RFC 5321 sizes) keep the worst case linear in the text: "a.a.a.…" must not backtrack.
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}[\p{L}\p{N}])?`;
const LOCAL_PART = String.raw`[\p{L}\p{N}_%+-]{1,64}`;
const AT = String.raw`(?:@|\s+@\s+|\s*(?:\(\s*at\s*\)|\[\s*at\s*\]|\{\s*at\s*\}|<\s*at\s*>)\s*|\s+at\s+)`;
const DOT = String.raw`(?:\.(?=[\p{L}\p{N}])|\s*(?:\(\s*dot\s*\)|\[\s*dot\s*\]|\{\s*dot\s*\})\s*|\s+dot\s+)`;
const EMAIL = `${NOT_WORD_BEFORE}${LOCAL_PART}(?:${DOT}${LOCAL_PART}){0,6}${AT}${LABEL}(?:${DOT}${LABEL}){1,6}${NOT_WORD_AFTER}`;

/** A spelled-out email ("x at y.z") must end like a domain; "arrive at Almaty.Then" does not. */
function plausibleEmail(m: RegExpExecArray): boolean {
  if (m[0].includes('@')) return true;
  const last = m[0].split(/\.|\s+dot\s+|[\])}]\s*/i).pop()!.trim();
  return /^(?:[a-z]{2,24}|[A-Z]{2,24})$/.test(last);
}

const digits = (s: string) => s.replace(/\D/g, '');

/** Digit runs that are dates or year ranges, not phone numbers: 2026-12-03, 03.12.2026, 2026-2027. */
function isDateLike(s: string): boolean {
  const t = s.trim();
  if (/^\d{4}\s*[-–]\s*\d{4}$/.test(t) || /^20\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(t)) return true;
  const ymd = /^(\d{4})[-.\s](\d{1,2})[-.\s](\d{1,2})$/.exec(t);
  if (ymd) return Number(ymd[2]) >= 1 && Number(ymd[2]) <= 12 && Number(ymd[3]) >= 1 && Number(ymd[3]) <= 31;
  const dmy = /^(\d{1,2})[-.\s](\d{1,2})[-.\s](\d{2}|\d{4})$/.exec(t);
  if (dmy) return Number(dmy[1]) <= 31 && Number(dmy[2]) <= 31 && Number(dmy[1]) >= 1 && Number(dmy[2]) >= 1 && (Number(dmy[1]) <= 12 || Number(dmy[2]) <= 12);
  return false;
}

/** Bits per character; random tokens score above 3.5, words and ids below. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

function looksRandom(token: string): boolean {
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((r) => r.test(token)).length;
  return classes >= 2 && (token.match(/\d/g) ?? []).length >= 2 && entropy(token) >= 3.5;
}

/** A value after "password is" / "pin:" that looks chosen, not a word of the sentence ("password is required"). */
const secretValue = (v: string) => /[\d\W_]/.test(v) || (/[a-z]/.test(v) && /[A-Z]/.test(v.slice(1))) || v.length >= 12;

/** Keywords before a national-id-like number (case-insensitive); the bare capitalised "ID" is matched apart. */
const ID_KEYWORDS =
  String.raw`national\s+id(?:entity)?(?:\s+(?:card|number|no))?|id\s*card|identity\s+(?:card|number|document)|id\s*(?:number|no|nr|#)|` +
  String.raw`personal\s+(?:id|number|code)|ssn|social\s+security(?:\s+number)?|iin|иин|inn|инн|snils|снилс|pinfl|tax\s+(?:id|number)|tin|` +
  String.raw`driver['’]?s\s+licen[cs]e(?:\s+(?:number|no))?|licen[cs]e\s+(?:number|no)|employee\s+(?:id|number|no)|dni|nie|cédula|cedula|curp|aadhaar|no\.|nr\.|№`;
const FILLER = String.raw`(?:[\s:#№.=-]|\b(?:is|no|nr|number|num|of)\b){0,6}`;
const DOC_NUMBER = String.raw`([A-Z]{0,3}[ -]?\d(?:[\d -]{3,16})\d[A-Z]?|[A-Z]{1,3}\d{5,12})`;

const RULES: Rule[] = [
  // No chat markup here: each door removes its own mentions before the text reaches the core;
  // the bare ids they hold (U0123ABCD, 29:…) are still caught below.
  // Secrets and tokens, by their published prefixes.
  { re: re(String.raw`-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)`), kind: 'secret', priority: 95 },
  { re: re(String.raw`${NOT_WORD_BEFORE}eyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]{5,}`), kind: 'secret', priority: 95, accept: (m) => isJWT(m[0]) },
  { re: re(String.raw`(?<![\w-])(?:sk|rk|pk)-(?:[A-Za-z]+-)*[A-Za-z0-9_-]{16,}`), kind: 'secret', priority: 95 },
  { re: re(String.raw`(?<![\w-])(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{12,}`), kind: 'secret', priority: 95 },
  { re: re(String.raw`(?<![\w-])xox[abprseo]-[A-Za-z0-9-]{8,}`), kind: 'secret', priority: 95 },
  { re: re(String.raw`(?<![\w-])xapp-\d-[A-Za-z0-9-]{8,}`), kind: 'secret', priority: 95 },
  { re: re(String.raw`(?<![\w-])(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{16,})`), kind: 'secret', priority: 95 },
  { re: re(String.raw`${NOT_WORD_BEFORE}(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}${NOT_WORD_AFTER}`), kind: 'secret', priority: 95 },
  { re: re(String.raw`${NOT_WORD_BEFORE}AIza[0-9A-Za-z_-]{30,}`), kind: 'secret', priority: 95 },
  { re: re(String.raw`\bBearer\s+([A-Za-z0-9._~+/-]{12,}=*)`, 'giu'), kind: 'secret', priority: 95, group: 1 },
  {
    re: re(String.raw`\b(?:password|passwd|pwd|passcode|pass\s*phrase|pin(?:\s*code)?|secret|client\s+secret|api[\s_-]?key|access[\s_-]?key|(?:auth\s*|access\s*|bearer\s*)?token|otp|one[\s-]time\s+code)\s*(?:is|was|:|=|->)\s*["'“]?([^\s"'”,;]+)`, 'giu'),
    kind: 'secret', priority: 90, group: 1, accept: (m) => secretValue(m[1]!),
  },
  // Credentials in URLs: the user:password part, and token-like query values.
  { re: re(String.raw`\b[a-z][a-z0-9+.-]*:\/\/([^\s/?#@<>"']+)@`, 'giu'), kind: 'secret', priority: 92, group: 1 },
  {
    re: re(String.raw`[?&](?:[\w.-]*(?:token|key|secret|password|passwd|pwd|sig|signature|auth|session|sid|code|credential|jwt)[\w.-]*)=([^&#\s<>"']+)`, 'giu'),
    kind: 'secret', priority: 92, group: 1,
  },
  // Banking: IBANs (mod 97) and payment cards (Luhn).
  { re: re(String.raw`${NOT_WORD_BEFORE}[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){11,30}${NOT_WORD_AFTER}`), kind: 'iban', priority: 85, accept: (m) => isIBAN(m[0].replace(/[ -]/g, '')) },
  { re: re(String.raw`(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])`), kind: 'card', priority: 85, accept: (m) => isLuhnNumber(digits(m[0])) },
  // Documents: a number with digits right after its keyword.
  { re: re(String.raw`${NOT_WORD_BEFORE}(?:passport|pasaporte|passeport|reisepass|паспорт\p{L}*)${NOT_WORD_AFTER}${FILLER}${DOC_NUMBER}`, 'giu'), kind: 'passport', priority: 80, group: 1, accept: (m) => digits(m[1]!).length >= 5 },
  { re: re(String.raw`${NOT_WORD_BEFORE}(?:${ID_KEYWORDS})${FILLER}${DOC_NUMBER}`, 'giu'), kind: 'id-number', priority: 78, group: 1, accept: (m) => digits(m[1]!).length >= 5 },
  { re: re(String.raw`${NOT_WORD_BEFORE}I[Dd]${NOT_WORD_AFTER}${FILLER}${DOC_NUMBER}`), kind: 'id-number', priority: 78, group: 1, accept: (m) => digits(m[1]!).length >= 5 },
  // Emails, plain and spelled out.
  { re: re(EMAIL, 'giu'), kind: 'email', priority: 75, accept: plausibleEmail },
  // Chat ids: Slack users, channels, teams…; Teams 29:/28:/19:/a: ids (above emails: "19:…@thread.tacv2"); UUIDs.
  { re: re(String.raw`${NOT_WORD_BEFORE}[UWCGDTEBSAFKLR][A-Z0-9]{7,12}${NOT_WORD_AFTER}`), kind: 'id', priority: 70, accept: (m) => /\d/.test(m[0].slice(1)) && /^.[A-Z0-9]*$/.test(m[0]) },
  { re: re(String.raw`${NOT_WORD_BEFORE}(?:29|28|19|8|a|f):[A-Za-z0-9_\-.@:;=!]{8,}`), kind: 'id', priority: 76, accept: (m) => /[A-Za-z_]/.test(m[0].slice(3)) || m[0].length >= 16 },
  { re: re(String.raw`${NOT_WORD_BEFORE}[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}${NOT_WORD_AFTER}`, 'giu'), kind: 'id', priority: 70 },
  { re: re(String.raw`(?<![\p{L}\p{N}._%+-])@[A-Za-z][\w.-]{1,40}[\w]`), kind: 'person', priority: 65 },
  // Phone numbers: seven or more digits with the usual separators, not shaped like a date.
  {
    re: re(String.raw`(?<![\p{L}\p{N}.,-])(?:\+|00)?(?:\(\d{1,6}\)\s?)?\d{1,15}(?:(?:\s|\s?[.\-–]\s?)(?:\(\d{1,15}\)|\d{1,15})){0,7}(?![\p{L}\p{N}]|[.,-]\d)`),
    kind: 'phone', priority: 60, soft: true, accept: (m) => digits(m[0]).length >= 7 && digits(m[0]).length <= 16 && !isDateLike(m[0]),
  },
  // Anything else long and random enough to be a key.
  { re: re(String.raw`(?<![\w+/=-])[A-Za-z0-9+/_-]{24,}={0,2}(?![\w+/=-])`), kind: 'secret', priority: 50, accept: (m) => looksRandom(m[0]) },
];

/** Every pattern finding in `text`, overlapping ones included (the caller picks). */
export function findIdentifiers(text: string): Finding[] {
  const out: Finding[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (m[0] === '') rule.re.lastIndex++;
      else if (!rule.accept || rule.accept(m)) {
        const [start, end] = rule.group ? m.indices![rule.group]! : m.indices![0]!;
        out.push({ start, end, kind: rule.kind, priority: rule.priority, soft: rule.soft });
      }
    }
  }
  return out;
}
