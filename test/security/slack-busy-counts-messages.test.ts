/**
 * Finding 14: the Slack door's "busy" limit counts incoming messages, not listener
 * jobs. A mention runs two listeners (the answer and "remind me"); both share the
 * message's one place in the queue. So a burst of distinct mentions up to the stated
 * cap is answered in full, and only messages past the cap get the busy reply, exactly
 * one reply per thread. Answers are held back (the advisor waits on a gate) until the
 * whole burst is acknowledged, so nothing drains the queue mid-burst; counts are read
 * at the Slack API double. The last test uses the shipped defaults (an estimated-wait
 * bound with a 10,000-message cap) with a held-back burst of 1,500, more than the old
 * fixed cap of 1,000 messages (and the 500 the old job count really allowed).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Advisor } from '../../src/advisor/create-advisor.js';
import { sharedAdvisor } from '../support/shared-advisor.js';
import { loadConfig } from '../../src/config.js';
import { processCpuMs } from '../../src/channels/slack/create-work-queue.js';
import { BUSY_REPLY } from '../../src/channels/slack/listeners/reply-with-answer.js';
import type { SlackDoorOptions } from '../../src/channels/slack/create-slack-door.js';
import { postEvent } from '../slack/slack-requests.js';
import type { RecordedCall } from '../doubles/slack-api-double.js';
import { SECRET, mentionBody, startSlackHarness, type SlackHarness } from './slack-app-harness.js';

let real: Advisor | null = null;
let h: SlackHarness | null = null;

afterEach(async () => {
  await h?.close();
  h = null;
});

/** The real advisor, whose answers wait until `open()`. */
function gatedAdvisor(): { advisor: Advisor; open(): void } {
  real ??= sharedAdvisor(loadConfig({ LOG_LEVEL: 'silent' }));
  const base = real;
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  return {
    advisor: { ...base, ask: async (text, options) => (await gate, base.ask(text, options)) },
    open,
  };
}

/** Sends `n` distinct mentions, `parallel` at a time, each acknowledged; returns their thread ts. */
async function burst(h: SlackHarness, n: number, parallel = 1): Promise<string[]> {
  const bodies = Array.from({ length: n }, (_, i) => mentionBody(`travelling to Kyrgyzstan next week (${i})`));
  for (let i = 0; i < n; i += parallel) {
    const statuses = await Promise.all(bodies.slice(i, i + parallel).map((b) => postEvent(h.eventsUrl, SECRET, b).then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);
  }
  return bodies.map((b) => b.event.ts);
}

/** Waits until every thread has a reply, then tells answers from busy replies. */
async function replies(h: SlackHarness, threads: string[]): Promise<{ answers: number; busy: number; perThread: number[] }> {
  const wanted = new Set(threads);
  const answered = new Set<string>();
  // Counted as calls arrive (a Set, not a scan of every call on every call: bursts are thousands).
  const inThread = (c: RecordedCall) => wanted.has(String(c.args.thread_ts));
  await h.double.waitFor('chat.postMessage', (c) => {
    if (inThread(c)) answered.add(String(c.args.thread_ts));
    return answered.size === wanted.size;
  }, 60_000);
  const posts = h.double.callsTo('chat.postMessage').filter(inThread);
  const per = new Map<string, number>();
  for (const c of posts) per.set(String(c.args.thread_ts), (per.get(String(c.args.thread_ts)) ?? 0) + 1);
  return {
    answers: posts.filter((c) => Array.isArray(c.args.blocks)).length,
    busy: posts.filter((c) => c.args.text === BUSY_REPLY).length,
    perThread: threads.map((t) => per.get(t) ?? 0),
  };
}

async function start(slack: SlackDoorOptions | undefined) {
  const gated = gatedAdvisor();
  h = await startSlackHarness({}, { advisor: gated.advisor, slack });
  return { h, open: gated.open };
}

describe('Slack busy limit counts messages', () => {
  it('answers a burst of 8 distinct mentions in full when the cap is 8 messages', async () => {
    const { h, open } = await start({ maxPending: 8, concurrency: 1 });
    const threads = await burst(h, 8);
    open();
    const r = await replies(h, threads);
    expect(r).toEqual({ answers: 8, busy: 0, perThread: Array(8).fill(1) });
  });

  it('past a cap of 3, answers 3 of 5 mentions and tells exactly the other 2 it is busy', async () => {
    const { h, open } = await start({ maxPending: 3, concurrency: 1 });
    const threads = await burst(h, 5);
    // The busy replies go out at once, the answers wait for the gate: open it only once
    // every mention has been through its listeners (or after 5 s, if no busy reply comes).
    await h.double.waitFor('chat.postMessage', () => h.double.callsTo('chat.postMessage').filter((c) => c.args.text === BUSY_REPLY).length === 2, 5_000).catch(() => undefined);
    open();
    const r = await replies(h, threads);
    expect(r).toEqual({ answers: 3, busy: 2, perThread: Array(5).fill(1) });
    // The places are given back: a later mention is answered.
    const later = await burst(h, 1);
    expect(await replies(h, later)).toEqual({ answers: 1, busy: 0, perThread: [1] });
  });

  it('with the default limits, answers a held-back burst of 1,500 mentions in full (no measurement yet)', async () => {
    // The shipped limits; the wait bound on this process's CPU time, not the wall clock: held-back
    // answers wait by design, and at load 19 acknowledging 1,500 mentions took over 20 s of wall
    // time, so the oldest-wait rule told half of them "busy" (a few seconds of CPU here).
    const { h, open } = await start({ queueNow: processCpuMs });
    const threads = await burst(h, 1500, 50);
    open();
    const r = await replies(h, threads);
    expect({ answers: r.answers, busy: r.busy }).toEqual({ answers: 1500, busy: 0 });
    expect(r.perThread.every((n) => n === 1)).toBe(true);
  }, 120_000);
});
