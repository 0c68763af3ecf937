/**
 * A one-line status card that replaces a reminder card after its button was pressed
 * ("✅ Checklist done", "⏰ Snoozed until …"), so the buttons cannot be pressed twice.
 * Pure.
 */
import type { TeamsOutbound } from '../teams-port.js';
import { text } from './answer-to-adaptive-card.js';
import { cardActivity } from './answer-to-activity.js';
import { TEAMS_LIMITS } from './limits.js';
import { fitActivity } from './message-size.js';

export function statusActivity(status: string, id: string): TeamsOutbound {
  const card = { type: 'AdaptiveCard' as const, $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: TEAMS_LIMITS.cardVersion, body: [text(status, { weight: 'Bolder' })] };
  // Held to the same size limit as every activity (checked, not assumed).
  return fitActivity([() => cardActivity(card, status, { id })]);
}
