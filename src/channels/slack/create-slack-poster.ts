/**
 * chat.postMessage as Slack's JSON POST (`Content-Type: application/json; charset=utf-8`,
 * the token in `Authorization: Bearer`), for the messages people wait for: answers,
 * busy replies and reminder DMs. @slack/web-api 8 always URL-encodes its bodies (about
 * 8 KB of Block Kit per answer) and builds a redacted, JSON-stringified copy of each body
 * for its debug log whatever the level; with the request queue and retry wrappers that was
 * about half of an answered mention's CPU (issue 18). The Web API client stays for every
 * other call.
 *
 * It behaves as the client it replaces, so callers keep their error handling: the same
 * base URL (SLACK_API_URL), fetch (the keep-alive pool of create-slack-fetch.ts) and
 * error classes: `ok: false` is a WebAPIPlatformError (not retried), a 429 waits out
 * Retry-After, holding every post of this poster, and tries again, or with
 * `rejectRateLimitedCalls` throws WebAPIRateLimitedError at once; another HTTP status is a
 * WebAPIHTTPError, a network failure or a timeout a WebAPIRequestError, both tried again
 * under `retryConfig` (the client's policy object; its backoff formula, minus jitter
 * unless `randomize`). Slack's warnings are logged as codes, never the message.
 */
import { webApi } from '@slack/bolt';
import type { Logger } from 'pino';

/** The longest one attempt may take; a post Slack has not answered by then is tried again. */
const POST_TIMEOUT_MS = 30_000;
const DEFAULT_API_URL = 'https://slack.com/api/';

export interface SlackPosterOptions {
  token: string;
  /** Web API base URL with its trailing slash (slackApiUrl of SLACK_API_URL); default slack.com. */
  apiUrl?: string;
  /** The door's keep-alive pool (create-slack-fetch.ts); default the global fetch. */
  fetch?: webApi.FetchFunction;
  logger: Logger;
  /** As the Web API client's `retryConfig`; default no retry. */
  retryConfig?: webApi.RetryOptions;
  /** Throw on 429 (the caller retries later, e.g. the reminder scheduler) instead of waiting. */
  rejectRateLimitedCalls?: boolean;
  timeoutMs?: number;
}

export interface SlackPoster {
  postMessage(args: webApi.ChatPostMessageArguments): Promise<webApi.ChatPostMessageResponse>;
}

type Result = webApi.WebAPICallResult & { error?: string; warning?: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The client's backoff (the `retry` package's formula), attempt 0 first. */
function backoffMs(policy: webApi.RetryOptions, attempt: number): number {
  const random = policy.randomize ? Math.random() + 1 : 1;
  const ms = Math.round(random * Math.max(policy.minTimeout ?? 1000, 1) * (policy.factor ?? 2) ** attempt);
  return Math.min(ms, policy.maxTimeout ?? Infinity);
}

export function createSlackPoster(options: SlackPosterOptions): SlackPoster {
  const url = `${options.apiUrl ?? DEFAULT_API_URL}chat.postMessage`;
  const headers = { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${options.token}` };
  // As p-retry reads the policy: no policy, no retry; a policy without `retries`, ten.
  const retries = options.retryConfig ? (options.retryConfig.retries ?? 10) : 0;
  const timeoutMs = options.timeoutMs ?? POST_TIMEOUT_MS;
  const fetch = options.fetch ?? (globalThis.fetch as unknown as webApi.FetchFunction);
  // A 429 holds every post of this poster until then, as the client pauses its request queue.
  let pausedUntil = 0;

  /** One attempt: Slack's answer, or the client's error for what went wrong. */
  async function attempt(body: string): Promise<Result> {
    let response: Awaited<ReturnType<webApi.FetchFunction>>;
    try {
      response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new webApi.WebAPIRequestError(error instanceof Error ? error : new Error(String(error)));
    }
    const text = await response.text();
    if (response.status === 429) {
      const retryAfter = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
      // No usable Retry-After: nothing says when to try again, so the caller decides (as the client does).
      if (Number.isNaN(retryAfter)) throw new webApi.WebAPIHTTPError(429, 'Too Many Requests', Object.fromEntries(response.headers.entries()), text);
      throw new webApi.WebAPIRateLimitedError(retryAfter);
    }
    if (response.status !== 200) throw new webApi.WebAPIHTTPError(response.status, response.statusText, Object.fromEntries(response.headers.entries()), text);
    let result: Result;
    try {
      result = JSON.parse(text) as Result;
    } catch {
      result = { ok: false, error: text };
    }
    const warnings = result.response_metadata?.warnings ?? (result.warning ? result.warning.split(',') : []);
    if (warnings.length || result.response_metadata?.messages) options.logger.warn({ lib: 'slack', method: 'chat.postMessage', warnings, messages: result.response_metadata?.messages }, 'Slack API warning');
    if (result.ok !== true) throw new webApi.WebAPIPlatformError({ ...result, error: String(result.error) });
    return result;
  }

  return {
    async postMessage(args) {
      const body = JSON.stringify(args);
      for (let n = 0; ; n++) {
        const wait = pausedUntil - Date.now();
        if (wait > 0) await sleep(wait);
        try {
          return (await attempt(body)) as webApi.ChatPostMessageResponse;
        } catch (error) {
          if (error instanceof webApi.WebAPIPlatformError || n >= retries) throw error;
          if (error instanceof webApi.WebAPIRateLimitedError) {
            if (options.rejectRateLimitedCalls) throw error;
            pausedUntil = Math.max(pausedUntil, Date.now() + error.retryAfter * 1000);
          } else if (error instanceof webApi.WebAPIHTTPError && error.statusCode === 429) {
            throw error;
          } else {
            await sleep(backoffMs(options.retryConfig!, n));
          }
        }
      }
    },
  };
}
