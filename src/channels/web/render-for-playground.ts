/**
 * One Answer, three ways: the Slack message (Block Kit JSON and its HTML drawing),
 * the Teams Adaptive Card (drawn in the browser by Microsoft's renderer) and the
 * Answer itself. The channel renderers are injected, so the page shows whatever the
 * Slack and Teams doors really send; a renderer that throws shows its error in its pane.
 */
import type { Answer } from '../../advisor/answer.js';
import type { Delivery } from '../../reminders/types.js';
import type { CardState } from '../teams/render/answer-to-adaptive-card.js';
import { blockKitToHtml, type SlackMessageJson } from './render/block-kit-to-html.js';

export interface PlaygroundRenderers {
  /** The Slack door's renderer: Answer → chat.postMessage `{ text, blocks }`. */
  slack?: (answer: Answer) => SlackMessageJson;
  /** The Teams door's renderer: Answer (and what happened to the card since it was sent) → Adaptive Card JSON. */
  teams?: (answer: Answer, state?: CardState) => object;
  /** The Slack deliverer's renderer for a reminder DM. */
  slackReminder?: (delivery: Delivery) => SlackMessageJson;
  /** The Teams deliverer's renderer for a reminder: the Adaptive Card of its activity. */
  teamsReminder?: (delivery: Delivery) => object;
}

export interface Renderings {
  answer: Answer;
  slack: SlackMessageJson | null;
  slackHtml: string | null;
  teams: object | null;
  /** Why a pane is empty: renderer missing or failed. */
  problems: { slack?: string; teams?: string };
}

function attempt<T>(fn: (() => T) | undefined, missing: string): { value: T | null; problem?: string } {
  if (!fn) return { value: null, problem: missing };
  try {
    return { value: fn() };
  } catch (error) {
    return { value: null, problem: `renderer failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function draw(answer: Answer, slackFn: (() => SlackMessageJson) | undefined, teamsFn: (() => object) | undefined): Renderings {
  const slack = attempt(slackFn, 'the Slack renderer is not available in this build');
  const teams = attempt(teamsFn, 'the Teams renderer is not available in this build');
  return {
    answer,
    slack: slack.value,
    slackHtml: slack.value ? blockKitToHtml(slack.value) : null,
    teams: teams.value,
    problems: { ...(slack.problem ? { slack: slack.problem } : {}), ...(teams.problem ? { teams: teams.problem } : {}) },
  };
}

/** An answer as the Slack and Teams doors send it. Pure apart from what the injected renderers do. */
export function renderForPlayground(answer: Answer, renderers: PlaygroundRenderers): Renderings {
  const { slack, teams } = renderers;
  return draw(answer, slack && (() => slack(answer)), teams && (() => teams(answer)));
}

/** A reminder as the Slack and Teams deliverers send it. */
export function renderDeliveryForPlayground(delivery: Delivery, renderers: PlaygroundRenderers): Renderings {
  const { slackReminder, teamsReminder } = renderers;
  return draw(delivery.answer, slackReminder && (() => slackReminder(delivery)), teamsReminder && (() => teamsReminder(delivery)));
}
