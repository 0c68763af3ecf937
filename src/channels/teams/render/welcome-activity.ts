/**
 * The welcome card sent when the app is installed or the bot joins a conversation:
 * what the bot does and what to ask, with example prompts as buttons (imBack sends
 * the prompt as if the user typed it). Pure.
 */
import type { TeamsOutbound } from '../teams-port.js';
import { text, type AdaptiveCard } from './answer-to-adaptive-card.js';
import { cardActivity } from './answer-to-activity.js';
import { TEAMS_LIMITS } from './limits.js';
import { fitActivity } from './message-size.js';

/** Example prompts; MUST stay in sync with the command list in manifests/teams/manifest.json. */
export const EXAMPLE_PROMPTS = ['travelling to Kyrgyzstan next week', 'Is Kazakhstan risky for my laptop?', 'what is SORM?', 'help'] as const;

export function welcomeActivity(options: { inChannel?: boolean } = {}): TeamsOutbound {
  const how = options.inChannel ? 'Mention me (@Travel advisor) with your destination' : 'Tell me where you are going';
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: TEAMS_LIMITS.cardVersion,
    body: [
      text('Travel security advisor', { size: 'Large', weight: 'Bolder' }),
      text(
        `${how}, e.g. "travelling to Kyrgyzstan next week". I answer with the country's surveillance risk level, the indicators it rests on with sources, and a checklist for your devices, VPN and encryption.`,
      ),
      text('Press "Remind me before I go" on an answer and I will send you a briefing before the trip and a clean-up checklist after it. "Full checklist" and "Why this level" show the rest of an answer.', { spacing: 'Small' }),
      text('Try:', { weight: 'Bolder' }),
    ],
    actions: EXAMPLE_PROMPTS.slice(0, 3).map((p) => ({ type: 'Action.Submit', title: p, data: { msteams: { type: 'imBack', value: p } } })),
  };
  // Held to the same size limit as every activity (it is small; checked, not assumed).
  return fitActivity([() => cardActivity(card, `Hi! ${how}, e.g. "travelling to Kyrgyzstan next week", and I will tell you the surveillance risk and what to do about it.`)]);
}
