/**
 * Our JSON chat.postMessage (create-slack-poster.ts) over real HTTP against the Slack API
 * double, through the keep-alive pool the door uses. Proves the wire format is Slack's
 * JSON one (Content-Type with charset, bearer token, blocks as JSON, not a form), that it
 * fails as the Web API client did (platform errors not retried, a 429 waited out or, when
 * asked, thrown with its Retry-After, 5xx retried, a post Slack never answers timed out),
 * and that the double reads JSON as Slack does (no token from the body, `missing_charset`
 * warned, `invalid_json` refused), so tests of the other calls can trust it.
 */
import { Writable } from 'node:stream';
import { webApi } from '@slack/bolt';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackFetch, type SlackFetch } from '../../src/channels/slack/create-slack-fetch.js';
import { createSlackPoster, type SlackPosterOptions } from '../../src/channels/slack/create-slack-poster.js';
import { startSlackApiDouble, type SlackApiDouble } from '../doubles/slack-api-double.js';

let double: SlackApiDouble;
let slackFetch: SlackFetch;
const logLines: string[] = [];
const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _e, done) => (logLines.push(String(chunk)), done()) }));
const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Kyrgyzstan* – level 3 & "quoted" ü' } }];

function poster(options: Partial<SlackPosterOptions> = {}) {
  return createSlackPoster({ token: 'xoxb-poster', apiUrl: double.apiUrl, fetch: slackFetch, logger, ...options });
}
const attempts = (thread: string) => double.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === thread);

beforeAll(async () => {
  double = await startSlackApiDouble();
  slackFetch = createSlackFetch();
});
afterAll(async () => {
  await slackFetch?.close();
  await double?.close();
});

describe('JSON chat.postMessage', () => {
  it('posts the message as a UTF-8 JSON body with the bearer token, and returns Slack\'s answer', async () => {
    const result = await poster().postMessage({ channel: 'C1', thread_ts: '1.1', text: 'Kyrgyzstan: level 3', blocks, unfurl_links: false });
    expect(result).toMatchObject({ ok: true, channel: 'C1', ts: expect.stringMatching(/^\d+\.\d+$/) });
    const [call] = attempts('1.1');
    expect(call!.contentType).toBe('application/json; charset=utf-8');
    expect(call!.token).toBe('xoxb-poster');
    expect(call!.args).toEqual({ channel: 'C1', thread_ts: '1.1', text: 'Kyrgyzstan: level 3', blocks, unfurl_links: false });
    expect(logLines.join('')).not.toContain('warning');
  });

  it('throws a platform error such as channel_not_found at once, untried again, and logs no message text', async () => {
    double.failNext('chat.postMessage', { error: 'channel_not_found' });
    const error = await poster({ retryConfig: webApi.retryPolicies.rapidRetryPolicy }).postMessage({ channel: 'C404', thread_ts: '2.1', text: 'secret trip text' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(webApi.WebAPIPlatformError);
    expect((error as webApi.WebAPIPlatformError).data.error).toBe('channel_not_found');
    expect(attempts('2.1')).toHaveLength(1);
    expect(logLines.join('')).not.toContain('secret trip text');
  });

  it('waits out a 429 Retry-After, then posts the same body', async () => {
    double.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await poster({ retryConfig: webApi.retryPolicies.fiveRetriesInFiveMinutes }).postMessage({ channel: 'C1', thread_ts: '3.1', text: 'answer', blocks });
    const [first, second] = attempts('3.1');
    expect(attempts('3.1')).toHaveLength(2);
    expect(second!.atMs - first!.atMs).toBeGreaterThanOrEqual(950);
    expect(second!.args).toEqual(first!.args);
  });

  it('with rejectRateLimitedCalls, throws the 429 with its Retry-After for the caller to retry later', async () => {
    double.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const error = await poster({ rejectRateLimitedCalls: true, retryConfig: { retries: 2 } }).postMessage({ channel: 'U1', thread_ts: '4.1', text: 'reminder' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(webApi.WebAPIRateLimitedError);
    expect((error as webApi.WebAPIRateLimitedError).retryAfter).toBe(7);
    expect(attempts('4.1')).toHaveLength(1);
  });

  it('tries a 5xx again under the retry policy, and throws the HTTP error when the policy is spent', async () => {
    double.failNext('chat.postMessage', { status: 500 });
    await poster({ retryConfig: webApi.retryPolicies.rapidRetryPolicy }).postMessage({ channel: 'C1', thread_ts: '5.1', text: 'answer' });
    expect(attempts('5.1')).toHaveLength(2);
    double.failNext('chat.postMessage', { status: 503 });
    const error = await poster().postMessage({ channel: 'C1', thread_ts: '5.2', text: 'answer' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(webApi.WebAPIHTTPError);
    expect((error as webApi.WebAPIHTTPError).statusCode).toBe(503);
  });

  it('gives up on a post Slack never answers after the timeout, as a request error', async () => {
    double.holdNext('chat.postMessage', { arrives: false, predicate: (args) => args.thread_ts === '6.1' });
    const started = performance.now();
    const error = await poster({ timeoutMs: 300 }).postMessage({ channel: 'C1', thread_ts: '6.1', text: 'answer' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(webApi.WebAPIRequestError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(performance.now() - started).toBeLessThan(5000);
    double.release();
  });
});

describe('the Slack double reads JSON bodies as Slack does', () => {
  const post = (headers: Record<string, string>, body: string) => fetch(`${double.apiUrl}chat.postMessage`, { method: 'POST', headers, body }).then((r) => r.json() as Promise<Record<string, unknown>>);

  it('takes a JSON body\'s token only from Authorization, warns missing_charset, and refuses invalid JSON', async () => {
    expect(await post({ 'content-type': 'application/json; charset=utf-8' }, JSON.stringify({ token: 'xoxb-in-body', channel: 'C1', text: 'hi' }))).toEqual({ ok: false, error: 'not_authed' });
    expect(await post({ 'content-type': 'application/json', authorization: 'Bearer xoxb-1' }, JSON.stringify({ channel: 'C1', text: 'hi' }))).toMatchObject({
      ok: true, warning: 'missing_charset', response_metadata: { warnings: ['missing_charset'] },
    });
    expect(await post({ 'content-type': 'application/json; charset=utf-8', authorization: 'Bearer xoxb-1' }, '{"channel":')).toEqual({ ok: false, error: 'invalid_json' });
  });

  it('still reads form bodies as the Web API client sends them, nested fields parsed back', async () => {
    const form = new URLSearchParams({ token: 'xoxb-form', channel: 'C1', thread_ts: '7.1', blocks: JSON.stringify(blocks) }).toString();
    expect(await post({ 'content-type': 'application/x-www-form-urlencoded' }, form)).toMatchObject({ ok: true });
    expect(attempts('7.1')[0]!.args.blocks).toEqual(blocks);
  });

  it('logs Slack\'s warnings by their codes', async () => {
    const jsonWithoutCharset: typeof fetch = (url, init) => fetch(url, { ...init, headers: { ...(init!.headers as Record<string, string>), 'content-type': 'application/json' } });
    logLines.length = 0;
    await poster({ fetch: jsonWithoutCharset as unknown as webApi.FetchFunction }).postMessage({ channel: 'C1', thread_ts: '8.1', text: 'private words' });
    expect(logLines.join('')).toContain('missing_charset');
    expect(logLines.join('')).not.toContain('private words');
  });
});
