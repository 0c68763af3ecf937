/**
 * Proves the composed advisor (buildAdvisor, as the CLI and every door get it) uses
 * the intents/ understander: destinations in order with trip dates, a low-confidence
 * misspelling answered with "Did you mean …?" instead of advice, a territory answered
 * as the country the content base files it under and saying so, the after-the-trip
 * items first once a trip is over, and numeric dates read by the user's locale.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { sharedAdvisor } from '../support/shared-advisor.js';
import type { Advisor } from '../../src/advisor/create-advisor.js';
import { answerToText } from '../../src/render/answer-to-text.js';

const now = new Date('2026-11-23T09:00:00Z');
let advisor: Advisor;

beforeAll(() => {
  advisor = sharedAdvisor(loadConfig({}));
});

describe('advisor with the intents/ understander', () => {
  it('"Almaty then Bishkek, 1-10 Dec" → destinations KZ then KG, trip 1–10 December', async () => {
    const a = await advisor.ask('Almaty then Bishkek, 1-10 Dec', { now });
    expect(a.intent).toBe('trip');
    expect(a.destinations.map((d) => d.countryCode)).toEqual(['KZ', 'KG']);
    expect(a.trip).toMatchObject({ start: '2026-12-01', end: '2026-12-10' });
  });

  it('a distant misspelling is a question back, not advice', async () => {
    const a = await advisor.ask('travelling to Krgzstn next week', { now });
    expect(a.intent).toBe('none');
    expect(a.destinations).toEqual([]);
    expect(a.message).toMatch(/^Did you mean .*Kyrgyz/);
  });

  it('"Jordan is on vacation next week" gets no destination', async () => {
    const a = await advisor.ask('Jordan is on vacation next week', { now });
    expect(a.destinations).toEqual([]);
    expect(a.intent).toBe('none');
  });

  it('"visiting Crimea next month" answers for Ukraine and says so, on the destination and in the message', async () => {
    const a = await advisor.ask('visiting Crimea next month', { now });
    expect(a.destinations.map((d) => d.countryCode)).toEqual(['UA']);
    expect(a.destinations[0]!.territory).toEqual({ name: 'Crimea', note: expect.stringMatching(/^Crimea has no assessment of its own: the content base files it under Ukraine/) });
    expect(a.message).toContain(a.destinations[0]!.territory!.note);
    expect(answerToText(a).split('\n')[0]).toMatch(/^Crimea has no assessment of its own/);
    const plain = await advisor.ask('visiting Ukraine next month', { now });
    expect(plain.destinations[0]!.territory).toBeNull();
    expect(plain.message ?? '').not.toMatch(/files it under/);
  });

  it('"back from Moscow yesterday, anything to do with my phone?" puts the after-the-trip actions first', async () => {
    const a = await advisor.ask('back from Moscow yesterday, anything to do with my phone?', { now });
    expect(a.intent).toBe('trip');
    expect(a.trip).toMatchObject({ start: null, end: '2026-11-22' });
    const afterItems = a.checklist.filter((c) => c.phase === 'after').length;
    expect(afterItems).toBeGreaterThan(0);
    expect(a.keyActions.slice(0, Math.min(afterItems, 5)).every((k) => k.phase === 'after')).toBe(true);
    expect(answerToText(a)).toContain('Trip: until 2026-11-22');
    // The same destination before the trip leads with what to do before it.
    const before = await advisor.ask('travelling to Moscow next week', { now });
    expect(before.keyActions[0]!.phase).not.toBe('after');
  });

  it('reads "Tbilisi 4/12" by the locale it is given: 4 December for en-GB, 12 April for en-US in New York', async () => {
    expect((await advisor.ask('Tbilisi 4/12', { now, locale: 'en-GB' })).trip?.start).toBe('2026-12-04');
    expect((await advisor.ask('Tbilisi 4/12', { now, locale: 'en-US', timeZone: 'America/New_York' })).trip?.start).toBe('2027-04-12');
  });
});
