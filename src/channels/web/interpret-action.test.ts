/**
 * A button pressed in the playground means what it means to the Slack or Teams door:
 * read with the doors' own action ids and schemas, malformed values refused.
 */
import { describe, expect, it } from 'vitest';
import { interpretAction } from './interpret-action.js';
import { ACTION_IDS } from '../slack/actions.js';

describe('interpretAction', () => {
  it('reads Slack "Remind me before I go", "I\'ve done the checklist" and "Snooze"', () => {
    expect(interpretAction({ platform: 'slack', actionId: ACTION_IDS.remind, value: '{"d":["KG"],"s":"2026-11-30","e":null}' })).toEqual({
      kind: 'remind',
      destinations: ['KG'],
      start: '2026-11-30',
      end: null,
    });
    expect(interpretAction({ platform: 'slack', actionId: ACTION_IDS.acknowledge, value: '{"t":"trip-1","r":"rem-1"}' })).toEqual({
      kind: 'acknowledge',
      tripId: 'trip-1',
      reminderId: 'rem-1',
    });
    expect(interpretAction({ platform: 'slack', actionId: ACTION_IDS.snooze, value: '{"t":"trip-1","r":"rem-1"}' })).toEqual({
      kind: 'snooze',
      tripId: 'trip-1',
      reminderId: 'rem-1',
      hours: 24,
    });
  });

  it('refuses a Slack value that does not match the schema, and names unknown buttons', () => {
    expect(interpretAction({ platform: 'slack', actionId: ACTION_IDS.remind, value: '{"d":["kyrgyzstan"],"s":"soon"}' }).kind).toBe('unsupported');
    expect(interpretAction({ platform: 'slack', actionId: 'something_else', value: 'x' })).toEqual({ kind: 'unsupported', name: 'something_else' });
  });

  it('reads Teams card submits, keeping the card they were on so it can be redrawn', () => {
    expect(interpretAction({ platform: 'teams', value: { ta: 'remind', countries: ['KG'], start: '2026-11-30', end: '2026-12-05' } })).toEqual({
      kind: 'remind',
      destinations: ['KG'],
      start: '2026-11-30',
      end: '2026-12-05',
      card: { countries: ['KG'], start: '2026-11-30', end: '2026-12-05' },
    });
    expect(interpretAction({ platform: 'teams', value: { ta: 'ack', countries: ['KG'] } })).toMatchObject({ kind: 'acknowledge', tripId: null });
    expect(interpretAction({ platform: 'teams', value: { ta: 'snooze', tripId: 't', reminderId: 'r', hours: 3 } })).toEqual({
      kind: 'snooze',
      tripId: 't',
      reminderId: 'r',
      hours: 3,
    });
  });

  it('turns a Teams imBack suggestion into the message it sends, and refuses foreign data', () => {
    expect(interpretAction({ platform: 'teams', value: { msteams: { type: 'imBack', value: 'Tell me about Kazakhstan' } } })).toEqual({
      kind: 'message',
      text: 'Tell me about Kazakhstan',
    });
    expect(interpretAction({ platform: 'teams', value: { ta: 'delete-everything' } }).kind).toBe('unsupported');
  });

  it('names "Full checklist" and "Why this level" as the doors\' own, never mistaking them for another button', () => {
    expect(interpretAction({ platform: 'teams', value: { ta: 'details', kind: 'why', countries: ['KG'] } })).toEqual({
      kind: 'unsupported',
      name: 'Why this level (sent by the Teams bot as follow-up cards)',
    });
    expect(interpretAction({ platform: 'slack', actionId: ACTION_IDS.checklist, value: '{"d":["KG"]}' })).toEqual({
      kind: 'unsupported',
      name: 'Full checklist (opens a modal in Slack)',
    });
  });
});
