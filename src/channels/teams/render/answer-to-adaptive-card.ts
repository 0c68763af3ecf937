/**
 * The Answer as an Adaptive Card (schema 1.5, one column so it reads on a phone):
 * destination and risk level with its meaning, indicators with evidence and source
 * links, VPN/encryption law, the grounded summary with numbered citations, the
 * checklist by phase, and our two buttons. Pure: everything shown comes from the
 * Answer and the options; no clock, no config, no I/O.
 */
import type { Answer, Destination } from '../../../advisor/answer.js';
import type { CardAction } from '../card-actions.js';
import { TEAMS_LIMITS } from './limits.js';
import { advisoryLine, isNeutral, levelHeadline, tierLine } from '../../../render/level-words.js';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  msteams?: { width: 'Full' };
}

/** What happened to this card since it was sent; the bot re-renders with it (updateActivity). */
export interface CardState {
  /** Reminders were set: the trip and when each reminder is due (ISO instants or dates). */
  reminders?: { tripId: string; due: Array<{ kind: string; dueAt: string }> };
  /** "I've done the checklist" was recorded (ISO instant). */
  acknowledgedAt?: string;
}

export interface AdaptiveCardOptions {
  /** Show "Remind me before I go" (needs a known start date) and "I've done the checklist". Default true. */
  actions?: boolean;
  /** Shorter card (no evidence text, no source list): used when the full card is over the size limit. */
  compact?: boolean;
  /** Only these checklist phases (reminders show "before" or "after"). Default all. */
  phases?: Array<Destination['checklist'][number]['phase']>;
  state?: CardState;
}

export const PHASE_TITLES = { before: 'Before the trip', during: 'During the trip', after: 'After the trip' } as const;
const LEVEL_COLOR = { 1: 'Good', 2: 'Warning', 3: 'Attention', 4: 'Attention' } as const;
const LEVEL_STYLE = { 1: 'good', 2: 'warning', 3: 'attention', 4: 'attention' } as const;

export const text = (value: string, extra: CardElement = {}): CardElement => ({ type: 'TextBlock', text: value, wrap: true, ...extra });

/** Markdown links in the order the ids are given; ids without a known source stay plain. */
function sourceLinks(ids: string[], answer: Answer): string {
  return ids
    .map((id) => {
      const s = answer.sources.find((x) => x.id === id);
      return s ? `[${s.publisher || id}](${s.url})` : id;
    })
    .join(', ');
}

function destinationElements(d: Destination, answer: Answer, options: AdaptiveCardOptions): CardElement[] {
  const level = d.risk.level as 1 | 2 | 3 | 4;
  // Not assessed is neutral (grey), never a level colour.
  const neutral = isNeutral(d);
  const headline = levelHeadline(d);
  const head: CardElement[] = [
    text(d.countryName, { size: 'Large', weight: 'Bolder' }),
    text(`Surveillance risk: ${headline}`, { weight: 'Bolder', color: neutral ? 'Default' : LEVEL_COLOR[level], spacing: 'None' }),
    text(d.risk.meaning, { spacing: 'Small' }),
    text(tierLine(d), { isSubtle: true }),
  ];
  if (d.risk.override)
    head.push(text(`Level set by the security team (computed: ${d.risk.override.computedLevel}): ${d.risk.override.rationale}`, { isSubtle: true }));
  const out: CardElement[] = [{ type: 'Container', style: neutral ? 'emphasis' : LEVEL_STYLE[level], bleed: true, items: head }];
  // Every level shows what it rests on, each fact with its sources.
  out.push(text('Why this level', { weight: 'Bolder', separator: true }));
  for (const b of d.risk.basis) {
    // Compact cards leave the indicator basis's sources to the indicator list below.
    const sources = b.sources.length && !(options.compact && b.kind === 'indicators') ? ` (${sourceLinks(b.sources, answer)})` : '';
    // Compact cards keep each reason (its first sentence) and its sources; the facts' own words go.
    const words = options.compact ? (b.text.split(/(?<=\.)\s+/)[0] ?? b.text) : b.text;
    out.push(text(`• ${words}${sources}${b.date ? ` _${b.date}_` : ''}`, { spacing: 'Small' }));
  }
  const advisory = advisoryLine(d);
  if (advisory && d.advisory && !options.compact) out.push(text(`${advisory} [Advisory](${d.advisory.url})`, { isSubtle: true, size: 'Small' }));

  const present = d.indicators.filter((i) => i.status === 'present');
  if (present.length) {
    out.push(text('Indicators found', { weight: 'Bolder', separator: true }));
    for (const i of present) {
      const sources = i.sources.length ? ` (${sourceLinks(i.sources, answer)})` : '';
      out.push(text(options.compact ? `• **${i.name}**${sources}` : `• **${i.name}**: ${i.evidence}${sources}`, { spacing: 'Small' }));
    }
  }
  const unknown = d.indicators.filter((i) => i.status === 'unknown');
  if (unknown.length) out.push(text(`Not known: ${unknown.map((i) => i.name).join('; ')}.`, { isSubtle: true, size: 'Small' }));
  if (d.law.vpn.status !== 'unknown' || d.law.encryption.status !== 'unknown' || d.covered)
    out.push({
      type: 'FactSet',
      facts: [
        { title: 'VPN', value: `${d.law.vpn.status}${options.compact ? '' : `: ${d.law.vpn.note}`}` },
        { title: 'Encryption', value: `${d.law.encryption.status}${options.compact ? '' : `: ${d.law.encryption.note}`}` },
      ],
    });

  const phases = options.phases ?? ['before', 'during', 'after'];
  const items = d.checklist.filter((c) => phases.includes(c.phase));
  if (items.length) out.push(text('Checklist', { weight: 'Bolder', size: 'Medium', separator: true }));
  if (items.length < d.checklist.length && options.actions !== false)
    out.push(text(`Ask me about ${d.countryName} alone for the full checklist.`, { isSubtle: true, size: 'Small' }));
  for (const phase of phases) {
    const inPhase = items.filter((c) => c.phase === phase);
    if (!inPhase.length) continue;
    out.push(text(PHASE_TITLES[phase], { weight: 'Bolder', spacing: 'Small' }));
    out.push(text(inPhase.map((c) => `- ${c.text}`).join('\r'), { spacing: 'None' }));
  }
  if (d.lastReviewed) out.push(text(`Content last reviewed ${d.lastReviewed}.`, { isSubtle: true, size: 'Small' }));
  return out;
}

