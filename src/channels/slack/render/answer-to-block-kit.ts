/**
 * The Answer as the first Slack message, which must fit one screen (FIRST_SCREEN in
 * limits.ts): per destination the level, its one-line meaning and its coverage tier;
 * then the key actions (at most five, merged across the trip, each naming the
 * destinations it is for when not all); the short cited summary with its sources by
 * publisher and title; then the buttons; a summary a model wrote is labelled as such
 * and followed by 👍/👎 (ai-feedback-blocks.ts). Everything else is one click away: "Full
 * checklist" and "Why this level" open views built by details-view.ts. A reminder
 * shows the merged checklist of the phases that matter now instead of the key actions.
 * Pure: everything shown comes from the Answer and the options. Long texts are split;
 * beyond the block limit the message is trimmed with a note, so Slack never rejects it.
 */
import type { Answer, Destination } from '../../../advisor/answer.js';
import { answerToText } from '../../../render/answer-to-text.js';
import { isNeutral, levelHeadline, tierLine, tierTag } from '../../../render/level-words.js';
import { PHASE_WORDS, capitalise, citedSource, distinctMeanings, listWords, onlyForText, type Phase } from '../../../render/trip-words.js';
import { FIRST_SCREEN, SLACK_LIMITS } from '../limits.js';
import { ACTION_IDS, type AcknowledgeValue, type DetailsValue, type RemindValue, type ShareValue } from '../actions.js';
import { checklistBlocks } from './checklist-blocks.js';
import { AI_LABEL, feedbackBlocks, isAiSummary } from './ai-feedback-blocks.js';
import { button, context, header, section, type SlackBlock, type SlackButton } from './block-parts.js';
import { clamp, escapeMrkdwn, link } from './mrkdwn.js';
import { summaryWithMarkers } from '../../../render/copy.js';

// Renderers and listeners import these from here as well as from block-parts.ts.
export { button, context, header, section, type SlackBlock, type SlackButton };
export type { Phase };

export interface SlackMessage {
  /** Plain-text fallback for notifications and screen readers. */
  text: string;
  blocks: SlackBlock[];
}

export interface BlockKitOptions {
  /** Offer "Remind me before I go" when the answer has a trip date (default true). */
  remind?: boolean;
  /** Offer "I've done the checklist" when there is a checklist (default true). */
  acknowledge?: boolean | { tripId: string; reminderId?: string };
  /** Offer "Share in channel" for an ephemeral answer; the value names the stored answer. */
  share?: ShareValue;
  /** Extra buttons appended after ours (e.g. "Snooze" on reminders). */
  extraButtons?: SlackButton[];
  /** Show the merged checklist of these phases instead of the key actions (reminders: "after" for the clean-up). */
  phases?: Phase[];
  /** Where the full answer can be read when the message has to be trimmed. */
  moreUrl?: string;
  /** A line shown above everything, e.g. "Shared by <@U1>" or a reminder's reason. */
  intro?: string;
  /** Block budget; default SLACK_LIMITS.messageBlocks. */
  maxBlocks?: number;
}

const LEVEL_EMOJI = ['', ':large_green_circle:', ':large_yellow_circle:', ':large_orange_circle:', ':red_circle:'];
/** Not assessed is shown neutral, never in a level colour. */
const NEUTRAL_EMOJI = ':white_circle:';

/** The level's colour dot; grey for not assessed. */
export function levelEmoji(d: Destination): string {
  return isNeutral(d) ? NEUTRAL_EMOJI : (LEVEL_EMOJI[d.risk.level] ?? '');
}

/** One destination in full: its level, meaning and tier (said once, if the message has not said it already). */
export function levelSection(d: Destination, said = ''): string {
  const headline = levelHeadline(d);
  const lines = [`${levelEmoji(d)} *${escapeMrkdwn(capitalise(headline))}.* ${escapeMrkdwn(d.risk.meaning)}`];
  const tier = tierLine(d);
  if (!said.includes(tier)) lines.push(`_${escapeMrkdwn(tier)}_`);
  if (d.risk.override) lines.push(`_Level set by the security team (computed: ${d.risk.override.computedLevel}): ${escapeMrkdwn(d.risk.override.rationale)}_`);
  return lines.join('\n');
}

/**
 * Every destination's level, never dropped: one destination in full under a header;
 * two or three as a short paragraph each; from FIRST_SCREEN.compactFrom on, one line
 * each (level and tier) with the level meanings said once below.
 */
export function levelBlocks(answer: Answer, said = ''): SlackBlock[] {
  const ds = answer.destinations;
  if (!ds.length) return [];
  if (ds.length === 1) return [header(`${ds[0]!.countryName}: ${levelHeadline(ds[0]!)}`), ...section(levelSection(ds[0]!, said))];
  const names = ds.map((d) => d.countryName);
  const title = `Your trip: ${listWords(names)}`;
  const blocks = [header(title.length <= SLACK_LIMITS.headerText ? title : `Your trip: ${ds.length} destinations`)];
  if (ds.length < FIRST_SCREEN.compactFrom) {
    const paragraphs = ds.map((d) => `${levelEmoji(d)} *${escapeMrkdwn(d.countryName)}*: ${escapeMrkdwn(levelHeadline(d))}. ${escapeMrkdwn(d.risk.meaning)}\n_${escapeMrkdwn(tierTag(d))}_`);
    return [...blocks, ...section(paragraphs.join('\n'))];
  }
  const lines = ds.map((d) => `${levelEmoji(d)} *${escapeMrkdwn(d.countryName)}*: ${escapeMrkdwn(levelHeadline(d))} · _${escapeMrkdwn(tierTag(d))}_`);
  const meanings = distinctMeanings(ds).map((m) => `*${escapeMrkdwn(m.label)}*: ${escapeMrkdwn(m.meaning)}`);
  return [...blocks, ...section(lines.join('\n')), ...section(meanings.join('\n'))];
}

