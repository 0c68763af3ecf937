/**
 * Finds people's names. Names are hard, so three layers, each a soft finding that kept
 * places and dates override: the `compromise` NLP library (its lexicon of first names
 * and its person tagger), titles ("Mr", "Dr", "Ms." + a capitalised word) and explicit
 * cues ("my colleague …", "this is …", "with …", "cc …") before capitalised words;
 * names in a list with a name found ("Aigerim, Dauren and Gulnara") are names too.
 * With `isKnownWord` (English words and the content base's vocabulary, from
 * create-model-redactor.ts) any other capitalised, name-shaped word counts as a name,
 * which catches names the library does not know ("Dilnoza Karimova").
 */
import { createRequire } from 'node:module';
import type nlpType from 'compromise';
import type { Finding } from './redact-personal-data.js';

// compromise takes ~200 ms to load: it is required on first use, not when a process starts.
let nlp: typeof nlpType | undefined;
function compromise(): typeof nlpType {
  nlp ??= createRequire(import.meta.url)('compromise') as typeof nlpType;
  return nlp;
}

/** A capitalised word that can be (part of) a name: "Ana", "O'Neil", "Al-Rashid", "Петрова" (not "Citadel's"). */
const NAME_WORD = String.raw`\p{Lu}[\p{Ll}\p{M}]+(?:(?:['’]\p{Lu}|-\p{Lu}?)[\p{Ll}\p{M}]+)*`;
const NAME_SEQ = String.raw`${NAME_WORD}(?:\s+${NAME_WORD}){0,2}`;

const TITLES = String.raw`(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Madam|Mme|Mlle|Herr|Frau|Sr|Sra|Srta|Gospodin|Gospozha)\.?`;
const STRONG_CUES =
  String.raw`(?:(?:my|our|the|a)\s+(?:colleague|coworker|co-worker|manager|boss|assistant|teammate|team\s+mate|wife|husband|partner|friend|son|daughter|mother|father|mom|mum|dad|brother|sister|director|ceo|cto|cfo|lead|engineer|intern|client|guest|contact|driver|translator|interpreter|fixer|host|traveller|traveler)s?,?|` +
  String.raw`my\s+name\s+is|i\s+am|i['’]m|this\s+is|it['’]s|name:|signed|regards,|thanks,|cheers,|best,|from:|to:|cc:?|attn:?|dear|hi|hello|hey|ping|ask|tell|named|called)`;
const WEAK_CUES = String.raw`(?:with|for|and|or|&|by|meet|meeting|join|joining|joined|visiting|visit|colleagues?|team)`;
const LIST_JOIN = String.raw`(?:\s*,\s*|\s+(?:and|or|&)\s+|\s*,\s*(?:and|or)\s+)`;

/** Capitalised words that are never names, whatever the cue: pronouns, days, months, holidays. */
const NEVER_NAMES = new Set(
  (
    'i me we you they he she it the a an this that these those my our your their his her its there here what which who how why when where ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december ' +
    'christmas easter ramadan eid new year today tomorrow yesterday tonight next last week weekend month please thanks thank hi hello hey ' +
    'is are was were be been do does did can could should would will shall may might must have has had not no yes ok okay also and or but if so ' +
    'mr mrs ms miss mx dr prof sir dame madam mme mlle herr frau sr sra srta ' +
    'regards thanks cheers best dear sincerely kind warm team all everyone folks guys ' +
    // Regions and their adjectives, which no place package here lists as a place.
    'africa african asia asian europe european america american latin arab arabic middle east eastern west western central ' +
    'north northern south southern soviet nordic baltic caucasus caucasian balkan balkans scandinavian eurasian pacific atlantic'
  ).split(' '),
);

/** Text before a word that puts it at the start of a sentence. */
const SENTENCE_START = /(?:^|[.!?;:]\s+|\n\s*|^\s*[-*•]\s*)$/u;
/** What follows a name at the start of a sentence: another capitalised word, a list, a verb of people. */
const NAME_FOLLOWS =
  /^(?:\s+\p{Lu}\p{Ll}|\s*,\s*\p{Lu}|['’]s\b|\s+(?:and|or|&|will|would|can|could|should|may|might|must|is|was|has|had|does|did|says|said|asks|asked|wants|needs|joins|joined|too|also|here|from)\b)/u;

/** A name found, and whether the evidence is strong (the library, a title, an explicit cue) or only a guess. */
type Found = Finding & { strong: boolean };
const person = (start: number, end: number, strong: boolean): Found => ({ start, end, kind: 'person', priority: 40, soft: true, strong });

/** Words of a matched name sequence that may be a name (drops "May", "The" …). */
function nameWords(text: string, start: number, end: number, strong: boolean, ok: (w: string, at: number) => boolean): Found[] {
  const out: Found[] = [];
  for (const m of text.slice(start, end).matchAll(new RegExp(NAME_WORD, 'gu'))) {
    const at = start + m.index;
    // A whole word only: the library's spans can start inside one ("VPNs").
    if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[at + m[0].length] ?? '')) continue;
    if (!NEVER_NAMES.has(m[0].toLowerCase()) && ok(m[0], at)) out.push(person(at, at + m[0].length, strong));
  }
  return out;
}

