/**
 * One Answer, three ways: the Slack message (Block Kit JSON and its HTML drawing),
 * the Teams Adaptive Card (drawn in the browser by Microsoft's renderer) and the
 * Answer itself. The channel renderers are injected, so the page shows whatever the
 * Slack and Teams doors really send; a renderer that throws shows its error in its pane.
 */
import type { Answer } from '../../advisor/answer.js';
import type { Delivery } from '../../reminders/types.js';
import type { AlertDelivery } from '../../alerts/types.js';
import type { ShareValue } from '../slack/actions.js';
import type { CardState } from '../teams/render/answer-to-adaptive-card.js';
import { blockKitToHtml, type SlackMessageJson } from './render/block-kit-to-html.js';

/** What the Slack door varies in one answer message: "Share in channel" under /travel, the "shared by" line. */
export interface SlackAnswerOptions {
  share?: ShareValue;
  intro?: string;
}

/** "Full checklist" or "Why this level". */
export type DetailKind = 'checklist' | 'why';

/** A Slack modal view as views.open receives it (the parts the playground draws). */
export interface SlackModalJson {
  title?: { text?: string };
  close?: { text?: string };
  blocks?: readonly object[];
}

export interface PlaygroundRenderers {
  /** The Slack door's renderer: Answer → chat.postMessage `{ text, blocks }` (or the ephemeral /travel reply, or the shared one). */
  slack?: (answer: Answer, options?: SlackAnswerOptions) => SlackMessageJson;
  /** The modal the Slack door opens for "Full checklist" / "Why this level", page `page`. */
  slackDetails?: (kind: DetailKind, answer: Answer, page: number) => SlackModalJson;
  /** The Teams door's renderer: Answer (and what happened to the card since it was sent) → Adaptive Card JSON. */
  teams?: (answer: Answer, state?: CardState) => object;
  /** The Slack deliverer's renderer for a reminder DM. */
  slackReminder?: (delivery: Delivery) => SlackMessageJson;
  /** The Teams deliverer's renderer for a reminder: the Adaptive Card of its activity. */
  teamsReminder?: (delivery: Delivery) => object;
  /** The follow-up cards the Teams bot sends for "Full checklist" / "Why this level" on a card too large to hold them. */
  teamsDetails?: (kind: DetailKind, answer: Answer) => object[];
  /** The one-line card the Teams bot puts in place of a reminder card once its button was pressed. */
  teamsStatus?: (status: string) => object;
  /** The Slack deliverer's renderer for a risk-change alert DM. */
  slackAlert?: (alert: AlertDelivery) => SlackMessageJson;
  /** The Teams deliverer's renderer for a risk-change alert: the Adaptive Card of its activity. */
  teamsAlert?: (alert: AlertDelivery) => object;
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
export function renderForPlayground(answer: Answer, renderers: PlaygroundRenderers, slackOptions?: SlackAnswerOptions): Renderings {
  const { slack, teams } = renderers;
  return draw(answer, slack && (() => slack(answer, slackOptions)), teams && (() => teams(answer)));
}

/** A Slack modal as the page draws it: its title, its close label and its blocks as HTML (paging buttons included). */
export interface SlackModalDrawing {
  view: SlackModalJson;
  title: string;
  close: string;
  html: string;
}

/** Draws a modal view the way Slack's client shows it. Pure. */
export function drawSlackModal(view: SlackModalJson): SlackModalDrawing {
  return { view, title: view.title?.text ?? '', close: view.close?.text ?? 'Close', html: blockKitToHtml({ blocks: view.blocks ?? [] }) };
}

/** A reminder as the Slack and Teams deliverers send it. */
export function renderDeliveryForPlayground(delivery: Delivery, renderers: PlaygroundRenderers): Renderings {
  const { slackReminder, teamsReminder } = renderers;
  return draw(delivery.answer, slackReminder && (() => slackReminder(delivery)), teamsReminder && (() => teamsReminder(delivery)));
}

/** A risk-change alert as the Slack and Teams deliverers send it (the playground's "Alerts this content would send"). */
export function renderAlertForPlayground(alert: AlertDelivery, renderers: PlaygroundRenderers): Renderings {
  const { slackAlert, teamsAlert } = renderers;
  return draw(alert.answer, slackAlert && (() => slackAlert(alert)), teamsAlert && (() => teamsAlert(alert)));
}
