/**
 * Finding 11: a correctly signed Slack request whose body is JSON `null` (or the form
 * `payload=null`, or any other JSON that is not an object) gets 400 and the process
 * keeps serving. Proved twice over real HTTP with correctly signed requests: against
 * the in-process server from createApp (where Bolt's unhandled rejection used to leave
 * the request unanswered), and against `node dist/main.js` itself (which that rejection
 * used to end), followed in both by a mention that is still answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackApiDouble, type SlackApiDouble } from '../doubles/slack-api-double.js';
import { postEvent, postSigned, slackSignature } from '../slack/slack-requests.js';
import { SECRET, mentionBody, startSlackHarness, type SlackHarness } from './slack-app-harness.js';
import { spawnSlackServer, type SlackServerProcess } from './slack-server-process.js';

const FORM = 'application/x-www-form-urlencoded';

/** Signed bodies that parse to something other than a JSON object. */
const NOT_OBJECTS: Array<[string, string, string]> = [
  ['JSON null', 'null', 'application/json'],
  ['payload=null', 'payload=null', FORM],
  ['JSON array', '[]', 'application/json'],
  ['JSON number', '42', 'application/json'],
  ['JSON string', '"event_callback"', 'application/json'],
  ['payload=[1]', 'payload=%5B1%5D', FORM],
];

async function statusOf(url: string, body: string, contentType: string): Promise<number | string> {
  try {
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': slackSignature(SECRET, timestamp, body) },
      body,
      // A request left unanswered (the bug) never ends; an answer at load 20 took over 5 s.
      signal: AbortSignal.timeout(20_000),
    });
    return res.status;
  } catch (error) {
    return `no answer (${(error as Error).name})`;
  }
}

describe('a signed Slack request whose body is not a JSON object (in-process server)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each(NOT_OBJECTS)('answers %s with 400', async (_name, body, contentType) => {
    expect(await statusOf(h.eventsUrl, body, contentType)).toBe(400);
  });

  it('still answers a mention afterwards', async () => {
    const mention = mentionBody('travelling to Kyrgyzstan next week');
    expect((await postEvent(h.eventsUrl, SECRET, mention)).status).toBe(200);
    const post = await h.double.waitFor('chat.postMessage', (c) => c.args.thread_ts === mention.event.ts);
    expect(JSON.stringify(post.args.blocks)).toContain('Kyrgyzstan');
  });
});

describe('a signed null body sent to the real process (node dist/main.js)', () => {
  let double: SlackApiDouble;
  let server: SlackServerProcess;
  let eventsUrl: string;
  beforeAll(async () => {
    double = await startSlackApiDouble();
    server = spawnSlackServer({ SLACK_BOT_TOKEN: 'xoxb-process-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: double.apiUrl });
    eventsUrl = `${await server.listening()}/slack/events`;
  });
  afterAll(async () => {
    await server?.stop();
    await double?.close();
  });

  it('answers 400 to `null` and `payload=null`, stays up, and answers the next mention', async () => {
    expect(await statusOf(eventsUrl, 'null', 'application/json')).toBe(400);
    expect(await statusOf(eventsUrl, 'payload=null', FORM)).toBe(400);
    // Give an unhandled rejection time to end the process, as it did before the fix.
    await new Promise((r) => setTimeout(r, 500));
    expect(server.exited()).toBeNull();
    const mention = mentionBody('travelling to Kazakhstan next week');
    const res = await postSigned(eventsUrl, SECRET, JSON.stringify(mention), 'application/json');
    expect(res.status).toBe(200);
    const post = await double.waitFor('chat.postMessage', (c) => c.args.thread_ts === mention.event.ts);
    expect(JSON.stringify(post.args.blocks)).toContain('Kazakhstan');
    expect(server.output()).not.toContain('TypeError');
  });
});
