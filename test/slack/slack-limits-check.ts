/**
 * Test helpers shared by the Slack renderer tests: every limit SLACK_LIMITS names,
 * checked on a rendered block list, and the text of blocks for assertions.
 */
import { expect } from 'vitest';
import { SLACK_LIMITS } from '../../src/channels/slack/limits.js';
import type { SlackBlock } from '../../src/channels/slack/render/block-parts.js';

export type AnyBlock = {
  type: string;
  text?: { type: string; text: string };
  elements?: Array<{ type: string; text?: unknown; value?: string; action_id?: string }>;
};

/** Every limit SLACK_LIMITS names that applies to a rendered block list. */
export function expectWithinLimits(blocks: SlackBlock[], maxBlocks: number = SLACK_LIMITS.messageBlocks): void {
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  for (const b of blocks as AnyBlock[]) {
    if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    if (b.type === 'header') expect(b.text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    if (b.type === 'context') {
      expect(b.elements!.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
      for (const e of b.elements!) expect(String(e.text).length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
    }
    if (b.type === 'context_actions') {
      expect(b.elements!.length).toBeLessThanOrEqual(SLACK_LIMITS.contextActionsElements);
      for (const e of b.elements! as Array<{ action_id: string; positive_button?: { value: string; text: { text: string } }; negative_button?: { value: string; text: { text: string } } }>) {
        expect(e.action_id.length).toBeLessThanOrEqual(SLACK_LIMITS.actionId);
        for (const side of [e.positive_button, e.negative_button].filter((x) => x !== undefined)) {
          expect(side.value.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
          expect(side.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
        }
      }
    }
    if (b.type === 'actions') {
      expect(b.elements!.length).toBeLessThanOrEqual(SLACK_LIMITS.actionsElements);
      for (const e of b.elements!) {
        expect((e.text as { text: string }).text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
        expect(e.value!.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
        expect(e.action_id!.length).toBeLessThanOrEqual(SLACK_LIMITS.actionId);
      }
    }
  }
}

/** The mrkdwn and plain text of blocks, one block per line group. */
export function texts(blocks: SlackBlock[]): string {
  return (blocks as AnyBlock[]).map((b) => [b.text?.text ?? '', ...(b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : ''))].join('\n')).join('\n');
}
