/**
 * What the advisor says about the question itself, before any destination: that it
 * covers surveillance and device security and not visas or the weather (then the risk
 * answer follows), or that the content base has nothing on the asked subject for a
 * destination ("The content base has nothing on messaging apps in Belarus; here is what
 * it says about messaging apps in general."). Honest beats a summary that drifts to
 * another country or another subject. Pure: the retrieval decided, this only words it.
 */
import type { QuestionRetrieval } from '../retrieval/create-question-retriever.js';
import type { Destination, IntentName } from './answer.js';

/** Intents whose answer is about a question (not a reminder or an acknowledgement). */
const ASKING: ReadonlySet<IntentName> = new Set(['country', 'topic', 'trip', 'none']);

/** "Belarus", "Belarus and Russia", "Belarus, Russia and Kazakhstan" (the copy table words places with it too). */
export function listNames(names: string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The scope sentence for a question outside surveillance and device security. */
export function outOfScopeMessage(topic: string, destinations: Pick<Destination, 'countryName'>[]): string {
  const lead = `I cover surveillance and device security, not ${topic}.`;
  return destinations.length
    ? `${lead} Here is the surveillance risk for ${listNames(destinations.map((d) => d.countryName))}.`
    : `${lead} Try "travelling to Kyrgyzstan next week" or "what is SORM?".`;
}

/** Subjects a destination's law answers directly: the law's status and note lead the message. */
const LAW_SUBJECTS = { vpn: 'vpn', encryption: 'encryption' } as const;
const LAW_WORDS = { vpn: 'VPN law', encryption: 'Encryption law' } as const;

/**
 * "VPN law in Kyrgyzstan: unknown. No source … describes a VPN ban; agree with the security
 * team …": for a question about VPNs or encryption, each asked destination's legal status
 * in the content's own words (its note), before anything else. Null for other subjects.
 */
export function lawMessage(subjectId: string | undefined, destinations: Pick<Destination, 'countryName' | 'law'>[]): string | null {
  const law = subjectId === 'vpn' || subjectId === 'encryption' ? LAW_SUBJECTS[subjectId] : null;
  if (!law || !destinations.length) return null;
  return destinations.map((d) => `${LAW_WORDS[law]} in ${d.countryName}: ${d.law[law].status}. ${d.law[law].note}`.trim()).join(' ');
}

/**
 * The message for this question, or null when the summary answers it as asked.
 * `summarised`: whether a summary is shown (the "here is what it says" half needs one).
 */
export function onQuestionMessage(
  intent: IntentName,
  retrieval: QuestionRetrieval,
  destinations: Pick<Destination, 'countryCode' | 'countryName' | 'law'>[],
  summarised: boolean,
  contact: string,
): string | null {
  if (!ASKING.has(intent)) return null;
  const { scope, nothingOn } = retrieval;
  if (scope.outOfScope) return outOfScopeMessage(scope.outOfScope.name, destinations);
  const subject = scope.subjects[0];
  const law = lawMessage(subject?.id, destinations);
  const said = subject && nothingOn.length ? lackingMessage(subject.name, retrieval, destinations, summarised, contact) : null;
  return law && said ? `${law} ${said}` : (law ?? said);
}

/** "The content base has nothing on messaging apps in Belarus; here is what it says …". */
function lackingMessage(
  subject: string,
  retrieval: QuestionRetrieval,
  destinations: Pick<Destination, 'countryCode' | 'countryName'>[],
  summarised: boolean,
  contact: string,
): string {
  const { nothingOn } = retrieval;
  const nameOf = (code: string) => destinations.find((d) => d.countryCode === code)?.countryName ?? code;
  const lacking = `The content base has nothing on ${subject} in ${listNames(nothingOn.map(nameOf))}`;
  if (!summarised) return `${lacking}. Please ask ${contact}.`;
  if (retrieval.general) return `${lacking}; here is what it says about ${subject} in general.`;
  const others = destinations.filter((d) => !nothingOn.includes(d.countryCode)).map((d) => d.countryName);
  return `${lacking}; here is what it says about ${subject} in ${listNames(others)}.`;
}
