/**
 * How a Slack message marks a summary a model wrote, as Slack's guidance for AI apps
 * asks: a plain label beside the summary ("AI-written from the sources below") and
 * Slack's own 👍/👎 (a `feedback_buttons` element in a `context_actions` block, the
 * Block Kit pieces Slack made for rating AI responses). Each button's value names the
 * answer by fingerprint, its destinations and summariser; the Slack door stores the vote
 * (register-feedback-action.ts), never any text. Extractive summaries quote the sources
 * and get neither. Pure.
 */
import type { Answer } from '../../../advisor/answer.js';
import { answerFingerprint } from '../../../feedback/answer-fingerprint.js';
import { ACTION_IDS, type FeedbackValue } from '../actions.js';
import type { SlackBlock } from './block-parts.js';

/** Said after "Summary" when a model wrote it. MUST stay in sync with docs/slack.md. */
export const AI_LABEL = 'AI-written from the sources below; check them before you rely on it';

/** True when the summary is the model's words rather than quoted sentences. */
export function isAiSummary(answer: Pick<Answer, 'summary'>): boolean {
  return answer.summary?.method === 'llm';
}

/** The 👍/👎 block for an AI-written summary; none otherwise. */
export function feedbackBlocks(answer: Answer): SlackBlock[] {
  if (!isAiSummary(answer)) return [];
  const base = { a: answerFingerprint(answer), d: answer.destinations.map((d) => d.countryCode).slice(0, 60), m: 'llm' as const };
  // At most 60 codes: about 400 characters, well inside SLACK_LIMITS.buttonValue.
  const value = (r: FeedbackValue['r']) => JSON.stringify({ ...base, r } satisfies FeedbackValue);
  return [
    {
      type: 'context_actions',
      block_id: 'travel_answer_feedback',
      elements: [
        {
          type: 'feedback_buttons',
          action_id: ACTION_IDS.feedback,
          positive_button: { text: { type: 'plain_text', text: '👍' }, accessibility_label: 'This summary was useful', value: value('up') },
          negative_button: { text: { type: 'plain_text', text: '👎' }, accessibility_label: 'This summary was not useful', value: value('down') },
        },
      ],
    },
  ];
}
