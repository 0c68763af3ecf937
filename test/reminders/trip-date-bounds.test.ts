/**
 * Absurd trip dates get the HTTP API's refusal whichever way a trip is planned. The API
 * refused a trip in 1900, in 2200 or returning before it departs (400, naming the
 * bound); Slack's and Teams' "Remind me before I go" buttons (and the "remind me" message
 * and the playground form, through the same trip action) planned them, and a CSV import
 * accepted the year 2200. Now one check (src/reminders/check-trip-dates.ts) runs in the
 * reminder service for every trip, in the CSV parse for every row, and in the desk path:
 * the person is told the API's words, nothing is saved. Real server (createApp, SQLite
 * store, clock at 2026-11-23), Slack and Teams over HTTP against their doubles.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { parseTripsCsv } from '../../src/reminders/parse-trips-csv.js';
import { tripDateLimits } from '../../src/reminders/check-trip-dates.js';
import { NOW, startStorageApp, type StorageApp } from '../security/storage-app.js';
import { advisorFor } from './reminders-harness.js';

const CASES = [
  { name: 'in 1900', start: '1900-01-01', end: '1900-01-05', problem: /start: a date at most 30 days before today \(2026-11-23\)/ },
  { name: 'in 2200', start: '2200-01-01', end: '2200-01-05', problem: /end: a date at most 730 days after today \(2026-11-23; TRIP_HORIZON_DAYS\)/ },
  { name: 'returning before it departs', start: '2027-03-10', end: '2027-03-01', problem: /end: a date on or after start/ },
];

let s: StorageApp;
beforeAll(async () => {
  s = await startStorageApp({});
}, 60_000);
afterAll(() => s?.close());

/** Whether any stored trip names this traveller (read through the API, as a desk would). */
async function tripsOf(user: string): Promise<number> {
  const res = await s.call('GET', '/api/trips');
  expect(res.status).toBe(200);
  return (res.body!.trips as unknown[]).filter((t) => JSON.stringify(t).includes(user)).length;
}

describe.each(CASES)('a trip $name', ({ start, end, problem }) => {
  const tag = start.slice(0, 4) + end.slice(5, 7);

  it('is refused by the HTTP API (the reference refusal)', async () => {
    const res = await s.call('POST', '/api/trips', { traveller: { slackUserId: `U0API${tag}` }, destinations: ['Kazakhstan'], start, end });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(problem);
  });

  it('is refused to Slack\'s "Remind me before I go" button with the same words, nothing saved', async () => {
    const user = `U0BTN${tag}`;
    await s.slackRemindClick(user, { d: ['KZ'], s: start, e: end });
    const told = await s.slack.waitFor('chat.postEphemeral', (c) => c.args.user === user, 10_000);
    expect(String(told.args.text)).toMatch(/not valid/);
    expect(String(told.args.text)).toMatch(problem);
    expect(await tripsOf(user)).toBe(0);
  });

  it('is refused to Teams\' "Remind me before I go" card button with the same words', async () => {
    const reply = await s.teamsRemindClick({ countries: ['KZ'], start, end });
    expect(reply).toMatch(/not valid/);
    expect(reply).toMatch(problem);
  });

  it('is refused to Slack\'s /travel-desk remind', async () => {
    const reply = await s.slackDesk('U0DESK', `remind <@U0DSK${tag}|dsk> Kazakhstan ${start}..${end}`);
    expect(reply).toMatch(problem);
    expect(await tripsOf(`U0DSK${tag}`)).toBe(0);
  });

  it('is a named problem of its CSV row, and the valid row beside it is not', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent' });
    const csv = `email,destinations,start,end\nbad@example.com,Kazakhstan,${start},${end}\nok@example.com,Kazakhstan,2026-12-08,2026-12-12\n`;
    const parsed = await parseTripsCsv(Readable.from([csv]), {
      advisor: advisorFor(config),
      createdBy: 'csv',
      dateLimits: tripDateLimits(config, NOW),
    });
    expect(parsed.trips.map((t) => t.trip.traveller)).toEqual([{ email: 'ok@example.com' }]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]!.line).toBe(2);
    expect(parsed.problems[0]!.message).toMatch(problem);
  });
});
