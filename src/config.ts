/**
 * The one config module: every environment variable the app reads is declared,
 * defaulted and validated here, and one ConfigError names every bad variable.
 * No other file reads process.env. MUST stay in sync with README "Configuration".
 */
import { fileURLToPath } from 'node:url';
import { basename, dirname, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors.js';
import { isLoopbackHost } from './server/loopback.js';
import { resolveModelEndpoint, type ModelEndpoint } from './llm/model-endpoint.js';
import { parseModelHeaders } from './llm/parse-model-headers.js';
import { tenancyProblems } from './channels/teams/tenancy-problems.js';
import { graphInstallProblems } from './channels/teams/graph/graph-install-problems.js';

/** This module's directory: src/ under tsx or vitest, dist/ when built. */
const CODE_DIR = dirname(fileURLToPath(import.meta.url));

/** The package root (where content/ and intents/ ship), whether run from src/ or dist/. */
export const PACKAGE_ROOT = resolve(CODE_DIR, '..');

/**
 * Where this code's prebuilt artifacts live by default. An artifact's fingerprint names the
 * code that built it (src/artifacts/fingerprint.ts), so dist/ and src/ (run by tsx or vitest)
 * never share one: each keeps its own, and the tests' global setup
 * (test/support/global-setup.ts) prebuilds src/'s so test files need not train the
 * classifier again each.
 */
const DEFAULT_ARTIFACTS_DIR = resolve(PACKAGE_ROOT, 'dist', basename(CODE_DIR) === 'src' ? 'src-artifacts' : 'artifacts');

/**
 * The Bot Connector service hosts Teams puts in `serviceUrl`: the public cloud
 * (https://smba.trafficmanager.net/<region>/…), GCC, GCC High and DoD. Source: Microsoft
 * Learn, "Proactive messages" (learn.microsoft.com/microsoftteams/platform/bots/how-to/
 * conversations/send-proactive-messages) and the Agents SDK's TeamsServiceEndpoints.
 * MUST stay in sync with docs/security/teams.md and README "Configuration".
 */
export const TEAMS_DEFAULT_SERVICE_HOSTS = [
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
] as const;

/**
 * Where the Teams door checks incoming tokens and gets its own: Microsoft's public cloud
 * (botbuilder 4.23's AuthenticationConstants). Sovereign clouds (US Government, China):
 * docs/teams.md "Sovereign clouds". MUST stay in sync with that table and README "Configuration".
 */
export const TEAMS_PUBLIC_CLOUD = {
  openIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  tokenIssuer: 'https://api.botframework.com',
  loginHost: 'https://login.microsoftonline.com',
  oauthScope: 'https://api.botframework.com',
} as const;

const optionalString = z.string().trim().min(1).optional().catch(undefined);
/** An https URL; plain http only on a loopback host (the tests' identity double). */
const secureUrl = z.url().refine((u) => {
  const url = new URL(u);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}, 'an https:// URL (http:// only on a loopback host)');
const flag = z.enum(['on', 'off']);
/** Microsoft app and client ids (Entra ID application ids) are GUIDs. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const guid = (what: string) => z.string().trim().regex(GUID, `${what} (a GUID such as 00000000-0000-0000-0000-000000000000)`);
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
  /**
   * Where `npm run build` writes the prebuilt content and understanding (src/artifacts/). Each is
   * used only while it matches CONTENT_DIR/INTENTS_DIR and the running code; otherwise they are
   * built from the source files at start-up (slower, never stale).
   */
  ARTIFACTS_DIR: z.string().default(DEFAULT_ARTIFACTS_DIR),
  CONTENT_STALE_DAYS: z.coerce.number().int().positive().default(180),
  DEFAULT_TIMEZONE: zone.default('UTC'),
  SECURITY_CONTACT: z.string().default('your security team'),

  /** Unset: SQLite file under DATA_DIR. redis://… or postgres://… for shared state. */
  STORE_URL: z.string().regex(/^(redis|rediss|postgres|postgresql|sqlite):\/\//, 'a redis://, postgres:// or sqlite:// URL').optional(),
  DATA_DIR: z.string().default('data'),
  /** Set: reminders are scheduled on BullMQ over this Redis. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'a redis:// URL').optional(),
  /**
   * `external`: the Slack door only acknowledges and queues each admitted message on BullMQ
   * (REDIS_URL); `travel-advisor worker` processes answer them (src/channels/slack/answer-queue.ts).
   */
  ANSWER_WORKERS: z.enum(['inline', 'external']).default('inline'),
  /** Answers one `travel-advisor worker` prepares at once (they overlap on Web API and store I/O). */
  ANSWER_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  /** Redis key prefix of the answers queue: deployments sharing one Redis use different ones. */
  ANSWER_QUEUE_PREFIX: z.string().trim().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" or "-"').default('travel-advisor'),
  /** Longest wait for one store (keyv) or queue (BullMQ) call before it counts as failed (503 for the API). */
  STORE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  /** SIGTERM/SIGINT: how long a graceful stop may take before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),

  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'a bot token starting with "xoxb-"').optional(),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'an app-level token starting with "xapp-"').optional(),
  SLACK_API_URL: z.url().optional(),
  /** Longest start-up wait for Slack's auth.test; past it start-up fails naming SLACK_API_URL. */
  SLACK_STARTUP_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(10_000),
  /** Longest estimated wait (queued messages × recent median answer time ÷ concurrency) before new messages get a "busy" reply; see create-work-queue.ts. */
  SLACK_QUEUE_MAX_WAIT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
  /** Hard cap on Slack messages waiting or being answered, whatever the estimate says (memory bound). */
  SLACK_QUEUE_MAX_MESSAGES: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  /** Slack user group or channel whose members may use /travel-desk. */
  SLACK_TRAVEL_DESK_USERGROUP: optionalString,
  SLACK_TRAVEL_DESK_CHANNEL: optionalString,

  /** The bot's Microsoft App ID (UserAssignedMSI: the managed identity's client id). */
  MICROSOFT_APP_ID: guid("the bot's Microsoft App ID from its Azure Bot registration").optional(),
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TENANT_ID: z
    .string()
    .trim()
    .regex(/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(\.[a-z0-9-]+)+)$/i, 'a tenant id (a GUID) or a verified domain such as contoso.onmicrosoft.com')
    .optional(),
  /** SingleTenant by default: Azure creates no new multi-tenant bots after 2025-07-31 (README "Install in Teams"). */
  MICROSOFT_APP_TYPE: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  /** Teams team (id) whose members may use the travel-desk commands. */
  TEAMS_TRAVEL_DESK_TEAM_ID: optionalString,
  /**
   * `on`: the Teams door runs without Bot Framework authentication, for the Agents
   * Playground / Emulator / tests on this machine. Only without MICROSOFT_APP_ID and on a
   * loopback HOST; travel-desk commands stay off.
   */
  TEAMS_LOCAL_MODE: flag.optional(),
  /**
   * Hosts the Teams door may call as a `serviceUrl` (inbound activities and stored
   * conversations), comma-separated; `*.example.com` matches subdomains. Unset: Microsoft's
   * (TEAMS_DEFAULT_SERVICE_HOSTS), plus loopback in local mode.
   */
  TEAMS_SERVICE_URL_HOSTS: z
    .string()
    .transform((s) => s.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$|^\[[0-9a-f:.]+\]$/, 'host names such as smba.trafficmanager.net, comma-separated')).min(1, 'at least one host'))
    .optional(),
  /** The Bot Framework OpenID metadata document whose keys sign incoming tokens (botbuilder's BotOpenIdMetadata). */
  TEAMS_OPENID_METADATA_URL: secureUrl.default(TEAMS_PUBLIC_CLOUD.openIdMetadataUrl),
  /** The `iss` of incoming tokens (botbuilder's ToBotFromChannelTokenIssuer); anything else is 401. */
  TEAMS_TOKEN_ISSUER: z.string().trim().min(1).default(TEAMS_PUBLIC_CLOUD.tokenIssuer),
  /**
   * The authority the bot asks for app tokens for its outgoing calls (botbuilder's
   * ToChannelFromBotLoginUrl; MSAL posts to <this>/oauth2/v2.0/token). Unset: Microsoft's
   * login host with `botframework.com`, or MICROSOFT_APP_TENANT_ID for SingleTenant.
   */
  TEAMS_LOGIN_URL: z.url().refine((u) => u.startsWith('https://'), 'an https:// URL (MSAL accepts no other)').optional(),
  /** The resource app tokens are for (botbuilder's ToChannelFromBotOAuthScope; `/.default` is added). */
  TEAMS_OAUTH_SCOPE: z.string().trim().min(1).default(TEAMS_PUBLIC_CLOUD.oauthScope),
  /**
   * `on`: a reminder for a traveller the bot has no chat with installs the app for them through
   * Microsoft Graph, then sends (docs/teams.md, "Proactive installation"); graph-install-problems.ts
   * says what it needs. Off: the travel desk is told, once per traveller, who cannot be reached.
   */
  TEAMS_GRAPH_INSTALL: flag.default('off'),
  /** The app's id in the organisation's Teams app catalog (Graph `appCatalogs/teamsApps/{id}`), which proactive installation installs. */
  TEAMS_APP_CATALOG_ID: guid("the app's id in your organisation's Teams app catalog").optional(),
  /** Microsoft Graph for proactive installation: another cloud's Graph (or the tests' double). */
  GRAPH_BASE_URL: secureUrl.default('https://graph.microsoft.com/v1.0'),
  /** The resource Graph app tokens are for, from TEAMS_LOGIN_URL (`/.default` is added). */
  GRAPH_SCOPE: z.string().trim().min(1).default('https://graph.microsoft.com'),
  /** The Bot Connector endpoint for a personal chat made by proactive installation (Microsoft's global one by default). */
  TEAMS_PROACTIVE_SERVICE_URL: secureUrl.default('https://smba.trafficmanager.net/teams/'),

  /** The model: see src/llm/model-endpoint.ts and docs/llm.md for how these combine. */
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
  OPENAI_API_VERSION: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/, 'an Azure OpenAI api-version such as 2024-10-21').optional(),
  AZURE_OPENAI_DEPLOYMENT: z.string().trim().regex(/^[A-Za-z0-9._-]{1,64}$/, 'an Azure OpenAI deployment name (letters, digits, . _ -)').optional(),
  OPENAI_AUTH: z.enum(['api-key', 'entra-id', 'none']).optional(),
  OPENAI_ENTRA_SCOPE: z.string().trim().min(1).default('https://cognitiveservices.azure.com/.default'),
  OPENAI_HEADERS: z
    .string()
    .transform((text, ctx) => {
      const parsed = parseModelHeaders(text);
      if ('problem' in parsed) ctx.addIssue({ code: 'custom', message: parsed.problem });
      return 'headers' in parsed ? parsed.headers : {};
    })
    .optional(),
  /** Read by the openai SDK itself, unchecked; refused so OPENAI_HEADERS is the one way in. */
  OPENAI_CUSTOM_HEADERS: z.string().optional(),
  AZURE_TENANT_ID: optionalString,
  AZURE_CLIENT_ID: optionalString,
  AZURE_CLIENT_SECRET: optionalString,
  AZURE_FEDERATED_TOKEN_FILE: optionalString,
  AZURE_AUTHORITY_HOST: secureUrl.optional(),
  /**
   * Outbound proxy for model calls; the lower-case spellings count too (they win, as in curl
   * and undici). Checked only when a model is configured (model-endpoint.ts), so a proxy
   * setting meant for other tools never stops a server that calls no model.
   */
  HTTPS_PROXY: optionalString,
  https_proxy: optionalString,
  HTTP_PROXY: optionalString,
  http_proxy: optionalString,
  NO_PROXY: z.string().optional(),
  no_proxy: z.string().optional(),

  /** Bearer token of /api/trips: long, no whitespace, not one character repeated. */
  TRAVEL_DESK_API_TOKEN: z
    .string()
    .min(16, 'at least 16 characters')
    .refine((t) => !/\s/.test(t), 'a token without spaces or other whitespace')
    .refine((t) => new Set(t).size >= 6, 'a random token (at least 6 different characters); generate one with `openssl rand -hex 32`')
    .optional(),
  /** End of a trip at most this many days ahead (travel-desk API); trip data is kept until after the end. */
  TRIP_HORIZON_DAYS: z.coerce.number().int().positive().default(730),
  /** Longest trip the travel-desk API accepts, in days. */
  TRIP_MAX_DAYS: z.coerce.number().int().positive().default(365),
  /** Unset: on only when HOST is loopback. `on` serves it on any bind (still only to PLAYGROUND_HOSTS). */
  PLAYGROUND: flag.optional(),
  /** Host names (Host header, port ignored) the playground answers to, comma-separated. */
  PLAYGROUND_HOSTS: z
    .string()
    .default('localhost,127.0.0.1,[::1]')
    .transform((s) =>
      s
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean)
        .map((h) => (h.includes(':') && !h.startsWith('[') ? `[${h}]` : h)),
    ),
  BRIEFING_DAYS_BEFORE: z.coerce.number().int().min(0).default(7),
  TRIP_RETENTION_DAYS: z.coerce.number().int().positive().default(30),
  /** How long a conversation thread remembers its destinations and trip for follow-ups (src/conversation/thread-memory.ts); never message text. */
  THREAD_MEMORY_HOURS: z.coerce.number().positive().max(24 * 90).default(24),
  /** Reminder deliveries per second across all workers, kept under Slack's/Teams' limits. */
  REMINDERS_PER_SECOND: z.coerce.number().int().positive().default(20),
  /** How long a 👍/👎 on an AI-written answer is kept (it holds no text and no user id; see src/feedback/). */
  FEEDBACK_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Slack channel id (C…/G…) the weekly security-team insights are posted to; the bot must be a member. See docs/insights.md. */
  INSIGHTS_SLACK_CHANNEL: z.string().trim().regex(/^[CG][A-Z0-9]{2,}$/, 'a Slack channel id such as C0123456789 (channel details → copy the id)').optional(),
  /** How long the per-day question counts behind the insights are kept (they hold no text and no user id). */
  INSIGHTS_RETENTION_DAYS: z.coerce.number().int().min(7).max(3650).default(90),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config extends RawConfig {
  slackMode: 'http' | 'socket' | 'off';
  /** `bot-framework` with MICROSOFT_APP_ID, `local` with TEAMS_LOCAL_MODE=on, otherwise off (/api/messages is 404). */
  teamsMode: 'bot-framework' | 'local' | 'off';
  teamsEnabled: boolean;
  /** TEAMS_SERVICE_URL_HOSTS, or its default for this mode. */
  teamsServiceUrlHosts: string[];
  /** TEAMS_LOGIN_URL, or Microsoft's login host with the tenant this app type signs in to. */
  teamsLoginUrl: string;
  playgroundEnabled: boolean;
  /** Why the playground is on or off, for the start-up line. */
  playgroundReason: string;
  /** The model server the summarizer calls, or null: extractive summaries only (src/llm/model-endpoint.ts). */
  model: ModelEndpoint | null;
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
    if (c.SLACK_APP_TOKEN && c.SLACK_SIGNING_SECRET)
      problems.push(
        'SLACK_SIGNING_SECRET, SLACK_APP_TOKEN: both set, and they choose different Slack modes; keep SLACK_SIGNING_SECRET for the HTTP Events API (Slack posts to /slack/events) or SLACK_APP_TOKEN (xapp-…) for Socket Mode, and unset the other',
      );
    else if (c.SLACK_APP_TOKEN) slackMode = 'socket';
    else if (!c.SLACK_SIGNING_SECRET)
      problems.push('SLACK_SIGNING_SECRET: missing; set it for the HTTP Events API, or set SLACK_APP_TOKEN (xapp-…) for Socket Mode');
    else slackMode = 'http';
  }
  problems.push(...tenancyProblems(c, Boolean(clean(env).MICROSOFT_APP_TYPE ?? overrides.MICROSOFT_APP_TYPE)));
  problems.push(...graphInstallProblems(c, c.TEAMS_SERVICE_URL_HOSTS ?? [...TEAMS_DEFAULT_SERVICE_HOSTS]));
  if (c.TEAMS_LOCAL_MODE === 'on' && c.MICROSOFT_APP_ID)
    problems.push('TEAMS_LOCAL_MODE: "on" turns Bot Framework authentication off; unset it when MICROSOFT_APP_ID is set');
  if (c.TEAMS_LOCAL_MODE === 'on' && !isLoopbackHost(c.HOST))
    problems.push(
      `HOST: "${c.HOST}" is not a loopback address, and TEAMS_LOCAL_MODE=on accepts unauthenticated Teams activities; bind to 127.0.0.1 (or ::1, localhost), or set MICROSOFT_APP_ID instead of TEAMS_LOCAL_MODE`,
    );
  const model = resolveModelEndpoint({
    ...c,
    HTTPS_PROXY: c.https_proxy ?? c.HTTPS_PROXY,
    HTTP_PROXY: c.http_proxy ?? c.HTTP_PROXY,
    NO_PROXY: c.no_proxy ?? c.NO_PROXY,
    proxyNames: { https: c.https_proxy ? 'https_proxy' : 'HTTPS_PROXY', http: c.http_proxy ? 'http_proxy' : 'HTTP_PROXY' },
  });
  problems.push(...model.problems);
  if (c.ANSWER_WORKERS === 'external' && !c.REDIS_URL)
    problems.push('ANSWER_WORKERS: "external" queues answers on BullMQ; set REDIS_URL (redis://…) too, or unset ANSWER_WORKERS to answer in this process');
  // Workers on other machines must see one thread memory (follow-ups), so not a local SQLite file.
  if (c.ANSWER_WORKERS === 'external' && !/^(redis|rediss|postgres|postgresql):/.test(c.STORE_URL ?? ''))
    problems.push('STORE_URL: ANSWER_WORKERS=external needs a store every worker shares (redis://… or postgres://…) for thread memory');
  if (c.OPENAI_CUSTOM_HEADERS)
    problems.push('OPENAI_CUSTOM_HEADERS: the openai SDK would send these unchecked; put the headers in OPENAI_HEADERS instead and unset it');
  if (problems.length) throw new ConfigError(problems);
  // Teams is off unless the bot's app id is set, or local mode is asked for explicitly (on loopback only).
  const teamsMode: Config['teamsMode'] = c.MICROSOFT_APP_ID ? 'bot-framework' : c.TEAMS_LOCAL_MODE === 'on' ? 'local' : 'off';
  return {
    ...c,
    model: model.endpoint,
    slackMode,
    teamsMode,
    teamsEnabled: teamsMode !== 'off',
    teamsServiceUrlHosts: c.TEAMS_SERVICE_URL_HOSTS ?? [...TEAMS_DEFAULT_SERVICE_HOSTS, ...(teamsMode === 'local' ? ['localhost', '127.0.0.1', '[::1]'] : [])],
    // As botbuilder does: a SingleTenant bot signs in to its own tenant, the others to botframework.com.
    teamsLoginUrl:
      c.TEAMS_LOGIN_URL?.replace(/\/+$/, '') ??
      `${TEAMS_PUBLIC_CLOUD.loginHost}/${c.MICROSOFT_APP_TYPE === 'SingleTenant' && c.MICROSOFT_APP_TENANT_ID ? c.MICROSOFT_APP_TENANT_ID : 'botframework.com'}`,
    // It has no login: on by default only where nobody else can reach it; PLAYGROUND=on is the explicit choice.
    playgroundEnabled: c.PLAYGROUND === 'on' || (c.PLAYGROUND === undefined && isLoopbackHost(c.HOST)),
    playgroundReason:
      c.PLAYGROUND !== undefined
        ? `PLAYGROUND=${c.PLAYGROUND}`
        : isLoopbackHost(c.HOST)
          ? `HOST=${c.HOST} is loopback; PLAYGROUND=off removes it`
          : `HOST=${c.HOST} is not loopback; PLAYGROUND=on serves it, to PLAYGROUND_HOSTS only`,
  };
}

