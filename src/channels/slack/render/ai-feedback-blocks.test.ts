/**
 * A summary a model wrote is marked in Slack: "AI-written" beside the summary and
 * Slack's own 👍/👎 (feedback_buttons in a context_actions block) whose values name the
 * answer by fingerprint, its destinations and summariser, never any text. Quoted
 * (extractive) summaries get neither. The first screen still fits FIRST_SCREEN, and a
 * 13-country trip stays inside every Slack limit. Frozen Answers, so content cannot
 * turn it red.
 */
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../advisor/answer.js';
import { answerFingerprint } from '../../../feedback/answer-fingerprint.js';
import { answerFixture } from '../../../../test/fixtures/answers/answer-fixtures.js';
import { expectWithinLimits, texts } from '../../../../test/slack/slack-limits-check.js';
import { ACTION_IDS, feedbackValueSchema, parseActionValue } from '../actions.js';
import { FIRST_SCREEN, SLACK_LIMITS } from '../limits.js';
import { AI_LABEL } from './ai-feedback-blocks.js';
import { answerToBlockKit } from './answer-to-block-kit.js';
import { visibleLength } from './visible-text.js';

const byModel = (a: Answer): Answer => ({ ...a, summary: a.summary && { ...a.summary, method: 'llm' } });
const kg = answerFixture('kyrgyzstan-next-week');

type FeedbackBlock = { type: string; elements: Array<{ type: string; action_id: string; positive_button: { value: string; text: { text: string } }; negative_button: { value: string; text: { text: string } } }> };
const feedbackOf = (blocks: unknown[]) => blocks.filter((b) => (b as { type: string }).type === 'context_actions') as FeedbackBlock[];

describe('AI-written summaries in Slack', () => {
  it('labels the summary and ends the message with 👍/👎 that name the answer, not its text', () => {
    const answer = byModel(kg);
    const { blocks } = answerToBlockKit(answer);
    expect(texts(blocks)).toContain(`*Summary* _(${AI_LABEL})_\n`);
    const [feedback] = feedbackOf(blocks);
    expect(blocks.at(-1)).toBe(feedback);
    expect(feedback!.elements).toHaveLength(1);
    expect(feedback!.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.contextActionsElements);
    const [buttons] = feedback!.elements;
    expect(buttons).toMatchObject({ type: 'feedback_buttons', action_id: ACTION_IDS.feedback });
    expect([buttons!.positive_button.text.text, buttons!.negative_button.text.text]).toEqual(['👍', '👎']);
    const up = parseActionValue(feedbackValueSchema, buttons!.positive_button.value);
    const down = parseActionValue(feedbackValueSchema, buttons!.negative_button.value);
    expect(up).toEqual({ a: answerFingerprint(answer), d: ['KG'], m: 'llm', r: 'up' });
    expect(down).toEqual({ ...up, r: 'down' });
    for (const s of answer.summary!.sentences) expect(buttons!.positive_button.value).not.toContain(s.text.slice(0, 20));
    expect(blocks.length).toBeLessThanOrEqual(FIRST_SCREEN.blocks);
    expect(visibleLength(blocks)).toBeLessThanOrEqual(FIRST_SCREEN.visibleChars);
  });

  it('shows no label and no 👍/👎 when the summary quotes the sources', () => {
    const { blocks } = answerToBlockKit(kg);
    expect(kg.summary?.method).toBe('extractive');
    expect(texts(blocks)).not.toContain(AI_LABEL);
    expect(feedbackOf(blocks)).toEqual([]);
  });

  it('keeps a 13-country AI answer inside every Slack limit, its 👍/👎 naming all 13 destinations', () => {
    const thirteen = byModel(answerFixture('thirteen-countries'));
    const { blocks } = answerToBlockKit(thirteen);
    expectWithinLimits(blocks);
    const value = parseActionValue(feedbackValueSchema, feedbackOf(blocks)[0]!.elements[0]!.positive_button.value);
    expect(value?.d).toHaveLength(13);
  });

  it('gives the same answer the same fingerprint, and another answer another', () => {
    expect(answerFingerprint(byModel(kg))).toBe(answerFingerprint(byModel(structuredClone(kg))));
    expect(answerFingerprint(byModel(kg))).not.toBe(answerFingerprint(kg));
    const otherWords: Answer = { ...kg, trip: { ...kg.trip!, said: 'something else the user typed' } };
    expect(answerFingerprint(otherWords)).toBe(answerFingerprint(kg));
  });
});
