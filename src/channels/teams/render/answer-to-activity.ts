/**
 * The Answer as a Teams message activity: the Adaptive Card as an attachment, a
 * plain `text` (headline plus the summary with [n] markers) that Teams shows with
 * native citation pills and that every client can fall back to, the schema.org
 * citation entity, and Teams' 👍/👎 feedback when the summary was written by a model.
 * Pure; clamps to TEAMS_LIMITS and keeps the whole activity under its recommended size.
 */
import { levelHeadline } from '../../../render/level-words.js';
import type { Answer } from '../../../advisor/answer.js';
import type { TeamsOutbound } from '../teams-port.js';
import { answerToAdaptiveCard, type AdaptiveCard, type AdaptiveCardOptions, type CardState } from './answer-to-adaptive-card.js';
import { TEAMS_LIMITS } from './limits.js';
import { fitActivity } from './message-size.js';
import { summaryWithMarkers } from '../../../render/copy.js';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface ActivityOptions {
  state?: CardState;
  /** Universal Actions: these Teams user ids (MRIs) each see their own view of the card (channels, group chats). */
  refresh?: { userIds: string[] };
  /** Set when updating a message the bot sent before. */
  id?: string;
}

const clamp = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** Like clamp, but ends at a word boundary when one is near, so an abstract never stops mid-word. */
function clampAtWord(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The short text: one line per destination, the message, and the summary with citation markers. */
export function answerFallbackText(answer: Answer): string {
  const parts: string[] = [];
  if (answer.message) parts.push(answer.message);
  for (const d of answer.destinations) parts.push(`${d.countryName}: surveillance risk ${levelHeadline(d)}. ${d.risk.meaning}`);
  if (answer.summary)
    parts.push(summaryWithMarkers(answer.summary));
  return parts.join('\n\n');
}

/** Teams' native citation entity for the [n] markers in `text`; AI-generated only when a model wrote it. */
export function citationEntity(answer: Answer): Record<string, unknown> | null {
  const s = answer.summary;
  if (!s || !s.citations.length) return null;
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    ...(s.method === 'llm' ? { additionalType: ['AIGeneratedContent'] } : {}),
    citation: s.citations.slice(0, TEAMS_LIMITS.maxCitations).map((c, i) => {
      const cited = s.sentences.filter((x) => x.citations.includes(i + 1)).map((x) => x.text).join(' ');
      return {
        '@type': 'Claim',
        position: i + 1,
        appearance: {
          '@type': 'DigitalDocument',
          name: clamp(c.title, TEAMS_LIMITS.maxCitationName),
          abstract: clampAtWord(cited || c.title, TEAMS_LIMITS.maxCitationAbstract),
          url: c.url,
        },
      };
    }),
  };
}

/** Wraps any card as a message activity with a text fallback. */
export function cardActivity(card: AdaptiveCard, fallback: string, extra: Record<string, unknown> = {}): TeamsOutbound {
  return { type: 'message', text: fallback, attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }], ...extra };
}

/**
 * The answer as one activity under TEAMS_LIMITS.recommendedMessageBytes (UTF-16): the
 * details inside the card when they fit; else as follow-up cards on request; else every
 * destination on one line too. The smallest version is size-checked as well (fitActivity).
 */
export function answerToActivity(answer: Answer, options: ActivityOptions = {}): TeamsOutbound {
  const entity = citationEntity(answer);
  const extra: Record<string, unknown> = {
    ...(options.id ? { id: options.id } : {}),
    ...(entity ? { entities: [entity] } : {}),
    ...(answer.summary?.method === 'llm' ? { channelData: { feedbackLoopEnabled: true } } : {}),
  };
  const fallback = clamp(answerFallbackText(answer), TEAMS_LIMITS.maxFallbackText);
  const versions: AdaptiveCardOptions[] = [{ details: 'inline' }, { details: 'follow-up' }, { details: 'follow-up', compact: true }];
  return fitActivity(versions.map((v) => () => cardActivity(answerToAdaptiveCard(answer, { ...v, state: options.state, refresh: options.refresh }), fallback, extra)));
}