/** What `npm run package:teams` needs: the app id and, optionally, the public URL. No secret. */
export interface TeamsPackageConfig {
  MICROSOFT_APP_ID: string;
  /** The HTTPS base URL Teams reaches the bot at; its host goes into the manifest's validDomains. */
  PUBLIC_URL?: string;
}

/**
 * The package command's own small config: zipping a manifest needs the bot's app id (a
 * GUID) and, to list the bot's host in `validDomains` and print the messaging endpoint,
 * PUBLIC_URL; never MICROSOFT_APP_PASSWORD or anything else the server checks.
 */
export function loadTeamsPackageConfig(env: Record<string, string | undefined> = process.env): TeamsPackageConfig {
  const schema = z.object({
    MICROSOFT_APP_ID: guid("the bot's Microsoft App ID from its Azure Bot registration"),
    PUBLIC_URL: z
      .url()
      .refine((u) => new URL(u).protocol === 'https:', 'an https:// URL (Teams calls bots over HTTPS only), e.g. https://advisor.example.com')
      .optional(),
  });
  const parsed = schema.safeParse(clean(env));
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((i) =>
      i.path[0] === 'MICROSOFT_APP_ID' && clean(env).MICROSOFT_APP_ID === undefined
        ? "MICROSOFT_APP_ID: missing; set it to the bot's Microsoft App ID (a GUID) from its Azure Bot registration"
        : `${i.path.join('.')}: ${/^invalid/i.test(i.message) ? i.message : `expected ${i.message}`}`,
    ),
  );
}
