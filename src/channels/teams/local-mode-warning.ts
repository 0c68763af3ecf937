/**
 * What the Teams door and main.ts say whenever TEAMS_LOCAL_MODE=on. Apart from
 * create-teams-door.ts so main.ts can print it without importing botbuilder.
 * MUST stay in sync with MESSAGES_PATH in package-cli.ts.
 */

/** The Bot Framework messaging endpoint on the shared server. */
export const TEAMS_MESSAGES_PATH = '/api/messages';

/** Said at start-up (log and console, see main.ts) whenever local mode is on. */
export const TEAMS_LOCAL_MODE_WARNING = `TEAMS_LOCAL_MODE=on: ${TEAMS_MESSAGES_PATH} accepts unauthenticated Teams activities from this machine (local testing only; travel-desk commands are off). Set MICROSOFT_APP_ID instead in any shared or production deployment.`;