/** The key actions, numbered, with their phase and, when not for every destination, which ones. */
export function keyActionBlocks(answer: Answer): SlackBlock[] {
  if (!answer.keyActions.length) return [];
  const total = answer.checklist.length;
  const lines = answer.keyActions.slice(0, FIRST_SCREEN.keyActions).map((k, i) => {
    const only = onlyForText(k, answer);
    return `${i + 1}. ${escapeMrkdwn(k.text)} _(${PHASE_WORDS[k.phase]}${only ? `; ${escapeMrkdwn(only)}` : ''})_`;
  });
  const rest = total > answer.keyActions.length ? ` — ${answer.keyActions.length} of ${total} checklist items; all under *Full checklist*` : '';
  return section(`:white_check_mark: *Do these first*${rest}\n${lines.join('\n')}`);
}

/** The short cited summary, and its sources by publisher and title. */
function summaryBlocks(answer: Answer): SlackBlock[] {
  const summary = answer.summary;
  if (!summary) return [];
  const cite = (n: number) => {
    const c = summary.citations[n - 1];
    return c ? link(c.url, `[${n}]`) : `[${n}]`;
  };
  const text = summaryWithMarkers(summary, { text: escapeMrkdwn, marker: cite });
  const sources = summary.citations.map((_, i) => {
    const s = citedSource(answer, i + 1)!;
    return `[${i + 1}] ${link(s.url, s.name)}`;
  });
  const label = isAiSummary(answer) ? ` _(${AI_LABEL})_` : '';
  const blocks: SlackBlock[] = [...section(`*Summary*${label}\n${text}`)];
  // One context element per citation, at most 10 per block.
  for (let i = 0; i < sources.length; i += SLACK_LIMITS.contextElements) blocks.push(context(sources.slice(i, i + SLACK_LIMITS.contextElements)));
  return blocks;
}

/** The buttons an answer offers, by the options and what the answer contains. */
export function answerButtons(answer: Answer, options: BlockKitOptions): SlackButton[] {
  const buttons: SlackButton[] = [];
  const codes = answer.destinations.map((d) => d.countryCode);
  if ((options.remind ?? true) && answer.trip?.start && codes.length) {
    const value: RemindValue = { d: codes, s: answer.trip.start, e: answer.trip.end };
    buttons.push(button('Remind me before I go', ACTION_IDS.remind, value, 'primary'));
  }
  const ack = options.acknowledge ?? true;
  if (ack && answer.destinations.some((d) => d.checklist.length)) {
    const value: AcknowledgeValue = typeof ack === 'object' ? { t: ack.tripId, ...(ack.reminderId ? { r: ack.reminderId } : {}) } : { d: codes };
    buttons.push(button("I've done the checklist", ACTION_IDS.acknowledge, value));
  }
  const details: DetailsValue = { d: codes };
  if (answer.checklist.length) buttons.push(button('Full checklist', ACTION_IDS.checklist, details));
  if (codes.length) buttons.push(button('Why this level', ACTION_IDS.why, details));
  if (options.share) buttons.push(button('Share in channel', ACTION_IDS.share, options.share));
  return [...buttons, ...(options.extraButtons ?? [])].slice(0, SLACK_LIMITS.actionsElements);
}

/** Renders an Answer as `{ text, blocks }` for chat.postMessage, response_url or chat.postEphemeral. */
/** The line above an answer someone shared from a private /travel reply ("Share in channel"). */
export const sharedIntro = (userId: string) => `<@${userId}> shared this travel advice:`;

export function answerToBlockKit(answer: Answer, options: BlockKitOptions = {}): SlackMessage {
  const content: SlackBlock[] = [];
  if (options.intro) content.push(...section(options.intro));
  if (answer.message) content.push(...section(escapeMrkdwn(answer.message)));
  if (answer.trip?.start)
    content.push(context([`:date: Trip: ${answer.trip.start}${answer.trip.end ? ` to ${answer.trip.end}` : ''}${answer.trip.said ? ` ("${escapeMrkdwn(answer.trip.said)}")` : ''}`]));
  content.push(...levelBlocks(answer, answer.message ?? ''));
  content.push(...(options.phases ? checklistBlocks(answer, { phases: options.phases }) : keyActionBlocks(answer)));
  content.push(...summaryBlocks(answer));

  const buttons = answerButtons(answer, options);
  const tail: SlackBlock[] = [...(buttons.length ? [{ type: 'actions', block_id: 'travel_answer_actions', elements: buttons } as SlackBlock] : []), ...feedbackBlocks(answer)];
  const budget = (options.maxBlocks ?? SLACK_LIMITS.messageBlocks) - tail.length;
  let blocks = content;
  if (content.length > budget) {
    const more = options.moreUrl
      ? `This answer is longer than one Slack message. ${link(options.moreUrl, 'Read the full answer')}.`
      : 'This answer is longer than one Slack message: press *Full checklist* and *Why this level* for the rest.';
    blocks = [...content.slice(0, budget - 1), context([`:scissors: ${more}`])];
  }
  const text = clamp(fallbackText(answer), SLACK_LIMITS.fallbackText);
  return { text, blocks: [...blocks, ...tail] };
}

/** A short plain-text version: the headline of each destination, for notifications. */
export function fallbackText(answer: Answer): string {
  return answerToText(answer, { detail: 'headline' }) || 'Travel security advice';
}
