/**
 * The one conversation service: every door (Slack, Teams, the playground, the CLI) hands
 * it a Turn and renders the Reply. Each turn is understood once, completed from the
 * thread's memory when it leans on it ("what about the VPN there?"), then dispatched by
 * intent: advice, follow-up, "remind me" (plans the trip with the one key of trip-key.ts),
 * "I've done the checklist" (records it), travel-desk commands (run-desk-command.ts),
 * help and "did you mean". Channel-free: the door has already removed its own markup, and
 * words the Reply with the copy table (src/render/copy.ts).
 */
import type { Advisor, AskOptions } from '../advisor/create-advisor.js';
import type { IntentName } from '../advisor/answer.js';
import type { ReminderService, TripView } from '../reminders/types.js';
import type { Understanding } from '../understand/types.js';
import { createActOnTrip, type ActOnTrip, type TripActionOutcome } from './act-on-trip.js';
import { readFollowUp } from './read-follow-up.js';
import { runDeskCommand, type DeskDeps } from './run-desk-command.js';
import type { ThreadMemory, ThreadMemoryStore } from './thread-memory.js';
import { plannedBy, tripKey } from './trip-key.js';
import type { Notice, Reply, ReplyKind, Turn } from './types.js';

export interface ConversationDeps {
  advisor: Pick<Advisor, 'ask' | 'understand'>;
  /** Null where no trips are kept (the CLI): "remind me" and "I've done the checklist" say so plainly. */
  reminders: Pick<ReminderService, 'createTrip' | 'acknowledge' | 'snooze' | 'deliverer'> | null;
  /** Thread memory (THREAD_MEMORY_HOURS); null: every turn stands alone. */
  memory: ThreadMemoryStore | null;
  clock: () => Date;
  /** Whether a model writes summaries (an LLM summariser is configured): the door's "thinking" status is for that path only. */
  modelSummaries: boolean;
  /** What travel-desk commands need; absent: a door's desk commands get "not available". */
  desk?: DeskDeps;
}

export interface Conversation {
  reply(turn: Turn): Promise<Reply>;
  /** A trip button (remind, done, snooze), from any door: the one action handler (act-on-trip.ts). */
  act: ActOnTrip;
}

/** "travel-desk trips", "travel desk report": a desk command, for a door that vouches for the desk (Turn.desk). */
const DESK_COMMAND = /^\s*travel[- ]desk\b\s*/i;

/** Intents whose reply is advice, and so may take the model path. */
const ADVISING: ReadonlySet<IntentName> = new Set(['trip', 'country', 'topic', 'remind']);

const asTrip = (t: ThreadMemory['trip']) => (t ? { ...t, said: null } : null);

/**
 * The understanding completed from the thread (with whether it asks about after the trip,
 * read once here), or null when the turn stands alone. A turn
 * leans on the thread when it names no destination and points back ("there", "the trip"),
 * asks about after the trip, asks its own practical question, or is a bare "remind me";
 * "and Uzbekistan?" names a new destination and keeps the thread's dates.
 */
function followUp(u: Understanding, memory: ThreadMemory | null): { understanding: Understanding; afterTrip: boolean } | null {
  if (!memory?.destinations.length) return null;
  const cues = readFollowUp(u.text);
  if (u.places.length) {
    if (!cues.continues || u.trip || !memory.trip) return null;
    return { understanding: { ...u, intent: 'trip', trip: asTrip(memory.trip) }, afterTrip: cues.afterTrip };
  }
  const leans = cues.refersBack || cues.afterTrip || cues.personal || cues.continues || u.intent === 'remind';
  // "what should I do after I'm back?" reads as a request for help until the thread gives it a trip.
  if (!leans || u.intent === 'acknowledge' || (u.intent === 'help' && !cues.refersBack && !cues.afterTrip)) return null;
  const trip = u.trip ?? asTrip(memory.trip);
  const places = memory.destinations.map((countryCode) => ({ countryCode, text: countryCode, confidence: 1, kind: 'code' as const }));
  const intent: IntentName = u.intent === 'remind' ? 'remind' : trip ? 'trip' : 'country';
  return { understanding: { ...u, intent, places, trip }, afterTrip: cues.afterTrip };
}