function summaryElements(answer: Answer): CardElement[] {
  const s = answer.summary;
  if (!s) return [];
  const sentences = s.sentences.map((x) => `${x.text}${x.citations.map((n) => ` [${n}]`).join('')}`).join(' ');
  const out: CardElement[] = [
    text(s.method === 'llm' ? 'Summary (AI-generated, from the cited sources)' : 'Summary (quoted from the sources)', { weight: 'Bolder', separator: true }),
    text(sentences, { spacing: 'Small' }),
  ];
  if (s.citations.length)
    out.push(text(s.citations.map((c, i) => `[${i + 1}] [${c.title}](${c.url})`).join('\r'), { size: 'Small', spacing: 'Small' }));
  return out;
}

function stateElements(state: CardState | undefined): CardElement[] {
  const out: CardElement[] = [];
  if (state?.reminders) {
    const due = state.reminders.due.map((r) => `${r.kind} on ${r.dueAt.slice(0, 10)}`).join(', ');
    out.push(text(`✅ Reminders set${due ? `: ${due}` : ''}.`, { color: 'Good', weight: 'Bolder', separator: true }));
  }
  if (state?.acknowledgedAt)
    out.push(text(`✅ Checklist done (recorded ${state.acknowledgedAt.slice(0, 10)}).`, { color: 'Good', weight: 'Bolder', separator: !state.reminders }));
  return out;
}

function submit(title: string, data: CardAction, style?: 'positive'): CardElement {
  return { type: 'Action.Submit', title, data, ...(style ? { style } : {}) };
}

function actionElements(answer: Answer, state: CardState | undefined): CardElement[] {
  const countries = answer.destinations.map((d) => d.countryCode);
  const out: CardElement[] = [];
  for (const s of answer.suggestions.slice(0, TEAMS_LIMITS.maxSuggestionButtons))
    out.push({ type: 'Action.Submit', title: `Did you mean ${s.countryName}?`, data: { msteams: { type: 'imBack', value: `Tell me about ${s.countryName}` } } });
  if (!countries.length) return out;
  const start = answer.trip?.start ?? null;
  if (start && !state?.reminders)
    out.push(submit('Remind me before I go', { ta: 'remind', countries, start, end: answer.trip?.end ?? null }, 'positive'));
  if (!state?.acknowledgedAt)
    out.push(submit("I've done the checklist", { ta: 'ack', countries, start, end: answer.trip?.end ?? null, tripId: state?.reminders?.tripId }));
  return out;
}

export function answerToAdaptiveCard(answer: Answer, options: AdaptiveCardOptions = {}): AdaptiveCard {
  const body: CardElement[] = [];
  if (answer.message) body.push(text(answer.message));
  if (answer.trip && (answer.trip.start || answer.trip.end))
    body.push(text(`Trip: ${answer.trip.start ?? '?'}${answer.trip.end ? ` to ${answer.trip.end}` : ''}${answer.trip.startInferred ? ' (start inferred)' : ''}`, { isSubtle: true }));
  for (const d of answer.destinations) body.push(...destinationElements(d, answer, options));
  body.push(...summaryElements(answer));
  if (answer.sources.length && !options.compact) {
    body.push({
      type: 'Container',
      id: 'sources',
      isVisible: false,
      items: answer.sources.map((s) => text(`${s.id}: [${s.title}](${s.url}), ${s.publisher}, ${s.date}`, { size: 'Small', spacing: 'None' })),
    });
  }
  body.push(...stateElements(options.state));
  const actions = options.actions === false ? [] : actionElements(answer, options.state);
  if (answer.sources.length && !options.compact) actions.push({ type: 'Action.ToggleVisibility', title: 'Sources', targetElements: ['sources'] });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: TEAMS_LIMITS.cardVersion,
    body,
    ...(actions.length ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}
