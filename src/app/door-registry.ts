/**
 * The doors the server can open, by name. A door not configured is off: its `configured`
 * is false, and then its module is never imported (@slack/bolt, botbuilder and msal are
 * most of a server's start-up time and idle memory, and a server without their
 * credentials never uses them; test/architecture/door-imports.test.ts proves it). A new
 * channel is one entry here plus its own directory under src/channels/, which registers
 * its Deliverer with the reminder service under its own Platform name. Tests may pass
 * another list (AppOptions.doors).
 */
import type { AppContext } from './app-context.js';
import type { Config } from '../config.js';
import type { Door } from '../server/types.js';
import type { SlackDoorOptions } from '../channels/slack/create-slack-door.js';
import type { TeamsDoorOptions } from '../channels/teams/create-teams-door.js';

/** Door tuning that tests and benchmarks pass through createApp. */
export interface DoorOptions {
  slack?: SlackDoorOptions;
  teams?: TeamsDoorOptions;
}

/** Builds a door from the app context; null when, on a closer look, it is not configured. */
export type OpenDoor = (ctx: AppContext, options: DoorOptions) => Door | null;

export interface DoorEntry {
  name: string;
  /** Whether to open this door at all; MUST match the first check of its create function. */
  configured(config: Config): boolean;
  /** Imports the door's code (only called when configured). */
  load(): Promise<OpenDoor>;
}

/** True when createSlackDoor would build a door. */
export const slackConfigured = (config: Config): boolean => config.slackMode !== 'off' && Boolean(config.SLACK_BOT_TOKEN);

/** True when createTeamsDoor would build a door (local mode included). */
export const teamsConfigured = (config: Config): boolean => config.teamsMode !== 'off';

/** Every door this build has, in the order they are opened (and their routes matched). */
export const DOORS: readonly DoorEntry[] = [
  { name: 'slack', configured: slackConfigured, load: async () => { const m = await import('../channels/slack/create-slack-door.js'); return (ctx, o) => m.createSlackDoor(ctx, o.slack); } },
  { name: 'teams', configured: teamsConfigured, load: async () => { const m = await import('../channels/teams/create-teams-door.js'); return (ctx, o) => m.createTeamsDoor(ctx, o.teams); } },
  { name: 'api', configured: () => true, load: async () => { const m = await import('../channels/api/create-api-door.js'); return (ctx) => m.createApiDoor(ctx); } },
  { name: 'web', configured: () => true, load: async () => { const m = await import('../channels/web/create-web-door.js'); return (ctx) => m.createWebDoor(ctx); } },
];

/**
 * The configured doors of `registry`: imported together, then built in registry order, so
 * registrations (deliverers, posters, stores) happen in the same order on every start.
 */
export async function openDoors(ctx: AppContext, options: DoorOptions, registry: readonly DoorEntry[] = DOORS): Promise<Door[]> {
  const chosen = registry.filter((entry) => entry.configured(ctx.config));
  const openers = await Promise.all(chosen.map((entry) => entry.load()));
  return openers.map((open) => open(ctx, options)).filter((d): d is Door => d !== null);
}