/** A typed "remind me" or "done" as a turn's notice: only a snooze is 'snoozed' or 'gone', and a turn never snoozes. */
function turnNotice(outcome: TripActionOutcome): Notice {
  if (outcome.kind === 'snoozed' || outcome.kind === 'gone') throw new Error(`a conversation turn never snoozes (got ${outcome.kind})`);
  return outcome.notice;
}

export function createConversation(deps: ConversationDeps): Conversation {
  const { advisor, reminders, memory } = deps;

  async function remember(turn: Turn, u: Understanding, tripId: string | null, previous: ThreadMemory | null): Promise<void> {
    if (!memory || !u.places.length) return;
    const destinations = u.places.map((p) => p.countryCode);
    const same = previous && previous.destinations.join() === destinations.join();
    const trip = u.trip ? { start: u.trip.start, end: u.trip.end, startInferred: u.trip.startInferred, endInferred: u.trip.endInferred } : same ? previous.trip : null;
    await memory.remember(turn.thread, { destinations, trip, tripId: tripId ?? (same ? previous.tripId : null) });
  }

  const act: ActOnTrip = reminders
    ? createActOnTrip({ reminders, clock: deps.clock })
    : async () => ({ kind: 'refused', reason: 'not-possible', notice: { type: 'remind-unavailable' } });

  /** Plans the trip "remind me" names through the one trip action (the button's key); a notice for anything else. */
  async function planTrip(turn: Turn, u: Understanding): Promise<{ notice: Notice; trip: TripView | null }> {
    const destinations = u.places.map((p) => p.countryCode);
    if (!reminders?.deliverer?.(turn.user.platform)) return { notice: { type: 'remind-unavailable' }, trip: null };
    if (!destinations.length) return { notice: { type: 'remind-incomplete', missing: 'destination', destinations }, trip: null };
    const start = u.trip?.start;
    if (!start) return { notice: { type: 'remind-incomplete', missing: 'date', destinations }, trip: null };
    const outcome = await act(turn.user, { kind: 'remind', destinations, start, end: u.trip?.end ?? null }, 'message');
    return { notice: turnNotice(outcome), trip: outcome.kind === 'planned' ? outcome.trip : null };
  }

  return {
    act,
    async reply(turn) {
      const now = turn.now ?? deps.clock();
      if (turn.desk && DESK_COMMAND.test(turn.text)) {
        const text = deps.desk ? await runDeskCommand(turn.text.replace(DESK_COMMAND, ''), deps.desk, turn.desk) : 'Travel-desk commands are not available on this server.';
        return { kind: 'desk', answer: null, notice: { type: 'desk', text } };
      }
      const options: AskOptions = { now, timeZone: turn.timeZone ?? 'UTC', ...(turn.locale ? { locale: turn.locale } : {}) };
      // An empty message is refused (InputError); a door for which it means "help" (a bare mention) says so.
      const read = advisor.understand(turn.text, options);
      const previous = memory ? await memory.recall(turn.thread) : null;
      const completed = followUp(read, previous);
      const u = completed?.understanding ?? read;

      if (u.intent === 'acknowledge') {
        // act() without reminders is the same "remind-unavailable" notice.
        const tripId = previous?.tripId;
        const acknowledged = await act(turn.user, { kind: 'acknowledge', ...(tripId ? { tripId } : {}) });
        return { kind: 'acknowledge', answer: null, notice: turnNotice(acknowledged) };
      }

      let notice: Notice | null = null;
      let tripId: string | null = null;
      if (u.intent === 'remind') {
        const planned = await planTrip(turn, u);
        notice = planned.notice;
        tripId = planned.trip?.id ?? null;
        // "remind me" with nothing to advise on is the notice alone.
        if (!u.places.length) return { kind: 'remind', answer: null, notice };
      }
      // The door's "thinking" status, only where a model will write the summary.
      if (deps.modelSummaries && ADVISING.has(u.intent) && u.places.length + (u.intent === 'topic' ? 1 : 0) > 0) await turn.onModelPath?.();
      const answer = await advisor.ask(u.text, { ...options, understanding: u, ...(completed?.afterTrip ? { afterTrip: true } : {}) });
      await remember(turn, u, tripId, previous);
      const kind: ReplyKind =
        u.intent === 'remind' ? 'remind' : completed ? 'follow-up' : u.intent === 'help' ? 'help' : answer.suggestions.length && !answer.destinations.length ? 'clarification' : 'advice';
      return { kind, answer, notice };
    },
  };
}
