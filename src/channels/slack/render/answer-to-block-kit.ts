/**
 * The Answer as a Slack message: a header per destination with its risk level and
 * what it means, the indicators found with evidence and source links, the grounded
 * summary with numbered citations, the checklist by phase and category, and the
 * buttons. Pure: everything shown comes from the Answer and the options, so tests
 * render every fixture and check it against SLACK_LIMITS. Long texts are split into
 * several sections; beyond the block limit the message is trimmed with a "more" note,
 * so Slack never rejects it.
 */
import type { types } from '@slack/bolt';
import type { Answer, Destination } from '../../../advisor/answer.js';
import { answerToText } from '../../../render/answer-to-text.js';
import { SLACK_LIMITS } from '../limits.js';
import { ACTION_IDS, type AcknowledgeValue, type RemindValue, type ShareValue } from '../actions.js';
import { clamp, escapeMrkdwn, link, splitText } from './mrkdwn.js';
import { advisoryLine, basisLines, isNeutral, levelHeadline, tierLine } from '../../../render/level-words.js';

export type SlackBlock = types.KnownBlock;
export type SlackButton = types.Button;

export interface SlackMessage {
  /** Plain-text fallback for notifications and screen readers. */
  text: string;
  blocks: SlackBlock[];
}

export type Phase = 'before' | 'during' | 'after';

export interface BlockKitOptions {
  /** Offer "Remind me before I go" when the answer has a trip date (default true). */
  remind?: boolean;
  /** Offer "I've done the checklist" when there is a checklist (default true). */
  acknowledge?: boolean | { tripId: string; reminderId?: string };
  /** Offer "Share in channel" for an ephemeral answer; the value names the stored answer. */
  share?: ShareValue;
  /** Extra buttons appended after ours (e.g. "Snooze" on reminders). */
  extraButtons?: SlackButton[];
  /** Only these checklist phases (a post-trip reminder shows "after" only). */
  phases?: Phase[];
  /** Where the full answer can be read when the message has to be trimmed. */
  moreUrl?: string;
  /** A line shown above everything, e.g. "Shared by <@U1>" or a reminder's reason. */
  intro?: string;
  /** Block budget; default SLACK_LIMITS.messageBlocks. */
  maxBlocks?: number;
}

const PHASE_TITLES: Record<Phase, string> = { before: 'Before you go', during: 'While you are there', after: 'When you are back' };
const LEVEL_EMOJI = ['', ':large_green_circle:', ':large_yellow_circle:', ':large_orange_circle:', ':red_circle:'];
/** Not assessed is shown neutral, never in a level colour. */
const NEUTRAL_EMOJI = ':white_circle:';
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function section(text: string): SlackBlock[] {
  return splitText(text, SLACK_LIMITS.sectionText).map((t) => ({ type: 'section', text: { type: 'mrkdwn', text: t } }));
}

export function context(texts: string[]): SlackBlock {
  return {
    type: 'context',
    elements: texts.slice(0, SLACK_LIMITS.contextElements).map((t) => ({ type: 'mrkdwn', text: clamp(t, SLACK_LIMITS.contextText) })),
  };
}

export function header(text: string): SlackBlock {
  return { type: 'header', text: { type: 'plain_text', text: clamp(text, SLACK_LIMITS.headerText), emoji: true } };
}

