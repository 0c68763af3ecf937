/**
 * The Answer as an Adaptive Card (schema 1.5, one column so it reads on a phone) whose
 * first screen is short: per destination the level, its meaning and its coverage tier
 * (one line each from COMPACT_FROM destinations on, meanings said once);
 * the key actions; the short summary with numbered citations; then the buttons: Remind
 * me before I go, I've done the checklist, Full checklist and Why this level. The last
 * two open the rest inside the card (Action.ShowCard), or, when that would make the
 * message too large, ask the bot for follow-up cards (details-activities.ts). The buttons
 * that reach the bot are Universal Actions (Action.Execute, falling back to Action.Submit;
 * card-parts.ts); a card in a channel or group chat also carries a `refresh`, so each person
 * sees their own view of it (docs/teams.md, "Universal Actions").
 * A reminder shows the merged checklist of the phases that matter now instead of the
 * key actions. Pure: no clock, no config, no I/O.
 */
import type { Answer, Destination } from '../../../advisor/answer.js';
import type { CardAction } from '../card-actions.js';
import { TEAMS_LIMITS } from './limits.js';
import { levelHeadline, isNeutral, tierLine, tierTag } from '../../../render/level-words.js';
import { COMPACT_FROM, PHASE_WORDS, distinctMeanings, onlyForText, type Phase } from '../../../render/trip-words.js';
import { card, executeAction, refreshFor, text, type AdaptiveCard, type CardElement } from './card-parts.js';
import { formatLocalTime } from '../../../render/local-time.js';
import { LEVEL_STYLE, checklistElements, levelColor, whyGroups } from './details-elements.js';
import { summaryWithMarkers } from '../../../render/copy.js';

export { text, type AdaptiveCard, type CardElement };

/** What happened to this card since it was sent (for everyone, or in one person's own view); the bot re-renders with it. */
export interface CardState {
  /** Reminders were set: the trip and when each reminder is due (ISO instants or dates). */
  reminders?: { tripId: string; due: Array<{ kind: string; dueAt: string }> };
  /** "I've done the checklist" was recorded (ISO instant). */
  acknowledgedAt?: string;
  /** The user's IANA zone: due instants are shown as their local date and time; without it, as the date alone. */
  timeZone?: string;
  /** A line for the presser alone, under the outcome (e.g. where their reminders will arrive). */
  note?: string;
}

export interface AdaptiveCardOptions {
  /** Show our buttons ("Remind me before I go" needs a known start date). Default true. */
  actions?: boolean;
  /** "Full checklist" and "Why this level": inside the card, as follow-up cards from the bot, or not offered. Default inline. */
  details?: 'inline' | 'follow-up' | 'none';
  /** Every destination on one line, meanings said once; no summary sentences (used to shrink a card over the size limit). */
  compact?: boolean;
  /** Show the merged checklist of these phases instead of the key actions (reminders). */
  phases?: Phase[];
  state?: CardState;
  /** Universal Actions `refresh` for these Teams user ids (MRIs): each sees their own view of the card. */
  refresh?: { userIds: string[] };
}

function levelElements(answer: Answer, compact: boolean): CardElement[] {
  const ds = answer.destinations;
  if (!ds.length) return [];
  const full = (d: Destination, size: 'Large' | 'Medium'): CardElement => {
    const items = [
      text(d.countryName, { size, weight: 'Bolder' }),
      text(`Surveillance risk: ${levelHeadline(d)}`, { weight: 'Bolder', color: levelColor(d), spacing: 'None' }),
      text(d.risk.meaning, { spacing: 'Small' }),
      text(size === 'Large' ? tierLine(d) : tierTag(d), { isSubtle: true, spacing: 'Small' }),
    ];
    if (d.risk.override) items.push(text(`Level set by the security team (computed: ${d.risk.override.computedLevel}): ${d.risk.override.rationale}`, { isSubtle: true }));
    // Not assessed is neutral (grey), never a level colour.
    return { type: 'Container', style: isNeutral(d) ? 'emphasis' : LEVEL_STYLE[d.risk.level as 1 | 2 | 3 | 4], bleed: ds.length === 1, items };
  };
  if (ds.length === 1) return [full(ds[0]!, 'Large')];
  if (ds.length < COMPACT_FROM && !compact) return ds.map((d) => full(d, 'Medium'));
  const lines = ds.map((d) => text(`**${d.countryName}**: ${levelHeadline(d)} · _${tierTag(d)}_`, { color: levelColor(d), spacing: 'Small' }));
  const meanings = distinctMeanings(ds).map((m) => `**${m.label}**: ${m.meaning}`);
  return [
    { type: 'Container', style: 'emphasis', items: [text(`Your trip: ${ds.length} destinations`, { weight: 'Bolder' }), ...lines] },
    text(meanings.join('\r'), { isSubtle: true, size: 'Small', spacing: 'Small' }),
  ];
}

function keyActionElements(answer: Answer): CardElement[] {
  if (!answer.keyActions.length) return [];
  const total = answer.checklist.length;
  const lines = answer.keyActions.map((k, i) => {
    const only = onlyForText(k, answer);
    return `${i + 1}. ${k.text} _(${PHASE_WORDS[k.phase]}${only ? `; ${only}` : ''})_`;
  });
  const rest = total > answer.keyActions.length ? ` (${answer.keyActions.length} of ${total}; all under "Full checklist")` : '';
  return [text(`Do these first${rest}`, { weight: 'Bolder', separator: true }), text(lines.join('\r'), { spacing: 'Small' })];
}

