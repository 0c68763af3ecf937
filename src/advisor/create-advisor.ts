/**
 * The channel-free core: a message goes in, an Answer comes out. Everything it
 * depends on (content, understanding, retrieval, summarising, clock, logger) is
 * injected, so every door and every test builds it the same way.
 */
import type { Logger } from 'pino';
import type { ContentBase } from '../content/types.js';
import type { Answer, Destination, IntentName, Summary } from './answer.js';
import type { Retriever, Summarizer } from './ports.js';
import type { Understander, Understanding } from '../understand/types.js';
import { validateMessage } from './validate-message.js';
import { buildDestination } from './build-destination.js';
import { collectSources } from './collect-sources.js';
import { createQuestionRetriever, type QuestionRetrieval } from '../retrieval/create-question-retriever.js';
import type { PlaceFinder } from '../retrieval/place-finder.js';
import { dropVpnAdvice } from './drop-vpn-advice.js';
import { onQuestionMessage } from './on-question-message.js';
import { mergeChecklists, rankKeyActions } from './merge-checklists.js';
import { withTerritory } from './territory-note.js';
import { isoDay } from '../understand/calendar.js';
import { createBoundedCache, deepFreeze } from '../bounded-cache.js';
import type { AnswerGap, QuestionObserver } from './question-seen.js';

export interface AdvisorOptions {
  content: ContentBase;
  understander: Understander;
  retriever: Retriever;
  summarizer: Summarizer;
  /** Fallback when the primary summarizer returns nothing (e.g. the LLM failed). */
  fallbackSummarizer?: Summarizer;
  clock?: () => Date;
  logger?: Logger;
  /** Country names for codes the content base does not cover. */
  countryName?: (code: string) => string;
  /** Who to ask when the content base cannot answer. */
  securityContact?: string;
  /** Which countries a text names, to keep summaries on the asked ones; default: country names (src/retrieval/place-finder.ts). */
  findPlaces?: PlaceFinder;
}

export interface AskOptions {
  now?: Date;
  /** IANA zone; default UTC. */
  timeZone?: string;
  /** The user's locale (BCP 47, "en-US"): only how "1/12" reads; default: unknown (the sooner reading). */
  locale?: string;
  /**
   * Told what the question was about (intent, destinations and tiers, what the content
   * base could not answer), never its text: the insights counter (src/insights/) is
   * given here by the advisor holder, so every door's questions are counted in one place.
   */
  observe?: QuestionObserver;
  /**
   * The message as already understood (the conversation service, src/conversation/,
   * understands each turn once and may add the thread's destinations): used instead of
   * reading `text` again. Its own `text` is what retrieval and the summary see.
   */
  understanding?: Understanding;
  /** The traveller asks about the time after the trip ("what should I do after I'm back?"): the after-the-trip items lead. */
  afterTrip?: boolean;
}

export interface Advisor {
  readonly content: ContentBase;
  ask(text: string, options?: AskOptions): Promise<Answer>;
  /**
   * The answer for a country, as if the user asked about it (country browser, previews,
   * reminders). `summary: false` skips retrieval and any model call, for detail views that
   * must open within a platform's deadline (Slack's trigger_id lives 3 seconds).
   */
  answerForCountries(codes: string[], options?: { intent?: IntentName; trip?: Answer['trip']; summary?: boolean }): Promise<Answer>;
  understand(text: string, options?: AskOptions): Understanding;
}

/** Looks like a question (not a greeting or a stray word): gets "doesn't cover that" rather than "did not find". */
const QUESTION = /\?$|^(what|which|who|whom|whose|when|where|why|how|is|are|can|could|should|do|does|did|will|would|may)\b/i;

