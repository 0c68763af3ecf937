/**
 * The one config module: every environment variable the app reads is declared,
 * defaulted and validated here, and one ConfigError names every bad variable.
 * No other file reads process.env. MUST stay in sync with README "Configuration".
 */
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors.js';

/** The package root (where content/ and intents/ ship), whether run from src/ or dist/. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const optionalString = z.string().trim().min(1).optional().catch(undefined);
const flag = z.enum(['on', 'off']);
const zone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone such as "Europe/Berlin"');

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to bind; default loopback, so nothing is reachable from outside unless asked for. */
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CONTENT_DIR: z.string().default(resolve(PACKAGE_ROOT, 'content')),
  INTENTS_DIR: z.string().default(resolve(PACKAGE_ROOT, 'intents')),
  CONTENT_STALE_DAYS: z.coerce.number().int().positive().default(180),
  DEFAULT_TIMEZONE: zone.default('UTC'),
  SECURITY_CONTACT: z.string().default('your security team'),

  /** Unset: SQLite file under DATA_DIR. redis://… or postgres://… for shared state. */
  STORE_URL: z.string().regex(/^(redis|rediss|postgres|postgresql|sqlite):\/\//, 'a redis://, postgres:// or sqlite:// URL').optional(),
  DATA_DIR: z.string().default('data'),
  /** Set: reminders are scheduled on BullMQ over this Redis. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'a redis:// URL').optional(),

  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'a bot token starting with "xoxb-"').optional(),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'an app-level token starting with "xapp-"').optional(),
  SLACK_API_URL: z.url().optional(),
  /** Slack user group or channel whose members may use /travel-desk. */
  SLACK_TRAVEL_DESK_USERGROUP: optionalString,
  SLACK_TRAVEL_DESK_CHANNEL: optionalString,

  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TENANT_ID: optionalString,
  MICROSOFT_APP_TYPE: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('MultiTenant'),
  /** Teams team (id) whose members may use the travel-desk commands. */
  TEAMS_TRAVEL_DESK_TEAM_ID: optionalString,

  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),

  TRAVEL_DESK_API_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  PLAYGROUND: flag.optional(),
  BRIEFING_DAYS_BEFORE: z.coerce.number().int().min(0).default(7),
  TRIP_RETENTION_DAYS: z.coerce.number().int().positive().default(30),
  /** Reminder deliveries per second across all workers, kept under Slack's/Teams' limits. */
  REMINDERS_PER_SECOND: z.coerce.number().int().positive().default(20),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config extends RawConfig {
  slackMode: 'http' | 'socket' | 'off';
  teamsEnabled: boolean;
  playgroundEnabled: boolean;
}

/** Empty strings count as unset, so `FOO=` in a .env file does not trip validation. */
function clean(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
}

export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<RawConfig> = {}): Config {
  const parsed = configSchema.safeParse({ ...clean(env), ...overrides });
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${/^invalid/i.test(i.message) ? i.message : `expected ${i.message}`}`),
    );
  }
  const c = parsed.data;
  const problems: string[] = [];
  let slackMode: Config['slackMode'] = 'off';
  if (c.SLACK_BOT_TOKEN || c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN) {
    if (!c.SLACK_BOT_TOKEN) problems.push('SLACK_BOT_TOKEN: missing; Slack needs the bot token (xoxb-…) in both HTTP and Socket Mode');
    if (c.SLACK_APP_TOKEN) slackMode = 'socket';
    else if (!c.SLACK_SIGNING_SECRET)
      problems.push('SLACK_SIGNING_SECRET: missing; set it for the HTTP Events API, or set SLACK_APP_TOKEN (xapp-…) for Socket Mode');
    else slackMode = 'http';
  }
  if (c.MICROSOFT_APP_ID && c.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !c.MICROSOFT_APP_PASSWORD)
    problems.push(`MICROSOFT_APP_PASSWORD: missing; required with MICROSOFT_APP_ID for ${c.MICROSOFT_APP_TYPE}`);
  if (c.MICROSOFT_APP_ID && c.MICROSOFT_APP_TYPE === 'SingleTenant' && !c.MICROSOFT_APP_TENANT_ID)
    problems.push('MICROSOFT_APP_TENANT_ID: missing; required when MICROSOFT_APP_TYPE is SingleTenant');
  if (!c.MICROSOFT_APP_ID && (c.MICROSOFT_APP_PASSWORD || c.MICROSOFT_APP_TENANT_ID))
    problems.push('MICROSOFT_APP_ID: missing; MICROSOFT_APP_PASSWORD/TENANT_ID are set without an app id');
  if (problems.length) throw new ConfigError(problems);
  return {
    ...c,
    slackMode,
    // Teams runs unauthenticated (with a warning) when no app id is set, for local testing.
    teamsEnabled: true,
    // On unless PLAYGROUND=off; the server binds to loopback by default so it is not exposed unasked.
    playgroundEnabled: c.PLAYGROUND !== 'off',
  };
}
