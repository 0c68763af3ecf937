/**
 * A button pressed in the playground means what it means to the Slack or Teams door:
 * read with the doors' own action ids and schemas (every button the renderers put on
 * a message, "Full checklist", "Why this level", their next pages and "Share in
 * channel" included), malformed values refused.
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
      platform: 'slack',
      tripId: 'trip-1',
      reminderId: 'rem-1',
    });
    expect(interpretAction({ platform: 'slack', actionId: ACTION_IDS.snooze, value: '{"t":"trip-1","r":"rem-1"}' })).toEqual({
      kind: 'snooze',
      platform: 'slack',
      tripId: 'trip-1',
      reminderId: 'rem-1',
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
      platform: 'teams',
      tripId: 't',
      reminderId: 'r',
    });
  });

  it('turns a Teams imBack suggestion into the message it sends, and refuses foreign data', () => {
    expect(interpretAction({ platform: 'teams', value: { msteams: { type: 'imBack', value: 'Tell me about Kazakhstan' } } })).toEqual({
      kind: 'message',
      text: 'Tell me about Kazakhstan',
    });
    expect(interpretAction({ platform: 'teams', value: { ta: 'delete-everything' } }).kind).toBe('unsupported');
  });

  it('opens "Full checklist" and "Why this level" as each door does: a Slack modal page, the Teams bot\'s follow-up cards', () => {
    expect(interpretAction({ platform: 'slack', actionId: ACTION_IDS.checklist, value: '{"d":["KG"]}' })).toEqual({
      kind: 'details',
      platform: 'slack',
      detail: 'checklist',
      countries: ['KG'],
      page: 1,
    });
    // "Next page" inside the modal carries the page.
    expect(interpretAction({ platform: 'slack', actionId: ACTION_IDS.why, value: '{"d":["KG","KZ"],"p":2}' })).toMatchObject({ detail: 'why', page: 2 });
    expect(interpretAction({ platform: 'teams', value: { ta: 'details', kind: 'why', countries: ['KG'] } })).toEqual({
      kind: 'details',
      platform: 'teams',
      detail: 'why',
      countries: ['KG'],
      page: 1,
    });
    expect(interpretAction({ platform: 'slack', actionId: ACTION_IDS.why, value: '{"d":["kyrgyzstan"]}' }).kind).toBe('unsupported');
  });

  it('shares a /travel answer by the key its "Share in channel" button carries', () => {
    expect(interpretAction({ platform: 'slack', actionId: ACTION_IDS.share, value: '{"a":"3f2c"}' })).toEqual({ kind: 'share', answerKey: '3f2c' });
    expect(interpretAction({ platform: 'slack', actionId: ACTION_IDS.share, value: '{}' }).kind).toBe('unsupported');
  });
});
