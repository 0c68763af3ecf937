/**
 * One shared notion of a "content word", so the passage index, the extractive
 * summarizer and the LLM output check agree on what counts as overlap: lower case,
 * stop words and chat filler dropped, plural endings folded ("countries" → "country").
 * MUST stay in sync with the eval set's expectations in test/retrieval/ (re-run recall@5 after changing it).
 */

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Function words and chat filler that never carry the meaning of a question or a claim. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been being but by can could did do does doing for from had has have having he her his how i if in into ' +
    'is it its just me my no nor not of off on once only or our out over own she should so some such than that the their them ' +
    'then there these they this those through to too under until up very was we were what when where which while who whom why ' +
    'will with would you your yours about also any all more most other same each few both here now ' +
    "s t don should've i'm it's what's whats let's tell know please thanks thank hi hello hey ok okay " +
    // Chat and trip filler: says someone is travelling or asking, not what about.
    'travel travelling traveling trip going go goes next week month visit visiting flying fly get time like need want thing way ' +
    'ask asking asked question questions wonder wondering reply answer help quick curious anyone someone guys folks ' +
    'really actually maybe probably regarding re cc fyi am before'
  ).split(/\s+/),
);

/** Words that are negations: a claim that adds one flips the meaning of its source. */
export const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'none', 'nothing', 'neither', 'nor', 'without']);

/** Folds simple English plural and possessive endings so "countries"/"country", "uses"/"use" meet. */
export function foldTerm(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '').replace(/['’]/g, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(ches|shes|sses|xes)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Every word of `text`, lower-cased, in order (no filtering): for negation checks. "isn't" gives "is", "not". */
export function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).flatMap((w) => (/n['’]t$/.test(w) ? [w.replace(/n['’]t$/, ''), 'not'] : [w]));
}

/** A content sentence, with its terms when content loading computed them. */
export interface TermedSentence {
  text: string;
  terms?: readonly string[];
}

/** Terms of sentences built without them (test fixtures, a model's sentences), kept as long as the sentence. */
const computed = new WeakMap<TermedSentence, readonly string[]>();

/**
 * The content words of a content sentence: the ones load-content stored, else computed once
 * and remembered. Every answer scores the same sentences, so tokenising them each time was
 * most of an extractive summary's cost (issue 18).
 */
export function sentenceTerms(sentence: TermedSentence): readonly string[] {
  if (sentence.terms) return sentence.terms;
  let terms = computed.get(sentence);
  if (!terms) computed.set(sentence, (terms = contentTerms(sentence.text)));
  return terms;
}

/** The content words of `text`, folded: stop words and one-letter tokens removed. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (STOP_WORDS.has(w)) continue;
    const f = foldTerm(w);
    if (f.length < 2 || STOP_WORDS.has(f)) continue;
    out.push(f);
  }
  return out;
}
