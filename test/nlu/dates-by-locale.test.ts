/**
 * Proves trip dates are read the way people write them: numeric dates day first or
 * month first by the user's locale and zone (a number above 12, dots, or the month a
 * range shares decide first; with no locale, the sooner reading), a length of stay
 * gives the end ("for 4 days"), parts of a month start on the 1st, 11th or 21st, and
 * after a return the one date said is the trip's end. Runs the real understander.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { NluUnderstander } from '../../src/understand/create-understander.js';
import { sharedUnderstander } from '../support/shared-understander.js';
import { dateOrder } from '../../src/understand/date-order.js';
import type { UnderstandContext } from '../../src/understand/types.js';

const now = new Date('2026-11-23T09:00:00Z'); // a Monday
let u: NluUnderstander;
const trip = (text: string, more: Partial<UnderstandContext> = {}) => u.understand(text, { now, timeZone: 'UTC', ...more }).trip;
const days = (text: string, more: Partial<UnderstandContext> = {}) => {
  const t = trip(text, more);
  return [t?.start ?? null, t?.end ?? null];
};

beforeAll(() => {
  u = sharedUnderstander();
});

describe('the user\'s date order', () => {
  it('is month first only for the United States and the places that follow it, where the zone agrees', () => {
    expect(dateOrder('en-US', 'America/New_York')).toBe('month-first');
    expect(dateOrder('es_US', 'America/Los_Angeles')).toBe('month-first');
    expect(dateOrder('en-PH', 'Asia/Manila')).toBe('month-first');
    expect(dateOrder('en-GB', 'Europe/London')).toBe('day-first');
    expect(dateOrder('ru-RU', 'Asia/Almaty')).toBe('day-first');
    expect(dateOrder('en-Latn-GB')).toBe('day-first');
  });

  it('is unknown without a locale, without a region, or for en-US (the apps\' default) far from the Americas', () => {
    expect(dateOrder(undefined)).toBe('unknown');
    expect(dateOrder('en')).toBe('unknown');
    expect(dateOrder('not a locale')).toBe('unknown');
    expect(dateOrder('en-US', 'Europe/Berlin')).toBe('unknown');
  });
});

describe('numeric dates', () => {
  it('"Tbilisi 1/12 - 5/12" is 1–5 December, never a four-month trip, whatever the locale', () => {
    for (const locale of [undefined, 'en-GB', 'en-US'])
      expect(days('Tbilisi 1/12 - 5/12', { locale, timeZone: locale === 'en-US' ? 'America/Chicago' : 'UTC' })).toEqual(['2026-12-01', '2026-12-05']);
  });

  it('"Minsk 12/4-12/8" is 4–8 December: the number both ends share is the month', () => {
    expect(days('Minsk 12/4-12/8', { locale: 'en-GB' })).toEqual(['2026-12-04', '2026-12-08']);
  });

  it('dotted dates and numbers above 12 are day first: "Ashgabat 15.12-20.12", "05.01.27", "Vilnius 25/11 – 28/11" for en-US', () => {
    expect(days('Ashgabat 15.12-20.12')).toEqual(['2026-12-15', '2026-12-20']);
    expect(days('Bishkek 05.01.27', { locale: 'en-US', timeZone: 'America/New_York' })).toEqual(['2027-01-05', null]);
    expect(days('Yerevan 3.1.2027 - 7.1.2027')).toEqual(['2027-01-03', '2027-01-07']);
    expect(days('Vilnius 25/11 – 28/11', { locale: 'en-US', timeZone: 'America/New_York' })).toEqual(['2026-11-25', '2026-11-28']);
    expect(days('командировка в Алматы 15.12-20.12')).toEqual(['2026-12-15', '2026-12-20']);
  });

  it('"Tbilisi 4/12" follows the locale: 4 December for en-GB, 12 April for en-US in New York', () => {
    expect(days('Tbilisi 4/12', { locale: 'en-GB' })).toEqual(['2026-12-04', null]);
    expect(days('Tbilisi 4/12', { locale: 'en-US', timeZone: 'America/New_York' })).toEqual(['2027-04-12', null]);
    // en-US is every app's default: in Berlin it does not decide, and the sooner reading wins.
    expect(days('Tbilisi 4/12', { locale: 'en-US', timeZone: 'Europe/Berlin' })).toEqual(['2026-12-04', null]);
  });

  it('with no locale known, the reading that comes sooner: "12/03" on 23 November is 3 December', () => {
    expect(days('Tashkent on 12/03')).toEqual(['2026-12-03', null]);
    expect(days('Tashkent on 12/03', { locale: 'en-GB' })).toEqual(['2027-03-12', null]);
  });

  it('a range into the new year ends next year; a version number or an amount is no date', () => {
    expect(days('Almaty 28/12 - 3/1')).toEqual(['2026-12-28', '2027-01-03']);
    expect(trip('upgrade to version 2.10 please')).toBeNull();
    expect(trip('the new build is 3.1 times faster')).toBeNull();
    expect(trip('support is 24/7')).toBeNull();
  });
});

describe('length of stay, parts of a month, after the trip', () => {
  it('a length gives the end, counting the first day: "for 4 days", "2 weeks starting Jan 5", "a week in Osh from the 7th"', () => {
    expect(days('Tashkent on 12/03 for 4 days')).toEqual(['2026-12-03', '2026-12-06']);
    expect(days('Kazakhstan, 2 weeks starting Jan 5')).toEqual(['2027-01-05', '2027-01-18']);
    expect(days('in Astana for 10 days from Dec 2')).toEqual(['2026-12-02', '2026-12-11']);
    expect(days('a week in Osh from the 7th')).toEqual(['2026-12-07', '2026-12-13']);
    expect(days('Baku for 3 nights from Dec 10')).toEqual(['2026-12-10', '2026-12-13']);
  });

  it('"in two weeks" and "2 days before" stay moments, not lengths', () => {
    expect(days('Uzbekistan in two weeks')).toEqual(['2026-12-07', null]);
    expect(trip('remind me 2 days before my Tashkent trip')?.end ?? null).toBeNull();
  });

  it('"late January" starts on the 21st, "mid-December" the 11th, "early March" the 1st, inferred', () => {
    expect(trip('Kyrgyzstan late January')).toMatchObject({ start: '2027-01-21', end: null, startInferred: true });
    expect(trip('Tashkent mid-December')?.start).toBe('2026-12-11');
    expect(trip('end of December in Baku')?.start).toBe('2026-12-21');
    expect(trip('Almaty early March')?.start).toBe('2027-03-01');
    expect(trip('viaje a Lima a finales de enero')?.start).toBe('2027-01-21');
  });

  it('after a return the date is the end, in the past: "back from Moscow yesterday", "returned from Minsk on Friday"', () => {
    expect(trip('back from Moscow yesterday, anything to do with my phone?')).toMatchObject({ start: null, end: '2026-11-22' });
    expect(trip('returned from Minsk on Friday, do I need to change my passwords?')).toMatchObject({ start: null, end: '2026-11-20' });
    expect(trip('вернулся из Москвы вчера')).toMatchObject({ start: null, end: '2026-11-22' });
    expect(trip('just got back from Almaty')).toBeNull();
  });
});
