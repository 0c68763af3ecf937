/**
 * Proves the understander reads messages the way people write them: cities and
 * countries in order, flags, demonyms, misspellings (confident or "did you mean"),
 * Russian, people's names that are not places, Slack/Teams markup, and dates
 * against the user's "now" and time zone. Runs the real gazetteer and intents/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { NluUnderstander } from '../../src/understand/create-understander.js';
import { sharedUnderstander } from '../support/shared-understander.js';
import { normaliseSlackText } from '../../src/channels/slack/normalise-slack-text.js';
import { normaliseTeamsText } from '../../src/channels/teams/normalise-teams-text.js';

const now = new Date('2026-11-23T09:00:00Z'); // a Monday
const ctx = { now, timeZone: 'UTC' };
let u: NluUnderstander;
const codes = (text: string) => u.understand(text, ctx).places.map((p) => p.countryCode);

beforeAll(() => {
  u = sharedUnderstander();
});

describe('destinations', () => {
  it('reads "Almaty then Bishkek, 1-10 Dec" as Kazakhstan then Kyrgyzstan, 1 to 10 December', () => {
    const r = u.understand('Almaty then Bishkek, 1-10 Dec', ctx);
    expect(r.intent).toBe('trip');
    expect(r.places.map((p) => [p.countryCode, p.kind])).toEqual([['KZ', 'city'], ['KG', 'city']]);
    expect(r.trip).toMatchObject({ start: '2026-12-01', end: '2026-12-10', said: '1-10 Dec', startInferred: false });
  });

  it('reads a Slack flag (the Slack door makes it 🇰🇿) and "on the 1st"', () => {
    const r = u.understand(normaliseSlackText('off to :flag-kz: on the 1st'), ctx);
    expect(r.places[0]).toMatchObject({ countryCode: 'KZ', kind: 'flag' });
    expect(r.trip?.start).toBe('2026-12-01');
  });

  it('reads Unicode flags in order', () => {
    expect(codes('🇧🇾🇷🇺')).toEqual(['BY', 'RU']);
  });

  it('reads a demonym: "visiting our Uzbek office next week"', () => {
    const r = u.understand('visiting our Uzbek office next week', ctx);
    expect(r.intent).toBe('trip');
    expect(r.places[0]).toMatchObject({ countryCode: 'UZ', kind: 'demonym' });
  });

  it('takes a close misspelling with confidence: "Kirgizstan"', () => {
    const r = u.understand('Kirgizstan', ctx);
    expect(r.places).toEqual([expect.objectContaining({ countryCode: 'KG', kind: 'fuzzy' })]);
    expect(r.places[0]!.confidence).toBeGreaterThanOrEqual(0.85);
    expect(r.suggestions).toEqual([]);
  });

  it('offers a distant misspelling as a suggestion, not a place', () => {
    const r = u.understand('Krgzstn', ctx);
    expect(r.places).toEqual([]);
    expect(r.intent).toBe('none');
    expect(r.suggestions.map((s) => s.countryCode)).toEqual(['KG']);
    expect(r.suggestions[0]!.confidence).toBeLessThan(0.85);
  });

  it('misspelled two-word names, even after an English word: "New Zeland", "Sri Lanca"', () => {
    expect(codes('going to New Zeland and Sri Lanca')).toEqual(['NZ', 'LK']);
    expect(u.understand('Santa Claus', ctx).suggestions).toEqual([]);
  });

  it('never turns an English word into a country ("spam" is not Spain)', () => {
    const r = u.understand('spam', ctx);
    expect(r.places).toEqual([]);
    expect(r.suggestions).toEqual([]);
  });

  it('reads Russian with case endings: "еду в Казахстан на следующей неделе", "в Москву"', () => {
    const r = u.understand('еду в Казахстан на следующей неделе', ctx);
    expect(r.intent).toBe('trip');
    expect(codes('еду в Казахстан на следующей неделе')).toEqual(['KZ']);
    expect(r.trip).toMatchObject({ start: '2026-11-30', end: null, startInferred: true });
    expect(codes('лечу в Москву, потом в Бишкек')).toEqual(['RU', 'KG']);
  });

  it('reads Spanish names: "viajo a Kazajistán"', () => {
    expect(codes('viajo a Kazajistán la próxima semana')).toEqual(['KZ']);
  });

  it('former names and exonyms: Kirghizia, Byelorussia, Alma-Ata', () => {
    expect(codes('Kirghizia, Byelorussia and Alma-Ata')).toEqual(['KG', 'BY', 'KZ']);
  });

  it('ISO codes only when the message is just codes', () => {
    expect(codes('KZ')).toEqual(['KZ']);
    expect(codes('UZB')).toEqual(['UZ']);
    expect(codes('the IT team is ready')).toEqual([]);
  });

  it.each(['Jordan is on vacation next week', 'Chad will join', 'turkey sandwich', 'Mary will send the report'])(
    'finds no destination in "%s"',
    (text) => {
      const r = u.understand(text, ctx);
      expect(r.places).toEqual([]);
      expect(r.intent).toBe('none');
    },
  );

  it('the same names are places after a cue or in a list', () => {
    expect(codes('travelling to Jordan next week')).toEqual(['JO']);
    expect(codes('Kazakhstan and Turkey in March')).toEqual(['KZ', 'TR']);
    expect(codes('Jordan')).toEqual(['JO']);
  });

  it('"Atlanta, Georgia" is the United States; "Tbilisi, Georgia" is Georgia', () => {
    expect(codes('Atlanta, Georgia')).toEqual(['US']);
    expect(codes('Tbilisi, Georgia')).toEqual(['GE']);
  });

  it('an ambiguous name asked about as a place is a place; shaped like a person, it is not', () => {
    expect(u.understand('Is Georgia safe?', ctx)).toMatchObject({ intent: 'country', places: [expect.objectContaining({ countryCode: 'GE' })] });
    expect(codes('how risky is Jordan?')).toEqual(['JO']);
    expect(codes('Georgia Smith will present tomorrow')).toEqual([]);
    expect(codes('Chad, what is the risk there?')).toEqual([]);
    expect(codes('turkey, is it safe?')).toEqual([]);
  });

  it('a possessive makes an ambiguous name a person: "in Jordan\'s office"', () => {
    expect(codes("I'm in Jordan's office")).toEqual([]);
    expect(codes("Kazakhstan's surveillance law")).toEqual(['KZ']);
  });

  it('city spellings people use: "Tolyatti" (GeoNames: Tol’yatti), "Karaganda" (Karagandy), "New York"', () => {
    expect(codes('Tolyatti, Karaganda and New York')).toEqual(['RU', 'KZ', 'US']);
  });

  it('repeats collapse, order is kept', () => {
    expect(codes('Almaty and Kazakhstan, then Bishkek')).toEqual(['KZ', 'KG']);
  });
});

describe('markup', () => {
  it('ignores a Slack mention, once the Slack door removed it: "<@U0123> travelling to Kyrgyzstan next week"', () => {
    const r = u.understand(normaliseSlackText('<@U0123> travelling to Kyrgyzstan next week'), ctx);
    expect(r.text).toBe('travelling to Kyrgyzstan next week');
    expect(r.intent).toBe('trip');
    expect(r.places.map((p) => p.countryCode)).toEqual(['KG']);
  });

  it('reads a Teams mention (removed by the Teams door) and emphasis: "<at>Travel Bot</at> *Almaty* _next week_"', () => {
    const r = u.understand(normaliseTeamsText('<at>Travel Bot</at> *Almaty* _next week_'), ctx);
    expect(r.text).toBe('Almaty next week');
    expect(r.places.map((p) => p.countryCode)).toEqual(['KZ']);
  });
});

describe('intents', () => {
  it.each([
    ['what is SORM?', 'topic'],
    ['help', 'help'],
    ["I've done the checklist", 'acknowledge'],
    ['thanks!', 'none'],
    ['Kyrgyzstan', 'country'],
  ])('"%s" → %s', (text, intent) => {
    expect(u.understand(text, ctx).intent).toBe(intent);
  });

  it('"remind me before my Almaty trip on Dec 8" → remind, Kazakhstan, 8 December', () => {
    const r = u.understand('remind me before my Almaty trip on Dec 8', ctx);
    expect(r.intent).toBe('remind');
    expect(r.places.map((p) => p.countryCode)).toEqual(['KZ']);
    expect(r.trip?.start).toBe('2026-12-08');
  });
});

describe('dates', () => {
  const trip = (text: string, c = ctx) => u.understand(text, c).trip;

  it('"next week" is the Monday of next week, inferred, with no end', () => {
    expect(trip('Kazakhstan next week')).toMatchObject({ start: '2026-11-30', end: null, startInferred: true });
    const thursday = { now: new Date('2026-11-26T09:00:00Z'), timeZone: 'UTC' };
    expect(trip('Kazakhstan next week', thursday)?.start).toBe('2026-11-30');
  });

  it('"in January" asked in November is next January; a past month is next year', () => {
    expect(trip('Russia in January')).toMatchObject({ start: '2027-01-01', startInferred: true });
    expect(trip('Kazakhstan in October')?.start).toBe('2027-10-01');
  });

  it('"next month" is the first of next month, inferred', () => {
    expect(trip('Belarus next month')).toMatchObject({ start: '2026-12-01', startInferred: true });
  });

  it('ranges: "5-9 December", "from Jan 12 to Jan 20", ISO days', () => {
    expect(trip('Kyrgyzstan 5-9 December')).toMatchObject({ start: '2026-12-05', end: '2026-12-09' });
    expect(trip('Kazakhstan from Jan 12 to Jan 20')).toMatchObject({ start: '2027-01-12', end: '2027-01-20' });
    expect(trip('Uzbekistan 2027-02-10 to 2027-02-14')).toMatchObject({ start: '2027-02-10', end: '2027-02-14' });
  });

  it('a second, later date is the return: "Dec 1, back Dec 10"', () => {
    expect(trip('flying out to Minsk Dec 1, back Dec 10')).toMatchObject({ start: '2026-12-01', end: '2026-12-10' });
  });

  it('relative days count in the user\'s time zone', () => {
    // 20:00 UTC on the 23rd is already the 24th in Almaty (UTC+5), so tomorrow is the 25th.
    expect(trip('Kazakhstan tomorrow', { now: new Date('2026-11-23T20:00:00Z'), timeZone: 'Asia/Almaty' })?.start).toBe('2026-11-25');
    expect(trip('Kazakhstan tomorrow', { now: new Date('2026-11-23T20:00:00Z'), timeZone: 'UTC' })?.start).toBe('2026-11-24');
  });

  it('no dates, no trip', () => {
    expect(trip('Kyrgyzstan')).toBeNull();
  });
});