export function button(text: string, actionId: string, value: unknown, style?: 'primary' | 'danger'): SlackButton {
  return {
    type: 'button',
    text: { type: 'plain_text', text: clamp(text, SLACK_LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value: clamp(typeof value === 'string' ? value : JSON.stringify(value), SLACK_LIMITS.buttonValue),
    ...(style ? { style } : {}),
  };
}

function sourceLinks(ids: string[], urls: Map<string, { url: string; title: string }>): string {
  const links = ids.map((id) => {
    const s = urls.get(id);
    return s ? link(s.url, id) : escapeMrkdwn(id);
  });
  return links.length ? ` (${links.join(', ')})` : '';
}

function destinationBlocks(d: Destination, urls: Map<string, { url: string; title: string }>, phases: Phase[], said: string): SlackBlock[] {
  const headline = levelHeadline(d);
  const blocks: SlackBlock[] = [header(`${d.countryName}: ${headline}`)];
  const emoji = isNeutral(d) ? NEUTRAL_EMOJI : (LEVEL_EMOJI[d.risk.level] ?? '');
  const about = [`${emoji} *${escapeMrkdwn(capitalise(headline))}.* ${escapeMrkdwn(d.risk.meaning)}`];
  // The answer's message often repeats the tier statement already; say it once.
  const tier = tierLine(d);
  if (!said.includes(tier)) about.push(`_${escapeMrkdwn(tier)}_`);
  if (d.risk.override)
    about.push(`_Level set by the security team (computed: ${d.risk.override.computedLevel}): ${escapeMrkdwn(d.risk.override.rationale)}_`);
  blocks.push(...section(about.join('\n')));
  // Every level shows what it rests on, each fact with its sources.
  const basis = basisLines(d).map((b) => `• ${escapeMrkdwn(b.text)}${sourceLinks(b.sources, urls)}${b.date ? ` _(${escapeMrkdwn(b.date)})_` : ''}`);
  blocks.push(...section(`*Why this level*\n${basis.join('\n')}`));
  const advisory = advisoryLine(d);
  if (advisory && d.advisory) blocks.push(context([`${escapeMrkdwn(advisory)} ${link(d.advisory.url, 'Advisory')}`]));

  const present = d.indicators.filter((i) => i.status === 'present');
  if (present.length) {
    const lines = present.map((i) => `• *${escapeMrkdwn(i.name)}*: ${escapeMrkdwn(i.evidence)}${sourceLinks(i.sources, urls)}`);
    blocks.push(...section(`*Indicators found (${present.length} of ${d.indicators.length})*\n${lines.join('\n')}`));
  }
  const notes: string[] = [];
  const unknown = d.indicators.filter((i) => i.status === 'unknown');
  if (unknown.length) notes.push(`Not known: ${unknown.map((i) => escapeMrkdwn(i.name)).join('; ')}.`);
  notes.push(`VPN: ${d.law.vpn.status}. Encryption: ${d.law.encryption.status}.`);
  if (notes.length) blocks.push(context(notes));

  for (const phase of phases) {
    const items = d.checklist.filter((c) => c.phase === phase);
    if (!items.length) continue;
    const byCategory = new Map<string, typeof items>();
    for (const c of items) byCategory.set(c.categoryTitle, [...(byCategory.get(c.categoryTitle) ?? []), c]);
    const parts = [...byCategory].map(([title, list]) => `*${escapeMrkdwn(title)}*\n${list.map((c) => `☐ ${escapeMrkdwn(c.text)}`).join('\n')}`);
    blocks.push(...section(`:clipboard: *Checklist: ${PHASE_TITLES[phase]}*\n${parts.join('\n')}`));
  }
  if (d.lastReviewed) blocks.push(context([`Content last reviewed ${escapeMrkdwn(d.lastReviewed)}.`]));
  return blocks;
}

function summaryBlocks(summary: NonNullable<Answer['summary']>): SlackBlock[] {
  const cite = (n: number) => {
    const c = summary.citations[n - 1];
    return c ? link(c.url, `[${n}]`) : `[${n}]`;
  };
  const text = summary.sentences.map((s) => `${escapeMrkdwn(s.text)}${s.citations.map((n) => ` ${cite(n)}`).join('')}`).join(' ');
  const sources = summary.citations.map((c, i) => `[${i + 1}] ${link(c.url, c.title)}`);
  const blocks: SlackBlock[] = [...section(`*Summary*\n${text}`)];
  // One context element per citation, at most 10 per block.
  for (let i = 0; i < sources.length; i += SLACK_LIMITS.contextElements) blocks.push(context(sources.slice(i, i + SLACK_LIMITS.contextElements)));
  return blocks;
}

/** The buttons an answer offers, by the options and what the answer contains. */
export function answerButtons(answer: Answer, options: BlockKitOptions): SlackButton[] {
  const buttons: SlackButton[] = [];
  const covered = answer.destinations.map((d) => d.countryCode);
  if ((options.remind ?? true) && answer.trip?.start && covered.length) {
    const value: RemindValue = { d: covered, s: answer.trip.start, e: answer.trip.end };
    buttons.push(button('Remind me before I go', ACTION_IDS.remind, value, 'primary'));
  }
  const ack = options.acknowledge ?? true;
  if (ack && answer.destinations.some((d) => d.checklist.length)) {
    const value: AcknowledgeValue = typeof ack === 'object' ? { t: ack.tripId, ...(ack.reminderId ? { r: ack.reminderId } : {}) } : { d: covered };
    buttons.push(button("I've done the checklist", ACTION_IDS.acknowledge, value));
  }
  if (options.share) buttons.push(button('Share in channel', ACTION_IDS.share, options.share));
  return [...buttons, ...(options.extraButtons ?? [])].slice(0, SLACK_LIMITS.actionsElements);
}

/** Renders an Answer as `{ text, blocks }` for chat.postMessage, response_url or chat.postEphemeral. */
export function answerToBlockKit(answer: Answer, options: BlockKitOptions = {}): SlackMessage {
  const urls = new Map(answer.sources.map((s) => [s.id, { url: s.url, title: s.title }]));
  const phases = options.phases ?? ['before', 'during', 'after'];
  const content: SlackBlock[] = [];
  if (options.intro) content.push(...section(options.intro));
  if (answer.message) content.push(...section(escapeMrkdwn(answer.message)));
  if (answer.trip?.start)
    content.push(context([`:date: Trip: ${answer.trip.start}${answer.trip.end ? ` to ${answer.trip.end}` : ''}${answer.trip.said ? ` ("${escapeMrkdwn(answer.trip.said)}")` : ''}`]));
  answer.destinations.forEach((d, i) => {
    if (i > 0) content.push({ type: 'divider' });
    content.push(...destinationBlocks(d, urls, phases, answer.message ?? ''));
  });
  if (answer.summary) content.push({ type: 'divider' }, ...summaryBlocks(answer.summary));

  const buttons = answerButtons(answer, options);
  const tail: SlackBlock[] = buttons.length ? [{ type: 'actions', block_id: 'travel_answer_actions', elements: buttons }] : [];
  const budget = (options.maxBlocks ?? SLACK_LIMITS.messageBlocks) - tail.length;
  let blocks = content;
  if (content.length > budget) {
    const more = options.moreUrl
      ? `This answer is longer than one Slack message. ${link(options.moreUrl, 'Read the full answer')}.`
      : 'This answer is longer than one Slack message: ask about one country at a time to see the rest.';
    blocks = [...content.slice(0, budget - 1), context([`:scissors: ${more}`])];
  }
  const text = clamp(fallbackText(answer), SLACK_LIMITS.fallbackText);
  return { text, blocks: [...blocks, ...tail] };
}

/** A short plain-text version: the headline of each destination, for notifications. */
export function fallbackText(answer: Answer): string {
  return answerToText(answer, { full: false }) || 'Travel security advice';
}
