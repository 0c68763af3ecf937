/**
 * Where a Teams user's zone comes from: the activity's `localTimezone`, else the
 * `timezone` of Teams' `clientInfo` entity, else DEFAULT_TIMEZONE; a zone the runtime
 * does not know (anyone can write the activity in local mode) falls back instead of
 * failing the turn. test/teams/teams-user-time.e2e.test.ts shows it end to end.
 */
import { describe, expect, it } from 'vitest';
import { teamsTimeZone } from './teams-time-zone.js';

const clientInfo = (timezone: unknown) => [{ type: 'mention' }, { type: 'clientInfo', locale: 'en-US', timezone }];

describe('teamsTimeZone', () => {
  it('reads localTimezone first, then the clientInfo entity, then the fallback', () => {
    expect(teamsTimeZone({ localTimezone: 'America/Los_Angeles', entities: clientInfo('Asia/Bishkek') }, 'UTC')).toBe('America/Los_Angeles');
    expect(teamsTimeZone({ entities: clientInfo('Asia/Bishkek') }, 'UTC')).toBe('Asia/Bishkek');
    expect(teamsTimeZone({}, 'Europe/Berlin')).toBe('Europe/Berlin');
  });

  it('falls back past zones the runtime does not know, and past values that are not names at all', () => {
    expect(teamsTimeZone({ localTimezone: 'Not/AZone', entities: clientInfo('Asia/Bishkek') }, 'UTC')).toBe('Asia/Bishkek');
    expect(teamsTimeZone({ localTimezone: '+05:00', entities: clientInfo({ zone: 'x' }) }, 'UTC')).toBe('UTC');
    expect(teamsTimeZone({ localTimezone: 'A'.repeat(500) }, 'UTC')).toBe('UTC');
  });
});
