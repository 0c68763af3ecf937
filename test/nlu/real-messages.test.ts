/**
 * Proves the understander reads the messages that failed in use (issue 15, item 6):
 * itinerary lines in IATA airport codes (origin left out), country codes among other
 * words, territories answered as the country the content base files them under,
 * people whose names are places, city names in other languages, a trip that is over,
 * and device questions that name a country. Runs the real gazetteer and intents/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { NluUnderstander } from '../../src/understand/create-understander.js';
import { sharedUnderstander } from '../support/shared-understander.js';

const ctx = { now: new Date('2026-11-23T09:00:00Z'), timeZone: 'UTC' };
let u: NluUnderstander;
const read = (text: string) => u.understand(text, ctx);
const codes = (text: string) => read(text).places.map((p) => p.countryCode);

beforeAll(() => {
  u = sharedUnderstander();
});

describe('itineraries and codes', () => {
  it('"LHR-TSE 5 Dec" is a trip to Kazakhstan on 5 December: the departure airport is not a destination', () => {
    const r = read('LHR-TSE 5 Dec');
    expect(r).toMatchObject({ intent: 'trip', trip: { start: '2026-12-05' } });
    expect(r.places).toEqual([expect.objectContaining({ countryCode: 'KZ', kind: 'airport', text: 'TSE' })]);
  });

  it('a chain with a return lists each country once, in order; a domestic hop keeps its country', () => {
    expect(codes('FRA-IST-ALA 12 Jan, ALA-FRA 19 Jan')).toEqual(['TR', 'KZ']);
    expect(codes('JFK → SVO → TAS, Dec 10')).toEqual(['RU', 'UZ']);
    expect(codes('ALA-NQZ on Dec 3')).toEqual(['KZ']);
  });

  it('three capitals that are not an itinerary stay words: no date or flight word, or not every code an airport', () => {
    expect(codes('LGTM, merging the ABC-DEF branch')).toEqual([]);
    expect(codes('the QWX-LHR thing next week')).toEqual([]);
  });

  it('country codes among places, travel words and dates: "KZ + KG in Feb", "UZ/TJ next month", "trip to RU and BY in Jan"', () => {
    expect(read('KZ + KG in Feb')).toMatchObject({ intent: 'trip', trip: { start: '2027-02-01' } });
    expect(codes('KZ + KG in Feb')).toEqual(['KZ', 'KG']);
    expect(codes('UZ/TJ next month')).toEqual(['UZ', 'TJ']);
    expect(codes('trip to RU and BY in Jan')).toEqual(['RU', 'BY']);
  });

  it('but not among other words: "IT and HR are on the call", "the IT team is ready next week"', () => {
    expect(codes('IT and HR are on the call')).toEqual([]);
    expect(codes('the IT team is ready next week')).toEqual([]);
  });
});

describe('territories', () => {
  it('"visiting Crimea next month" is a trip answered for Ukraine, marked as the territory it is', () => {
    const r = read('visiting Crimea next month');
    expect(r).toMatchObject({ intent: 'trip', trip: { start: '2026-12-01' } });
    expect(r.places).toEqual([expect.objectContaining({ countryCode: 'UA', kind: 'territory', territory: 'Crimea' })]);
  });

  it('a city of a territory carries its territory; other territories go to the country that files them', () => {
    expect(read('Is Sevastopol risky?').places[0]).toMatchObject({ countryCode: 'UA', territory: 'Crimea' });
    expect(codes('travelling to Transnistria')).toEqual(['MD']);
    expect(codes('Abkhazia in the spring')).toEqual(['GE']);
    expect(read('work trip to Xinjiang in April').places[0]).toMatchObject({ countryCode: 'CN', territory: 'Xinjiang' });
    expect(read('Kyiv next week').places[0]!.territory).toBeUndefined();
  });
});

describe('people and places', () => {
  it.each([
    'Jordan from sales is travelling next week',
    'Israel from IT will set up your loaner laptop',
    'Chad from the legal team will join',
  ])('"%s" names a person, not a destination', (text) => {
    expect(read(text)).toMatchObject({ intent: 'none', places: [] });
  });

  it('people beside a real destination do not join the trip', () => {
    expect(codes('Chad and Georgia are flying to Almaty on Thursday')).toEqual(['KZ']);
    expect(codes('Florence is taking over the Tashkent visit')).toEqual(['UZ']);
  });

  it('"from" before a place is still a place: "travelling to Jordan from the UK"', () => {
    expect(codes('travelling to Jordan from the UK')).toEqual(['JO', 'GB']);
  });
});

describe('other names, trips that are over, country questions', () => {
  it('"voy a La Habana y Managua en enero" keeps Cuba; "Bangalore office visit" is India', () => {
    expect(read('voy a La Habana y Managua en enero')).toMatchObject({ intent: 'trip', trip: { start: '2027-01-01' } });
    expect(codes('voy a La Habana y Managua en enero')).toEqual(['CU', 'NI']);
    expect(read('Bangalore office visit')).toMatchObject({ intent: 'trip', places: [expect.objectContaining({ countryCode: 'IN' })] });
    expect(codes('me voy a Moscú la semana que viene')).toEqual(['RU']);
  });

  it('"back from Moscow yesterday, anything to do with my phone?" is the Russia trip, ended yesterday', () => {
    expect(read('back from Moscow yesterday, anything to do with my phone?')).toMatchObject({
      intent: 'trip',
      places: [expect.objectContaining({ countryCode: 'RU' })],
      trip: { start: null, end: '2026-11-22' },
    });
    expect(read('returned from Minsk on Friday, do I need to change my passwords?').intent).toBe('trip');
  });

  it.each([
    ['Is it safe to take my work laptop to Minsk?', 'BY'],
    ['should I use a burner phone in Iran?', 'IR'],
    ['do I need a VPN in Kazakhstan?', 'KZ'],
  ])('"%s" is a question about the country, not a general topic', (text, code) => {
    expect(read(text)).toMatchObject({ intent: 'country', places: [expect.objectContaining({ countryCode: code })] });
  });

  it('a device question with no place stays a topic', () => {
    expect(read('should I take my work laptop?').intent).toBe('topic');
  });
});
