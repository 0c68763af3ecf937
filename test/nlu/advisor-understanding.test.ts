/**
 * Proves the composed advisor (buildAdvisor, as the CLI and every door get it) uses
 * the intents/ understander: destinations in order with trip dates, and a
 * low-confidence misspelling answered with "Did you mean …?" instead of advice.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildAdvisor } from '../../src/app/build-advisor.js';
import type { Advisor } from '../../src/advisor/create-advisor.js';

const now = new Date('2026-11-23T09:00:00Z');
let advisor: Advisor;

beforeAll(() => {
  advisor = buildAdvisor(loadConfig({}));
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
});
