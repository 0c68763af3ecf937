/**
 * Extension point: the message handlers the Teams bot consults before the advisor,
 * in order. Features that add Teams commands (e.g. the travel-desk commands for
 * members of TEAMS_TRAVEL_DESK_TEAM_ID) add their factory here, in their own file.
 */
import type { AppContext } from '../../app/app-context.js';
import type { TeamsMessageHandler } from './create-teams-bot.js';
import { createTravelDeskHandler } from './travel-desk-handler.js';

export function teamsMessageHandlers(ctx: AppContext): TeamsMessageHandler[] {
  return [createTravelDeskHandler(ctx)];
}
