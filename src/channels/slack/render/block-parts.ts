/**
 * The Block Kit pieces every Slack renderer builds from (section, context, header,
 * button), each clamped or split to SLACK_LIMITS so no message or view is rejected.
 * Pure. Kept apart from the renderers so they can share them without import cycles.
 */
import type { types } from '@slack/bolt';
import { SLACK_LIMITS } from '../limits.js';
import { clamp, splitText } from './mrkdwn.js';

export type SlackBlock = types.KnownBlock;
export type SlackButton = types.Button;

/** A mrkdwn section, split into several at SLACK_LIMITS.sectionText rather than cut. */
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
