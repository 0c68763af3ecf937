/**
 * The Slack and Teams doors, each imported only when configured: @slack/bolt, botbuilder
 * and msal are most of a server's start-up time and idle memory, and a server without
 * their credentials never uses them. The conditions MUST stay in sync with the first
 * line of createSlackDoor and createTeamsDoor (which still return null themselves).
 * test/architecture/door-imports.test.ts proves nothing of a door unconfigured is loaded.
 */
import type { Door } from '../server/types.js';
import type { Config } from '../config.js';
import type { AppContext } from './app-context.js';
import type { SlackDoorOptions } from '../channels/slack/create-slack-door.js';
import type { TeamsDoorOptions } from '../channels/teams/create-teams-door.js';

export interface PlatformDoorOptions {
  slack?: SlackDoorOptions;
  teams?: TeamsDoorOptions;
}

/** True when createSlackDoor would build a door. */
export const slackConfigured = (config: Config): boolean => config.slackMode !== 'off' && Boolean(config.SLACK_BOT_TOKEN);

/** True when createTeamsDoor would build a door (local mode included). */
export const teamsConfigured = (config: Config): boolean => config.teamsMode !== 'off';

/** Imports and builds the configured platform doors, Slack first, as createApp lists them. */
export async function loadPlatformDoors(context: AppContext, options: PlatformDoorOptions): Promise<Door[]> {
  const { config } = context;
  const [slack, teams] = await Promise.all([
    slackConfigured(config) ? import('../channels/slack/create-slack-door.js') : null,
    teamsConfigured(config) ? import('../channels/teams/create-teams-door.js') : null,
  ]);
  // Built in order, after both imports, so registrations (deliverers, posters, stores) happen as before.
  return [slack?.createSlackDoor(context, options.slack) ?? null, teams?.createTeamsDoor(context, options.teams) ?? null].filter(
    (d): d is Door => d !== null,
  );
}
