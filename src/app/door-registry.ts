/**
 * The doors the server can open, by name: each entry builds its door from the app context
 * (null when it is not configured: a door not configured is off). createApp opens every
 * entry in order; a new channel is one entry here plus its own directory under
 * src/channels/, which registers its Deliverer with the reminder service under its own
 * Platform name. Tests may pass another list (AppOptions.doors).
 */
import type { AppContext } from './app-context.js';
import type { Door } from '../server/types.js';
import { createSlackDoor, type SlackDoorOptions } from '../channels/slack/create-slack-door.js';
import { createTeamsDoor, type TeamsDoorOptions } from '../channels/teams/create-teams-door.js';
import { createApiDoor } from '../channels/api/create-api-door.js';
import { createWebDoor } from '../channels/web/create-web-door.js';

/** Door tuning that tests and benchmarks pass through createApp. */
export interface DoorOptions {
  slack?: SlackDoorOptions;
  teams?: TeamsDoorOptions;
}

export interface DoorEntry {
  name: string;
  open(ctx: AppContext, options: DoorOptions): Door | null;
}

/** Every door this build has, in the order they are opened (and their routes matched). */
export const DOORS: readonly DoorEntry[] = [
  { name: 'slack', open: (ctx, o) => createSlackDoor(ctx, o.slack) },
  { name: 'teams', open: (ctx, o) => createTeamsDoor(ctx, o.teams) },
  { name: 'api', open: (ctx) => createApiDoor(ctx) },
  { name: 'web', open: (ctx) => createWebDoor(ctx) },
];

/** The doors of `registry` that are configured. */
export function openDoors(ctx: AppContext, options: DoorOptions, registry: readonly DoorEntry[] = DOORS): Door[] {
  return registry.map((entry) => entry.open(ctx, options)).filter((d): d is Door => d !== null);
}
