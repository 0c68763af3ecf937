/**
 * The contract every door runs (Slack, Teams, the playground, the CLI), each through its
 * own real way in: it ignores its own messages where it can receive them; it renders every
 * Answer fixture (test/fixtures/answers) within its limits; it answers an uncovered country
 * as such ("not assessed"/screened, never "baseline"); in a thread it follows up ("what
 * about the VPN there?" after Kyrgyzstan is about Kyrgyzstan's VPN law); and "remind me"
 * then "I've done the checklist" plans the trip and records the acknowledgement in the
 * store, or, in a door that cannot deliver reminders, says so plainly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/advisor/answer.js';
import type { TripView } from '../../src/reminders/types.js';
import { ANSWER_FIXTURES, answerFixture } from '../fixtures/answers/answer-fixtures.js';

export interface DoorUnderTest {
  /** Sends `text` as the door's test user in `thread` (a name; each door makes its own thread from it); resolves to all the text shown in reply. */
  say(text: string, thread: string): Promise<string>;
  /** Where the door can receive messages written by bots (itself included): sends one, resolves to whether it was left unanswered. */
  ignoresOwnMessage?(): Promise<boolean>;
  /** What breaks this door's limits when it renders `answer`; [] when nothing does. */
  limitProblems(answer: Answer): string[];
  /** Whether the door keeps thread memory (the CLI keeps none: each run stands alone). */
  threads: boolean;
  /** The test user's trips, read from the store; null where the door keeps no trips (it cannot deliver reminders). */
  trips: (() => Promise<TripView[]>) | null;
  close(): Promise<void>;
}

export function doorContract(name: string, open: () => Promise<DoorUnderTest>): void {
  describe(`${name} door contract`, () => {
    let door: DoorUnderTest;
    beforeAll(async () => {
      door = await open();
    }, 120_000);
    afterAll(() => door?.close());

    it('ignores messages written by bots, its own included (where it can receive them)', async (ctx) => {
      if (!door.ignoresOwnMessage) return ctx.skip();
      expect(await door.ignoresOwnMessage()).toBe(true);
    });

    it('renders every Answer fixture within its limits', () => {
      for (const fixture of ANSWER_FIXTURES) expect(door.limitProblems(answerFixture(fixture)), fixture).toEqual([]);
    });

    it('answers an uncovered country (Mongolia) as not assessed or screened, never as baseline', async () => {
      const said = await door.say('travelling to Mongolia next month', 'uncovered');
      expect(said).toMatch(/Mongolia/);
      expect(said).toMatch(/not assessed|screened/i);
      expect(said).not.toMatch(/\bbaseline\b|normal habits/i);
    }, 60_000);

    it('follows up in a thread: "what about the VPN there?" after Kyrgyzstan is about Kyrgyzstan\'s VPN law', async (ctx) => {
      if (!door.threads) return ctx.skip();
      await door.say('travelling to Kyrgyzstan next week', 'follow-up');
      expect(await door.say('what about the VPN there?', 'follow-up')).toMatch(/VPN law in Kyrgyzstan/);
    }, 60_000);

    it('plans the thread\'s trip on "remind me" and records a typed "I\'ve done the checklist" (or says it cannot)', async () => {
      if (!door.trips) {
        expect(await door.say('remind me before my Almaty trip on Dec 8', 'remind')).toMatch(/cannot send reminders here/i);
        expect(await door.say("I've done the checklist", 'remind')).toMatch(/cannot send reminders here/i);
        return;
      }
      const trips = door.trips;
      const first = door.threads ? 'travelling to Kyrgyzstan next week' : 'remind me before my Kyrgyzstan trip next week';
      await door.say(first, 'remind');
      if (door.threads) expect(await door.say('remind me', 'remind')).toMatch(/Trip to Kyrgyzstan from \S+ saved/);
      const planned = (await trips()).filter((t) => t.destinations.join() === 'KG');
      expect(planned).toHaveLength(1);
      expect(await door.say("I've done the checklist", 'remind')).toMatch(/noted that you have done the checklist for your trip to Kyrgyzstan/);
      expect((await trips()).find((t) => t.id === planned[0]!.id)?.acknowledgedAt).toEqual(expect.any(String));
    }, 60_000);
  });
}
