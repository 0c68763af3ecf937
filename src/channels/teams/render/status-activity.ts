/**
 * A one-line status card that replaces a reminder card after its button was pressed
 * ("✅ Checklist done", "⏰ Snoozed until …"), so the buttons cannot be pressed twice.
 * Pure.
 */
import type { TeamsOutbound } from '../teams-port.js';
import { text } from './answer-to-adaptive-card.js';
import { cardActivity } from './answer-to-activity.js';
import { TEAMS_LIMITS } from './limits.js';

export function statusActivity(status: string, id: string): TeamsOutbound {
  return cardActivity(
    { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: TEAMS_LIMITS.cardVersion, body: [text(status, { weight: 'Bolder' })] },
    status,
    { id },
  );
}
