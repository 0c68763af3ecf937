/**
 * Start-up's one call to Slack: `auth.test` with the bot token, bounded in time. The
 * answering client retries for minutes (right for answers, wrong at start-up, where an
 * unreachable SLACK_API_URL used to hang with "fetch failed" and no URL), so this call
 * has its own client: a few quick retries, a deadline, and an error that names the URL
 * and what to check. The result (bot id and user id) is what Bolt needs to ignore its
 * own messages, so Bolt itself never calls auth.test.
 */
import { webApi } from '@slack/bolt';
import { AdvisorError } from '../../errors.js';

/** Slack's Web API base when SLACK_API_URL is unset. */
export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

export interface SlackIdentity {
  botId: string;
  botUserId: string;
}

export interface CheckSlackConnectionOptions {
  token: string;
  /** SLACK_API_URL with its trailing slash, or undefined for Slack's. */
  apiUrl: string | undefined;
  /** Whether SLACK_API_URL was set (the message then names the variable). */
  apiUrlConfigured: boolean;
  fetch?: webApi.FetchFunction;
  timeoutMs: number;
}

/** The low-level cause of a failed request ("ECONNREFUSED", "ENOTFOUND", "timed out", "bad port"…), never a body. */
function causeOf(error: unknown): string {
  const original = (error as { original?: unknown }).original ?? error;
  const name = (original as { name?: unknown }).name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timed out';
  const cause = (original as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  const message = typeof cause?.message === 'string' ? cause.message : original instanceof Error ? original.message : String(original);
  return message.split('\n')[0]!.slice(0, 120);
}

/** The start-up check's own retries would log "http request failed" each time; its one error says it all. */
const quietLogger: webApi.Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => webApi.LogLevel.ERROR,
  setName: () => undefined,
};

/** Calls auth.test within `timeoutMs`; throws an AdvisorError saying what to fix. */
export async function checkSlackConnection(options: CheckSlackConnectionOptions): Promise<SlackIdentity> {
  const url = options.apiUrl ?? DEFAULT_SLACK_API_URL;
  const seconds = Math.round(options.timeoutMs / 100) / 10;
  const where = options.apiUrlConfigured ? `SLACK_API_URL (${url})` : `outbound HTTPS to ${url} (or set SLACK_API_URL to your egress proxy)`;
  const client = new webApi.WebClient(options.token, {
    slackApiUrl: options.apiUrl,
    fetch: options.fetch,
    logger: quietLogger,
    timeout: options.timeoutMs,
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1000 },
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { name: 'TimeoutError' })), options.timeoutMs);
  });
  try {
    const result = await Promise.race([client.auth.test(), deadline]);
    if (!result.bot_id || !result.user_id) throw new AdvisorError(`Slack's auth.test at ${url} did not name a bot: SLACK_BOT_TOKEN must be a bot token (xoxb-…).`, 'CONFIG_INVALID');
    return { botId: result.bot_id, botUserId: result.user_id };
  } catch (error) {
    if (error instanceof AdvisorError) throw error;
    if (error instanceof webApi.WebAPIPlatformError)
      throw new AdvisorError(
        `Slack did not accept the bot token (${error.data.error}): check SLACK_BOT_TOKEN${options.apiUrlConfigured ? ` and SLACK_API_URL (${url})` : ''}.`,
        'CONFIG_INVALID',
        { cause: error },
      );
    if (error instanceof webApi.WebAPIHTTPError)
      throw new AdvisorError(
        `Slack's Web API at ${url} answered auth.test with HTTP ${error.statusCode}: check ${where} points at Slack's Web API or a proxy that forwards to it.`,
        'CONFIG_INVALID',
        { cause: error },
      );
    throw new AdvisorError(
      `Slack's Web API at ${url} could not be reached (${causeOf(error)}; start-up waits at most ${seconds} s, SLACK_STARTUP_TIMEOUT_MS): check ${where}, DNS, and that the firewall or proxy lets this server reach it.`,
      'CONFIG_INVALID',
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}