type Spans = Array<{ offset?: { start: number; length: number } }>;

/** What the library reads in the text: people, and the start offsets of words it knows as organisations ("Microsoft"). */
function readWithLibrary(text: string): { people: Spans; organisations: Set<number> } {
  const doc = compromise()(text);
  const organisations = new Set<number>();
  for (const o of doc.match('#Organization').json({ offset: true }) as Spans) if (o.offset) organisations.add(o.offset.start);
  return { people: doc.people().json({ offset: true }) as Spans, organisations };
}

function cued(text: string, cues: string, strong: boolean, ok: (w: string, at: number) => boolean): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}\p{N}])${cues}\s+(${NAME_SEQ})`, 'giud'))) {
    const [start, end] = m.indices![1]!;
    // The cue is case-insensitive; the name must really be capitalised ("with Ana", not "with ana").
    if (/^\p{Lu}/u.test(text.slice(start))) out.push(...nameWords(text, start, end, strong, ok));
  }
  return out;
}

/**
 * Extends found names over lists: "Aigerim, Dauren and Gulnara", "Kat and Bo". Beside a name on
 * strong evidence any capitalised word counts ("Bo" is also a word); beside a guess only `weakOk` ones.
 */
function extendLists(text: string, found: Found[], strongOk: (w: string, at: number) => boolean, weakOk: (w: string, at: number) => boolean): Found[] {
  const all = [...found];
  const after = new RegExp(String.raw`^${LIST_JOIN}(${NAME_SEQ})`, 'ud');
  const before = new RegExp(String.raw`(?<![\p{L}\p{N}])(${NAME_SEQ})${LIST_JOIN}$`, 'ud');
  const add = (list: Found[]) => list.forEach((n) => all.some((x) => x.start === n.start) || all.push(n));
  for (let i = 0; i < all.length; i++) {
    const f = all[i]!;
    const ok = f.strong ? strongOk : weakOk;
    const a = after.exec(text.slice(f.end));
    if (a) add(nameWords(text, f.end + a.indices![1]![0], f.end + a.indices![1]![1], f.strong, ok));
    const base = Math.max(0, f.start - 80);
    const b = before.exec(text.slice(base, f.start));
    if (b) add(nameWords(text, base + b.indices![1]![0], base + b.indices![1]![1], f.strong, ok));
  }
  return all;
}

/** Soft `person` findings in `text`; see the file comment for the layers. */
export function findPersonNames(text: string, isKnownWord?: (word: string) => boolean): Finding[] {
  const { people, organisations } = readWithLibrary(text);
  const notOrganisation = (_w: string, at: number) => !organisations.has(at);
  // A guess needs a word that is neither English, nor the content base's, nor an organisation the library knows.
  // "the Hilton", "the Grand Prix": what follows "the" is a thing or a place, rarely a person.
  const guess = (w: string, at: number) => !!isKnownWord && !isKnownWord(w) && notOrganisation(w, at) && !/\bthe\s+$/i.test(text.slice(Math.max(0, at - 4), at));
  const found: Found[] = [
    ...people.flatMap((p) => (p.offset ? nameWords(text, p.offset.start, p.offset.start + p.offset.length, true, () => true) : [])),
    ...cued(text, TITLES, true, () => true),
    ...cued(text, STRONG_CUES, true, notOrganisation),
    ...cued(text, WEAK_CUES, false, guess),
  ];
  if (isKnownWord) {
    // Any other capitalised word that is a guess. At the start of a sentence, where every word is
    // capitalised ("Viajo a Caracas", "Еду в Минск"), only when a name's company follows
    // ("Timur will join", "Timur Bekov", "Kat and Bo").
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}_@#./:-])${NAME_WORD}(?![\\p{L}\\p{N}_@]|\\.[\\p{L}])`, 'gu'))) {
      if (NEVER_NAMES.has(m[0].toLowerCase()) || !guess(m[0], m.index)) continue;
      const end = m.index + m[0].length;
      if (SENTENCE_START.test(text.slice(0, m.index)) && !NAME_FOLLOWS.test(text.slice(end))) continue;
      found.push(person(m.index, end, false));
    }
  }
  return extendLists(text, found, notOrganisation, guess).map(({ strong: _strong, ...f }) => f);
}
