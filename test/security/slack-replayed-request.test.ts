/**
 * Finding 12: a signed Slack request is accepted once. Sending the same signed
 * `/travel` command again (a replay: same body, timestamp and signature) gets 401 and
 * no second answer, also when the copy reaches another replica sharing Redis (a copy
 * of an Events API callback is acknowledged like Slack's retries and answered once, by
 * its event_id); a
 * timestamp more than 5 minutes in the future gets 401 like one 5 minutes in the past,
 * while one inside the window is answered. Over real HTTP against the real server, with
 * answers counted at the Slack API double.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../doubles/slack-api-double.js';
import { fixture, postCommand, postEvent } from '../slack/slack-requests.js';
import { SECRET, mentionBody, startSlackHarness, type SlackHarness } from './slack-app-harness.js';

const run = randomUUID().slice(0, 8);
const NOW_S = () => Math.floor(Date.now() / 1000);

function travel(h: SlackHarness, responseId: string, text = 'Kyrgyzstan next week'): Record<string, string> {
  return { ...fixture<Record<string, string>>('slash-command'), text, trigger_id: `${run}.${responseId}`, response_url: h.double.responseUrl(`${run}-${responseId}`) };
}

function answersTo(h: SlackHarness, responseId: string): RecordedCall[] {
  return h.double.callsTo('response_url').filter((c) => c.responseId === `${run}-${responseId}`);
}

/** A later command's answer has arrived, and a little more time has passed: a duplicate would have shown by now. */
async function settle(h: SlackHarness, id: string): Promise<void> {
  expect((await postCommand(h.eventsUrl, SECRET, travel(h, id, 'Kazakhstan next week'))).status).toBe(200);
  await h.double.waitFor('response_url', (c) => c.responseId === `${run}-${id}`);
  await new Promise((r) => setTimeout(r, 300));
}

describe('replayed and future-dated Slack requests (one server)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers a signed /travel once; the identical request sent again gets 401 and no second answer', async () => {
    const fields = travel(h, 'once');
    const timestamp = NOW_S();
    expect((await postCommand(h.eventsUrl, SECRET, fields, { timestamp })).status).toBe(200);
    await h.double.waitFor('response_url', (c) => c.responseId === `${run}-once`);
    const replay = (await postCommand(h.eventsUrl, SECRET, fields, { timestamp })).status;
    await settle(h, 'once-marker');
    expect({ replay, answers: answersTo(h, 'once').length }).toEqual({ replay: 401, answers: 1 });
  });

  it('acknowledges a copy of a signed event, as it must Slack\'s own retries, and answers it once (event_id)', async () => {
    const mention = mentionBody('travelling to Kyrgyzstan next week, sent twice');
    const timestamp = NOW_S();
    const first = (await postEvent(h.eventsUrl, SECRET, mention, { timestamp })).status;
    await h.double.waitFor('chat.postMessage', (c) => c.args.thread_ts === mention.event.ts);
    const copy = (await postEvent(h.eventsUrl, SECRET, mention, { timestamp })).status;
    await settle(h, 'event-marker');
    const answers = h.double.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === mention.event.ts).length;
    expect({ first, copy, answers }).toEqual({ first: 200, copy: 200, answers: 1 });
  });

  it('refuses a timestamp 400 s in the future with 401 and never answers it', async () => {
    const future = mentionBody('travelling to Kyrgyzstan next week, from the future');
    const past = mentionBody('travelling to Kyrgyzstan next week, from the past');
    const statuses = {
      futureMention: (await postEvent(h.eventsUrl, SECRET, future, { timestamp: NOW_S() + 400 })).status,
      futureCommand: (await postCommand(h.eventsUrl, SECRET, travel(h, 'future'), { timestamp: NOW_S() + 400 })).status,
      pastMention: (await postEvent(h.eventsUrl, SECRET, past, { timestamp: NOW_S() - 400 })).status,
    };
    await settle(h, 'future-marker');
    const answered = {
      futureMention: h.double.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === future.event.ts).length,
      futureCommand: answersTo(h, 'future').length,
      pastMention: h.double.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === past.event.ts).length,
    };
    expect({ statuses, answered }).toEqual({
      statuses: { futureMention: 401, futureCommand: 401, pastMention: 401 },
      answered: { futureMention: 0, futureCommand: 0, pastMention: 0 },
    });
  });

  it('still answers a request whose timestamp is inside the window (2 minutes ahead)', async () => {
    const ahead = mentionBody('travelling to Kyrgyzstan next week, slightly ahead');
    expect((await postEvent(h.eventsUrl, SECRET, ahead, { timestamp: NOW_S() + 120 })).status).toBe(200);
    await h.double.waitFor('chat.postMessage', (c) => c.args.thread_ts === ahead.event.ts);
  });
});

describe('a replay reaching another replica that shares Redis', () => {
  const replicas: SlackHarness[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 2; i++) replicas.push(await startSlackHarness({ STORE_URL: 'redis://127.0.0.1:6379' }));
  });
  afterAll(async () => {
    for (const r of replicas) await r.close();
  });

  it('is refused there too: one answer in all', async () => {
    const [a, b] = replicas as [SlackHarness, SlackHarness];
    // Both replicas' answers go to replica a's double, so one count covers both.
    const fields = travel(a, 'replica');
    const timestamp = NOW_S();
    expect((await postCommand(a.eventsUrl, SECRET, fields, { timestamp })).status).toBe(200);
    await a.double.waitFor('response_url', (c) => c.responseId === `${run}-replica`);
    const replay = (await postCommand(b.eventsUrl, SECRET, fields, { timestamp })).status;
    await settle(b, 'replica-marker');
    expect({ replay, answers: answersTo(a, 'replica').length }).toEqual({ replay: 401, answers: 1 });
  });
});