export function createAdvisor(options: AdvisorOptions): Advisor {
  const { content, understander, retriever, summarizer } = options;
  const clock = options.clock ?? (() => new Date());
  const contact = options.securityContact ?? 'your security team';
  const nameOf = options.countryName ?? ((code: string) => code);
  // Retrieval stays on the asked destinations and subject, and says when there is nothing on it.
  const onQuestion = createQuestionRetriever({ content, retriever, findPlaces: options.findPlaces });
  // What depends only on the content base and the destinations is built once per destination (or trip) and shared;
  // the summary and the message depend on the question's text and are never cached (bounded-cache.ts).
  const destinationCache = createBoundedCache<Destination>(512, deepFreeze);
  type TripItems = Pick<Answer, 'keyActions' | 'checklist'>;
  const tripCache = createBoundedCache<TripItems>(512, deepFreeze);
  const destinationOf = (code: string, territory: string | undefined) =>
    destinationCache.get(`${code}|${territory ?? ''}`, () => withTerritory(buildDestination(content, code, nameOf(code), contact), territory, contact));
  const tripItems = (destinations: Destination[], tripOver: boolean): TripItems =>
    tripCache.get(`${destinations.map((d) => `${d.countryCode}|${d.territory?.name ?? ''}`).join(',')}|${tripOver}`, (): TripItems => ({
      keyActions: rankKeyActions(content.checklist, destinations, undefined, { tripOver }),
      checklist: mergeChecklists(content.checklist, destinations),
    }));

  async function summarize(question: string, intent: IntentName, destinations: Destination[], retrieval: QuestionRetrieval) {
    const codes = destinations.filter((d) => d.covered).map((d) => d.countryCode);
    // Topic questions must be grounded in the content, or get no passages (and the "doesn't cover that" message).
    const { passages } = retrieval;
    if (!passages.length) return null;
    const request = { question, intent, countryCodes: codes, passages };
    // VPN advice survives only where every destination allows VPNs (and there is one).
    const vpnAllowed = destinations.length > 0 && destinations.every((d) => d.law.vpn.status === 'allowed');
    const guard = (s: Summary | null) => (s && !vpnAllowed ? dropVpnAdvice(s) : s);
    const summary = guard(await summarizer.summarize(request));
    if (summary || !options.fallbackSummarizer) return summary;
    return guard(await options.fallbackSummarizer.summarize(request));
  }

  async function compose(
    intent: IntentName,
    u: Pick<Understanding, 'places' | 'suggestions' | 'trip' | 'text'>,
    withSummary = true,
    observe?: QuestionObserver,
    tripOver = false,
  ): Promise<Answer> {
    // A territory ("Crimea") is answered as the country the content base files it under, and says so.
    const destinations = u.places.map((p) => destinationOf(p.countryCode, p.territory));
    const retrieval =
      intent === 'help' || !withSummary
        ? null
        : onQuestion.retrieve(u.text, { intent, countryCodes: destinations.filter((d) => d.covered).map((d) => d.countryCode), destinations: destinations.map((d) => d.countryCode) });
    const summary = !retrieval || intent === 'none' ? null : await summarize(u.text, intent, destinations, retrieval);
    let message: string | null = null;
    // Set where the answer is "the content base doesn't cover that": counted as a gap on the question's subject.
    let uncovered = false;
    if (intent === 'help')
      message = 'Tell me where you are going, e.g. "travelling to Kyrgyzstan next week", or ask "what is SORM?". I answer with the surveillance risk level, what it rests on, and a checklist for your devices.';
    else if (intent === 'none' && u.suggestions.length)
      message = `Did you mean ${u.suggestions.map((s) => nameOf(s.countryCode)).join(' or ')}?`;
    else if (intent === 'none' && QUESTION.test(u.text.trim())) {
      // A question off the content base's subject: say so honestly and point to people who may know.
      message = `The content base doesn't cover that. Please ask ${contact}, or try "travelling to Kyrgyzstan next week" or "what is SORM?".`;
      uncovered = true;
    }
    else if (intent === 'none')
      message = 'I did not find a destination or a question about travel security in that message. Try "travelling to Kyrgyzstan next week".';
    else if (intent === 'topic' && !summary) {
      message = `The content base doesn't cover that. Please ask ${contact}.`;
      uncovered = true;
    } else if (destinations.length && destinations.every((d) => !d.covered) && !summary && intent !== 'trip' && intent !== 'remind') {
      // A question about a place without a country file ("what's the weather in Paris?") gets an honest
      // "not covered"; its level, tier and basis still show, and each destination's `notice` says where to turn.
      message = `The content base doesn't cover that. Please ask ${contact}.`;
      uncovered = true;
    }
    // Out of scope (visas, weather …), or nothing on the asked subject for a destination: say so plainly.
    const said = retrieval && !(intent === 'none' && u.suggestions.length) ? onQuestionMessage(intent, retrieval, destinations, summary !== null, contact) : null;
    if (said) message = said;
    const territoryNotes = destinations.flatMap((d) => (d.territory ? [d.territory.note] : []));
    if (territoryNotes.length) message = [...territoryNotes, message].filter(Boolean).join(' ');
    if (observe) tell(observe, intent, destinations, retrieval, uncovered);
    return {
      intent,
      destinations,
      ...tripItems(destinations, tripOver),
      trip: intent === 'trip' || intent === 'remind' ? u.trip : null,
      summary,
      suggestions: u.suggestions.map((s) => ({ countryCode: s.countryCode, countryName: nameOf(s.countryCode), confidence: s.confidence })),
      message,
      sources: collectSources(content, destinations, summary),
    };
  }

  /** What the question was about, reduced to counts' keys; an observer that throws is ignored. */
  function tell(observe: QuestionObserver, intent: IntentName, destinations: Destination[], retrieval: QuestionRetrieval | null, uncovered: boolean): void {
    const gaps: AnswerGap[] = [];
    const scope = retrieval?.scope;
    const subject = scope?.subjects[0]?.id ?? 'unclassified';
    if (scope?.outOfScope) gaps.push({ kind: 'out-of-scope', subject: scope.outOfScope.id, countryCode: null });
    else if (retrieval?.nothingOn.length && scope?.subjects[0]) for (const code of retrieval.nothingOn) gaps.push({ kind: 'nothing-on', subject, countryCode: code });
    else if (uncovered) gaps.push({ kind: 'no-content', subject, countryCode: null });
    try {
      observe({ intent, destinations: destinations.map((d) => ({ countryCode: d.countryCode, coverage: d.coverage })), gaps });
    } catch (error) {
      options.logger?.warn({ err: { name: (error as Error)?.name } }, 'question observer failed');
    }
  }

  const understand = (text: string, o: AskOptions = {}): Understanding => {
    const message = validateMessage(text);
    // A locale is untrusted door input (a Teams activity field): only a short tag is worth reading.
    const locale = o.locale?.slice(0, 64);
    return understander.understand(message, { now: o.now ?? clock(), timeZone: o.timeZone ?? 'UTC', ...(locale ? { locale } : {}) });
  };

  return {
    content,
    understand,
    async ask(text, o = {}) {
      const u = o.understanding ?? understand(text, o);
      // Asking about places with no travel words is a country question; places never make "none".
      const intent: IntentName = u.intent === 'none' && u.places.length ? 'country' : u.intent;
      // "back from Moscow yesterday": the trip has ended, so what is left to do after it leads.
      const end = intent === 'trip' || intent === 'remind' ? u.trip?.end : null;
      const tripOver = o.afterTrip === true || (!!end && end < isoDay(o.now ?? clock(), o.timeZone ?? 'UTC'));
      return compose(intent, u, true, o.observe, tripOver);
    },
    async answerForCountries(codes, o = {}) {
      const places = codes.map((countryCode) => ({ countryCode, text: countryCode, confidence: 1, kind: 'code' as const }));
      // Detail views (full checklist, why this level) need no summary: skip retrieval and any model call.
      return compose(o.intent ?? 'country', { places, suggestions: [], trip: o.trip ?? null, text: codes.map(nameOf).join(' ') }, o.summary ?? true);
    },
  };
}
