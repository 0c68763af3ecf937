/**
 * Slack's Block Kit limits, as data. Renderers split or trim to stay inside them so
 * Slack never rejects a message (`invalid_blocks`); `limits.test.ts` states each one
 * by name. Sources: docs.slack.dev/reference/block-kit/blocks and the `@slack/types`
 * block definitions (Bolt 5.1). MUST stay in sync with docs/slack.md "Limits".
 */
import { COMPACT_FROM } from '../../render/trip-words.js';

export const SLACK_LIMITS = {
  /** Blocks in one chat message (chat.postMessage, chat.postEphemeral, response_url). */
  messageBlocks: 50,
  /** Blocks in a Home tab or modal view (views.publish, views.open, views.update). */
  viewBlocks: 100,
  /** Characters of a modal's title (plain text). */
  modalTitle: 24,
  /** Characters of a modal's close or submit button label (plain text). */
  modalButton: 24,
  /** Characters in a section block's text. */
  sectionText: 3000,
  /** Characters in a header block's plain text. */
  headerText: 150,
  /** Elements in one context block. */
  contextElements: 10,
  /** Characters in one text element of a context block (a text object; 3000 like a section). */
  contextText: 3000,
  /** Elements in one actions block. */
  actionsElements: 25,
  /** Elements (feedback_buttons, icon_button) in one context_actions block. */
  contextActionsElements: 5,
  /** Characters of a button's label. */
  buttonText: 75,
  /** Characters of a button's value, returned to us in block_actions. */
  buttonValue: 2000,
  /** Characters of an action_id or block_id. */
  actionId: 255,
  /** Characters of the top-level `text`; Slack truncates beyond this. */
  fallbackText: 40000,
  /** Suggested prompts shown in the agent view. */
  suggestedPrompts: 4,
} as const;

export type SlackLimits = typeof SLACK_LIMITS;

/**
 * Our own budget for the first message of an answer, not Slack's: it must fit one
 * screen (issue 14), with everything else one click away (Full checklist, Why this
 * level). Visible characters are what a reader sees: link labels, not URLs; no markup
 * (visible-text.ts). Tests hold the real answers to it.
 */
export const FIRST_SCREEN = {
  /** Blocks of the first message for one destination. */
  blocks: 15,
  /** About this many visible characters for one destination ("about 2,500"). */
  visibleChars: 2500,
  /** Key actions on the first screen. MUST stay in sync with MAX_KEY_ACTIONS (src/advisor/answer.ts). */
  keyActions: 5,
  /** From this many destinations on, each is one line and the level meanings are said once (all doors). */
  compactFrom: COMPACT_FROM,
} as const;
