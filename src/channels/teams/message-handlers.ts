/**
 * Extension point: the message handlers the Teams bot consults before the advisor,
 * in order. Features that add Teams commands (e.g. the travel-desk commands for
 * members of TEAMS_TRAVEL_DESK_TEAM_ID) add their factory here, in their own file.
 */
import type { AppContext } from '../../app/app-context.js';
import type { TeamsMessageHandler } from './create-teams-bot.js';
import type { TeamsTurn } from './teams-port.js';
import { createTravelDeskHandler } from './travel-desk-handler.js';

/** `onDeskTurn`: each travel-desk command that passed its checks (the door remembers the desk's channel). */
export function teamsMessageHandlers(ctx: AppContext, hooks: { onDeskTurn?: (turn: TeamsTurn) => Promise<void> } = {}): TeamsMessageHandler[] {
  return [createTravelDeskHandler(ctx, hooks)];
}