function summaryElements(answer: Answer): CardElement[] {
  const s = answer.summary;
  if (!s) return [];
  const sentences = summaryWithMarkers(s);
  const out: CardElement[] = [
    text(s.method === 'llm' ? 'Summary (AI-generated, from the cited sources)' : 'Summary (quoted from the sources)', { weight: 'Bolder', separator: true }),
    text(sentences, { spacing: 'Small' }),
  ];
  if (s.citations.length)
    out.push(
      text(
        s.citations
          .map((c, i) => {
            const publisher = answer.sources.find((x) => x.id === c.id)?.publisher;
            return `[${i + 1}] [${c.title}](${c.url})${publisher ? `, ${publisher}` : ''}`;
          })
          .join('\r'),
        { size: 'Small', spacing: 'Small' },
      ),
    );
  return out;
}

function stateElements(state: CardState | undefined): CardElement[] {
  const out: CardElement[] = [];
  if (state?.reminders) {
    const zone = state.timeZone;
    const when = (at: string) => (zone && at.length > 10 ? formatLocalTime(at, zone) : at.slice(0, 10));
    const due = state.reminders.due.map((r) => `${r.kind} on ${when(r.dueAt)}`).join(', ');
    out.push(text(`✅ Reminders set${due ? `: ${due}` : ''}.`, { color: 'Good', weight: 'Bolder', separator: true }));
  }
  if (state?.acknowledgedAt)
    out.push(text(`✅ Checklist done (recorded ${state.acknowledgedAt.slice(0, 10)}).`, { color: 'Good', weight: 'Bolder', separator: !state.reminders }));
  if (state?.note) out.push(text(state.note, { isSubtle: true, spacing: 'Small' }));
  return out;
}

const submit = (title: string, data: CardAction, style?: 'positive'): CardElement => executeAction(title, data, style);

/** What the card's refresh asks for: enough to rebuild it when the card as sent is no longer stored. */
export function viewAction(answer: Answer): Extract<CardAction, { ta: 'view' }> {
  return { ta: 'view', countries: answer.destinations.map((d) => d.countryCode), start: answer.trip?.start ?? null, end: answer.trip?.end ?? null };
}

/** "Full checklist" and "Why this level", inside the card or as a request for follow-up cards. */
export function detailsActions(answer: Answer, how: 'inline' | 'follow-up'): CardElement[] {
  const countries = answer.destinations.map((d) => d.countryCode);
  if (!countries.length) return [];
  const out: CardElement[] = [];
  if (answer.checklist.length)
    out.push(
      how === 'inline'
        ? { type: 'Action.ShowCard', title: 'Full checklist', card: { type: 'AdaptiveCard', body: checklistElements(answer) } }
        : submit('Full checklist', { ta: 'details', kind: 'checklist', countries }),
    );
  out.push(
    how === 'inline'
      ? { type: 'Action.ShowCard', title: 'Why this level', card: { type: 'AdaptiveCard', body: whyGroups(answer).flat() } }
      : submit('Why this level', { ta: 'details', kind: 'why', countries }),
  );
  return out;
}

function actionElements(answer: Answer, options: AdaptiveCardOptions): CardElement[] {
  const { state } = options;
  const countries = answer.destinations.map((d) => d.countryCode);
  const out: CardElement[] = [];
  for (const s of answer.suggestions.slice(0, TEAMS_LIMITS.maxSuggestionButtons))
    out.push({ type: 'Action.Submit', title: `Did you mean ${s.countryName}?`, data: { msteams: { type: 'imBack', value: `Tell me about ${s.countryName}` } } });
  if (!countries.length) return out;
  const start = answer.trip?.start ?? null;
  if (options.actions !== false && start && !state?.reminders)
    out.push(submit('Remind me before I go', { ta: 'remind', countries, start, end: answer.trip?.end ?? null }, 'positive'));
  if (options.actions !== false && !state?.acknowledgedAt && answer.checklist.length)
    out.push(submit("I've done the checklist", { ta: 'ack', countries, start, end: answer.trip?.end ?? null, tripId: state?.reminders?.tripId }));
  const details = options.details ?? 'inline';
  if (details !== 'none') out.push(...detailsActions(answer, details));
  return out;
}

export function answerToAdaptiveCard(answer: Answer, options: AdaptiveCardOptions = {}): AdaptiveCard {
  const compact = options.compact ?? false;
  const body: CardElement[] = [];
  if (answer.message) body.push(text(answer.message));
  if (answer.trip && (answer.trip.start || answer.trip.end))
    body.push(text(`Trip: ${answer.trip.start ?? '?'}${answer.trip.end ? ` to ${answer.trip.end}` : ''}${answer.trip.startInferred ? ' (start inferred)' : ''}`, { isSubtle: true }));
  body.push(...levelElements(answer, compact));
  if (options.phases) {
    const list = checklistElements(answer, options.phases);
    if (list.length) body.push(text('Checklist', { weight: 'Bolder', size: 'Medium', separator: true }), ...list);
  } else body.push(...keyActionElements(answer));
  if (!compact) body.push(...summaryElements(answer));
  body.push(...stateElements(options.state));
  const out = card(body, actionElements(answer, options));
  if (options.refresh) out.refresh = refreshFor(viewAction(answer), options.refresh.userIds);
  return out;
}
