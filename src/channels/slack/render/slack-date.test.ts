/**
 * Times in Slack messages are Slack date tokens, so every reader's client shows its own
 * zone, and the fallback (notifications, older clients) is written in the zone of the
 * person the message is for: a traveller in Bishkek reads 15:00 GMT+6, one in Los
 * Angeles 01:00 PST, for the same 09:00 UTC reminder. The Home tab's list uses them too,
 * and decides "upcoming" by the user's own calendar day.
 */
import { describe, expect, it } from 'vitest';
import type { TripView } from '../../../reminders/types.js';
import { texts } from '../../../../test/slack/slack-limits-check.js';
import type { SlackBlock } from './block-parts.js';
import { homeView } from './home-view.js';
import { slackDate } from './slack-date.js';

const trip = (end: string, dueAt: string): TripView => ({
  id: `t-${end}`, traveller: { platform: 'slack', userId: 'U1' }, createdBy: 'U1', source: 'button', acknowledgedAt: null,
  destinations: ['KG'], start: end, end, reminders: [{ id: 'r1', kind: 'day-before', dueAt, status: 'scheduled' }],
});

describe('slackDate', () => {
  it("is a date token for the instant whose fallback is the reader's local time", () => {
    expect(slackDate('2026-11-30T09:00:00Z', 'Asia/Bishkek')).toBe('<!date^1796029200^{date_short_pretty} at {time}|2026-11-30 15:00 GMT+6>');
    expect(slackDate(new Date('2026-11-30T09:00:00Z'), 'America/Los_Angeles')).toBe('<!date^1796029200^{date_short_pretty} at {time}|2026-11-30 01:00 PST>');
    expect(slackDate('2026-11-30T09:00:00Z', 'UTC')).toBe('<!date^1796029200^{date_short_pretty} at {time}|2026-11-30 09:00 UTC>');
  });

  it('never writes a broken token for a value that is not an instant', () => {
    expect(slackDate('not a date <!channel>', 'UTC')).toBe('not a date &lt;!channel&gt;');
  });
});

describe('homeView in the user\'s zone', () => {
  it("shows reminder times as tokens with the user's fallback, and keeps a trip ending today in their zone", () => {
    // 20:00 UTC on 30 Nov is already 1 Dec in Bishkek: the trip that ended on 30 Nov is past there, not in UTC.
    const now = new Date('2026-11-30T20:00:00Z');
    const trips = [trip('2026-11-30', '2026-11-30T09:00:00Z'), trip('2026-12-01', '2026-12-01T09:00:00Z')];
    const bishkek = texts(homeView({ now, timeZone: 'Asia/Bishkek', trips }).blocks as SlackBlock[]);
    expect(bishkek).toContain('*Your upcoming trips* (1)');
    expect(bishkek).toContain('Day-before check: <!date^1796115600^{date_short_pretty} at {time}|2026-12-01 15:00 GMT+6> (scheduled)');
    const utc = texts(homeView({ now, trips }).blocks as SlackBlock[]);
    expect(utc).toContain('*Your upcoming trips* (2)');
    expect(utc).toContain('|2026-12-01 09:00 UTC> (scheduled)');
  });
});
